/**
 * The content loader for articles: reads every `**\/*.md` below the content folder with our own
 * frontmatter parser and schema (so every problem in every file is reported in one run, with line
 * numbers), then renders each changed article once through the configured Markdown processor.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { toArticleData, type ReadArticleOptions } from '../lib/content/article-file';
import { mapArticleFileLinks } from '../lib/content/article-links';
import { articleDataSchema, type ArticleData } from '../lib/content/article-schema';
import { findMissingImages } from '../lib/content/content-checks';
import {
  assertContentFolder,
  displayPath,
  labelFromCwd,
  readContentFolder,
  type ContentFolder,
  type ReadContentFolderOptions,
} from '../files/content-folder';
import { renderFailureProblem } from '../lib/content/input-checks';
import {
  listRenderedBodies,
  pruneRenderedBodies,
  renderedCacheFolder,
  writeRenderedBody,
} from '../files/rendered-cache';
import { createArticleRenderer, type MarkdownImageOptions } from '../markdown/index';
import { renderArticle, type RenderJob, type RenderOutcome } from './render-article';
import { defaultWorkerCount, renderOnWorkers, type RenderResult } from './render-pool';
import { renderInBackground } from './render-background';
import { getBuildSettings, registerDeferredRenders, registerShardPlan } from '../integrations/build-context';
import { publishedArticles } from '../lib/content/publishing';
import { resolveBuildTime } from '../lib/core/build-time';
import { planShardsOfArticles, type ShardPlan } from '../lib/core/shards';
import { withBase } from '../lib/core/permalinks';
import { ContentError, formatProblem, sortProblems, type Problem } from '../lib/core/problems';

/** Options for {@link articleLoader}. */
export interface ArticleLoaderOptions extends ReadArticleOptions {
  /** Absolute path of the content folder. */
  directory: string;
  /** The base path links in articles are rendered under; a change re-renders every article. */
  base?: string;
}

// Bump when the Markdown pipeline changes output, so cached renders are redone.
const PIPELINE_VERSION = '5';

// Below this many bodies to render, starting worker threads costs more than it saves.
const WORKER_THRESHOLD = 48;

/**
 * Threads to render `jobs` bodies on: 0 renders them on the loader's own thread. WARTA_RENDER_WORKERS
 * sets the number (0 turns the workers off); by default one per core, for a large enough batch.
 */
function renderWorkerCount(jobs: number): number {
  const configured = process.env['WARTA_RENDER_WORKERS'];
  if (configured !== undefined && configured !== '') {
    const count = Number(configured);
    if (!Number.isInteger(count) || count < 0) {
      throw new Error(`WARTA_RENDER_WORKERS must be a whole number of threads (0 turns them off), not "${configured}"`);
    }
    return jobs === 0 ? 0 : count;
  }
  const cores = defaultWorkerCount();
  return jobs >= WORKER_THRESHOLD && cores > 1 ? cores : 0;
}

// The part of Astro's image settings the Markdown renderer reads: which remote pictures are allowed.
function markdownImageOptions(image: { domains?: string[]; remotePatterns?: unknown[] }): MarkdownImageOptions {
  return { domains: image.domains ?? [], remotePatterns: image.remotePatterns ?? [] } as MarkdownImageOptions;
}

