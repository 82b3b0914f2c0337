/**
 * The content loader for articles: reads every `**\/*.md` below the content folder with our own
 * frontmatter parser and schema (so every problem in every file is reported in one run, with line
 * numbers), then renders each changed article once through the configured Markdown processor.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { toArticleData, type ReadArticleOptions } from '../lib/article-file';
import { mapArticleFileLinks } from '../lib/article-links';
import { articleDataSchema, type ArticleData } from '../lib/article-schema';
import { findMissingImages } from '../lib/content-checks';
import { displayPath, labelFromCwd, readContentFolder } from '../lib/content-folder';
import { renderFailureProblem } from '../lib/input-checks';
import { withBase } from '../lib/permalinks';
import { ContentError, formatProblem, sortProblems, type Problem } from '../lib/problems';

/** Options for {@link articleLoader}. */
export interface ArticleLoaderOptions extends ReadArticleOptions {
  /** Absolute path of the content folder. */
  directory: string;
  /** The base path links in articles are rendered under; a change re-renders every article. */
  base?: string;
}

// Bump when the Markdown pipeline changes output, so cached renders are redone.
const PIPELINE_VERSION = '3';

/** Creates the loader of the `articles` collection. */
export function articleLoader(options: ArticleLoaderOptions): Loader {
  const { directory, base = '/', ...readOptions } = options;
  return {
    name: 'warta-articles',
    schema: articleDataSchema,
    async load({ store, renderMarkdown, generateDigest, logger, watcher, config }) {
      const root = fileURLToPath(config.root);
      const label = labelFromCwd(directory);
      const sync = async (): Promise<void> => {
        const folder = await readContentFolder(directory, { ...readOptions, label });
        if (folder.problems.some((problem) => problem.severity === 'error')) {
          throw new ContentError(folder.problems);
        }
        // A missing picture fails the build with the article's name and line, as `npm run check`
        // reports it, instead of a bundler error about an unresolvable import.
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
        // Warnings do not stop the build, but editors see them, and so does the build report.
        for (const problem of sortProblems(folder.problems)) logger.warn(formatProblem(problem));
        const seen = new Set<string>();
        const failures: Problem[] = [];
        let rendered = 0;
        const addresses = new Map(folder.articles.map((a) => [a.file, withBase(config.base, a.permalink)]));
        for (const article of folder.articles) {
          seen.add(article.id);
          const data = withLocalLeadImage(toArticleData(article));
          // Relative links to other article files become their addresses (remarkArticleLinks).
          const articleLinks = mapArticleFileLinks(article.file, article.body, (file) => addresses.get(file));
          const links = Object.keys(articleLinks).length > 0 ? `articleLinks: ${JSON.stringify(articleLinks)}\n` : '';
          const digest = generateDigest(
            `${PIPELINE_VERSION}\n${base}\n${readOptions.timeZone}\n${readOptions.defaultLang}\n${JSON.stringify(data)}\n${links}${article.body}`,
          );
          const cached = store.get(article.id);
          if (cached?.digest === digest) {
            // Astro lists the pictures to import in .astro/content-assets.mjs, one file per checkout
            // that builds of other content folders (the tests') overwrite, and rewrites it only when
            // an entry with pictures is set: setting the cached entry afresh keeps the list ours.
            if (cached.assetImports?.length) {
              store.delete(article.id);
              store.set(cached);
            }
            continue;
          }
          // A tiny frontmatter hands the language and link map to plugins and keeps a body that
          // opens with a thematic break from being read as frontmatter.
          let html: Awaited<ReturnType<typeof renderMarkdown>>;
          try {
            html = await renderMarkdown(`---\nlang: ${data.lang}\n${links}---\n${article.body}`, {
              fileURL: pathToFileURL(path.join(directory, article.file)),
            });
          } catch (error) {
            // Every article is still tried, so one build names every body that cannot be rendered.
            failures.push(renderFailureProblem(label(article.file), error));
            continue;
          }
          const leadImage = isLocalImage(data.image?.src) ? data.image.src : undefined;
          store.set({
            id: article.id,
            data,
            digest,
            rendered: html,
            filePath: path.relative(root, path.join(directory, article.file)).split(path.sep).join('/'),
            // Pictures next to the article go through Astro's image pipeline: body images found
            // while rendering, and the lead image, which Astro swaps for the imported picture
            // whenever the entry is read (see getLeadImage in src/data/images.ts).
            assetImports: [...(html.metadata?.imagePaths ?? []), ...(leadImage ? [leadImage] : [])],
            ...(leadImage ? { imageImports: [['image', 'src']] } : {}),
          });
          rendered += 1;
        }
        if (failures.length > 0) throw new ContentError(failures);
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
        logger.info(
          `${folder.articles.length} articles read, ${rendered} rendered, ${folder.articles.length - rendered} unchanged`,
        );
      };

      await sync();

      if (watcher) {
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
      }
    },
  };
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