/** Creates the loader of the `articles` collection. */
export function articleLoader(options: ArticleLoaderOptions): Loader {
  return {
    name: 'warta-articles',
    schema: articleDataSchema,
    async load(context) {
      const { directory } = options;
      const { logger, watcher } = context;
      const sync = () => syncArticles(context, options);
      await sync();
      if (!watcher) return;
      // `astro dev`: a changed, added or removed article syncs the whole folder again.
      watcher.add(directory);
      const onChange = async (changed: string): Promise<void> => {
        if (!changed.startsWith(directory) || !changed.endsWith('.md')) return;
        try {
          await sync();
        } catch (error) {
          logger.error(error instanceof Error ? error.message : String(error));
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', onChange);
    },
  };
}

type ContentArticle = ContentFolder['articles'][number];

/** An article whose body needs rendering, with what its store entry is made of. */
interface PendingRender {
  /** The article as read from its file. */
  article: ContentArticle;
  /** Its frontmatter, as the store keeps it. */
  data: ArticleData;
  /** Digest of everything its entry and body are made from. */
  digest: string;
  /** What a renderer needs to render its body. */
  job: RenderJob;
}

/**
 * One sync of the collection with the content folder: reads and checks every article, renders the
 * bodies that changed (on worker threads for a large batch, some of them while the pages render),
 * stores every entry, and forgets the articles that are gone.
 */
async function syncArticles(context: LoaderContext, options: ArticleLoaderOptions): Promise<void> {
  const { store, logger, config } = context;
  const { directory, base = '/', ...readOptions } = options;
  registerDeferredRenders(undefined);
  const label = labelFromCwd(directory);
  const folder = await readCheckedFolder(context, directory, { ...readOptions, label });
  const renderedFolder = renderedCacheFolder(fileURLToPath(config.cacheDir));
  const { toRender, digests } = await findChangedArticles(context, folder, {
    directory,
    renderedFolder,
    // Everything besides an article's own text that changes its rendered body.
    settings: `${base}\n${readOptions.timeZone}\n${readOptions.defaultLang}`,
  });
  const storeEntry = (item: PendingRender, rendered?: RenderOutcome) =>
    storeArticle(context, directory, item, rendered);

  // A shard of a sharded build renders the bodies of its own article pages; any other body a page
  // of it shows (the newest articles in the main feeds) is rendered when that page asks for it.
  const shard = planShard(folder, readOptions.timeZone);
  const otherShard = (item: PendingRender): boolean =>
    shard !== undefined && (shard.plan.articleShard.get(item.article.permalink) ?? 1) !== shard.index;
  const workers = shard ? Math.max(1, renderWorkerCount(toRender.length)) : renderWorkerCount(toRender.length);
  // On a large build, bodies that show no picture (which Astro's image pipeline would need to know
  // of now) are rendered in the background while the pages render.
  const deferred = workers > 0 ? toRender.filter((item) => !mayShowPictures(item.article.body)) : [];
  const deferredSet = new Set(deferred);
  const now = toRender.filter((item) => !deferredSet.has(item));
  const image = markdownImageOptions(config.image);
  for (const item of deferred) storeEntry(item);
  registerDeferredRenders(
    deferred.length > 0
      ? renderInBackground(deferred, {
          workers,
          image,
          folder: renderedFolder,
          label,
          onDemandOnly: (index) => otherShard(deferred[index]!),
        })
      : undefined,
  );
  const failures = await renderNow(now, { workers, image, renderedFolder, label, storeEntry });
  if (failures.length > 0) throw new ContentError(failures);

  const seen = new Set(folder.articles.map((article) => article.id));
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  await pruneRenderedBodies(renderedFolder, digests);
  // Another shard's bodies are rendered only if a page of this one shows them.
  const onDemand = shard ? deferred.filter(otherShard).length : 0;
  const whilePages = deferred.length - onDemand;
  logger.info(
    `${folder.articles.length} articles read, ${toRender.length - onDemand} rendered` +
      `${workers > 0 ? ` on ${workers} threads` : ''}${whilePages > 0 ? ` (${whilePages} while the pages render)` : ''}` +
      `${onDemand > 0 ? `, ${onDemand} of other shards only if a page shows them` : ''}, ` +
      `${folder.articles.length - toRender.length} unchanged`,
  );
}

/**
 * In a sharded build (`WARTA_SHARD`), plans which shard renders which pages from the articles the
 * build publishes, for the pages and the search index to read (src/lib/core/shards.ts).
 */
function planShard(folder: ContentFolder, timeZone: string): { index: number; plan: ShardPlan } | undefined {
  const { shard, includeFuture, searchPartPages } = getBuildSettings();
  if (!shard) {
    registerShardPlan(undefined);
    return undefined;
  }
  const published = publishedArticles(folder.articles, { now: resolveBuildTime(process.env), includeFuture });
  const plan = planShardsOfArticles(published, shard.count, { timeZone, partPages: searchPartPages });
  registerShardPlan(plan);
  return { index: shard.index, plan };
}

/**
 * Reads the content folder and stops the build on any error or missing picture, naming the file
 * and line as `npm run check` does; warnings are logged, for editors and the build report.
 */
async function readCheckedFolder(
  { logger, config }: LoaderContext,
  directory: string,
  readOptions: ReadContentFolderOptions & { label: (file: string) => string },
): Promise<ContentFolder> {
  const { label } = readOptions;
  await assertContentFolder(directory);
  const folder = await readContentFolder(directory, readOptions);
  if (folder.problems.some((problem) => problem.severity === 'error')) {
    throw new ContentError(folder.problems);
  }
  // A missing picture fails the build with the article's name and line, instead of a bundler error
  // about an unresolvable import.
  const missingImages = await findMissingImages(folder.articles, {
    contentDir: directory,
    publicDir: fileURLToPath(config.publicDir),
    label,
    displayPath: (absolute) => displayPath(absolute),
    fileExists: (absolute) =>
      access(absolute).then(
        () => true,
        () => false,
      ),
  });
  if (missingImages.length > 0) throw new ContentError(missingImages);
  for (const problem of sortProblems(folder.problems)) logger.warn(formatProblem(problem));
  return folder;
}

/**
 * The articles whose entry or rendered body is not up to date, and the digest of every article.
 * An unchanged article keeps its entry (and its body in the rendered-body cache).
 */
async function findChangedArticles(
  { store, generateDigest, config }: LoaderContext,
  folder: ContentFolder,
  { directory, renderedFolder, settings }: { directory: string; renderedFolder: string; settings: string },
): Promise<{ toRender: PendingRender[]; digests: Set<string> }> {
  const siteUrl = config.site ?? 'http://localhost/';
  const addresses = new Map(folder.articles.map((a) => [a.file, withBase(config.base, a.permalink)]));
  const onDisk = await listRenderedBodies(renderedFolder);
  const digests = new Set<string>();
  const toRender: PendingRender[] = [];
  for (const article of folder.articles) {
    const data = withLocalLeadImage(toArticleData(article));
    // Relative links to other article files become their addresses (remarkArticleLinks).
    const articleLinks = mapArticleFileLinks(article.file, article.body, (file) => addresses.get(file));
    const hasLinks = Object.keys(articleLinks).length > 0;
    const links = hasLinks ? `articleLinks: ${JSON.stringify(articleLinks)}\n` : '';
    const digest = generateDigest(
      `${PIPELINE_VERSION}\n${siteUrl}\n${settings}\n${JSON.stringify(data)}\n${links}${article.body}`,
    );
    digests.add(digest);
    const cached = store.get(article.id);
    if (cached?.digest === digest && onDisk.has(digest)) {
      // Astro lists the pictures to import in .astro/content-assets.mjs, one file per checkout that
      // builds of other content folders (the tests') overwrite, and rewrites it only when an entry
      // with pictures is set: setting the cached entry afresh keeps the list ours.
      if (cached.assetImports?.length) {
        store.delete(article.id);
        store.set(cached);
      }
      continue;
    }
    toRender.push({
      article,
      data,
      digest,
      job: {
        fileURL: pathToFileURL(path.join(directory, article.file)).href,
        body: article.body,
        frontmatter: { lang: data.lang, ...(hasLinks ? { articleLinks } : {}) },
      },
    });
  }
  return { toRender, digests };
}

/** Sets an article's entry in the store, with its rendered body when that shows pictures. */
function storeArticle(
  { store, config }: LoaderContext,
  directory: string,
  { article, data, digest }: PendingRender,
  rendered?: RenderOutcome,
): void {
  const leadImage = isLocalImage(data.image?.src) ? data.image.src : undefined;
  const imagePaths = rendered ? [...rendered.localImagePaths, ...rendered.remoteImagePaths] : [];
  store.set({
    id: article.id,
    data,
    digest,
    // The body stays out of Astro's data store (see src/files/rendered-cache.ts), unless it shows
    // pictures: those go through Astro's image pipeline when the page renders it.
    ...(rendered && imagePaths.length > 0
      ? {
          rendered: {
            html: rendered.body.html,
            metadata: { imagePaths, frontmatter: { readingTime: rendered.body.readingTime } },
          },
        }
      : {}),
    filePath: path.relative(fileURLToPath(config.root), path.join(directory, article.file)).split(path.sep).join('/'),
    // Pictures next to the article go through Astro's image pipeline: body images found while
    // rendering, and the lead image, which Astro swaps for the imported picture whenever the entry
    // is read (see getLeadImage in src/data/images.ts).
    assetImports: [...imagePaths, ...(leadImage ? [leadImage] : [])],
    ...(leadImage ? { imageImports: [['image', 'src']] } : {}),
  });
}

/** How {@link renderNow} renders and stores bodies. */
interface RenderNowOptions {
  /** Worker threads to render on; 0 renders on this thread. */
  workers: number;
  /** Which remote pictures bodies may show. */
  image: MarkdownImageOptions;
  /** The rendered-body cache folder each body is written to. */
  renderedFolder: string;
  /** Names an article file in problems. */
  label: (file: string) => string;
  /** Stores an article's entry once its body is rendered. */
  storeEntry: (item: PendingRender, rendered: RenderOutcome) => void;
}

/**
 * Renders the bodies the pages cannot wait for, writes each to the rendered-body cache and stores
 * its entry. Every article is tried, so one build names every body that cannot be rendered; the
 * problems of those are returned.
 */
async function renderNow(items: readonly PendingRender[], options: RenderNowOptions): Promise<Problem[]> {
  const { workers, image, renderedFolder, label, storeEntry } = options;
  const failures: Problem[] = [];
  const onResult = async (index: number, result: RenderResult): Promise<void> => {
    const item = items[index]!;
    if (!result.ok) {
      failures.push(renderFailureProblem(label(item.article.file), result.error));
      return;
    }
    await writeRenderedBody(renderedFolder, item.digest, result.outcome.body);
    storeEntry(item, result.outcome);
  };
  if (items.length === 0) return failures;
  if (workers > 0) {
    await renderOnWorkers(
      items.map((item) => item.job),
      { workers, image, onResult },
    );
    return failures;
  }
  const renderer = await createArticleRenderer(image);
  for (const [index, { job }] of items.entries()) {
    const result: RenderResult = await renderArticle(renderer, job).then(
      (outcome) => ({ ok: true as const, outcome }),
      (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    await onResult(index, result);
  }
  return failures;
}

/**
 * Whether a Markdown body may show a picture: Markdown image syntax, or an HTML picture. Such a body
 * is rendered before the pages, so its pictures reach Astro's image pipeline.
 */
function mayShowPictures(body: string): boolean {
  return body.includes('![') || /<(img|picture|source)\b/i.test(body);
}

// "/photos/a.jpg" is a file of public/ and "https://…" is elsewhere: both are used as they are.
function isLocalImage(src: string | undefined): src is string {
  return src !== undefined && !src.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(src);
}

// Astro imports a local picture by a path relative to the article; "a.jpg" needs "./" for that,
// or the bundler would look for a package named a.jpg.
function withLocalLeadImage(data: ArticleData): ArticleData {
  const src = data.image?.src;
  if (!data.image || !isLocalImage(src) || src.startsWith('.')) return data;
  return { ...data, image: { ...data.image, src: `./${src}` } };
}
