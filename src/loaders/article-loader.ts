/**
 * The content loader for articles: reads every `**\/*.md` below the content folder with our own
 * frontmatter parser and schema (so every problem in every file is reported in one run, with line
 * numbers), then renders each changed article once through the configured Markdown processor.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { toArticleData, type ReadArticleOptions } from '../lib/article-file';
import { mapArticleFileLinks } from '../lib/article-links';
import { articleDataSchema } from '../lib/article-schema';
import { labelFromCwd, readContentFolder } from '../lib/content-folder';
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
        // Warnings do not stop the build, but editors see them, and so does the build report.
        for (const problem of sortProblems(folder.problems)) logger.warn(formatProblem(problem));
        const seen = new Set<string>();
        const failures: Problem[] = [];
        let rendered = 0;
        const addresses = new Map(folder.articles.map((a) => [a.file, withBase(config.base, a.permalink)]));
        for (const article of folder.articles) {
          seen.add(article.id);
          const data = toArticleData(article);
          // Relative links to other article files become their addresses (remarkArticleLinks).
          const articleLinks = mapArticleFileLinks(article.file, article.body, (file) => addresses.get(file));
          const links = Object.keys(articleLinks).length > 0 ? `articleLinks: ${JSON.stringify(articleLinks)}\n` : '';
          const digest = generateDigest(
            `${PIPELINE_VERSION}\n${base}\n${readOptions.timeZone}\n${readOptions.defaultLang}\n${JSON.stringify(data)}\n${links}${article.body}`,
          );
          if (store.get(article.id)?.digest === digest) continue;
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
          store.set({
            id: article.id,
            data,
            digest,
            rendered: html,
            filePath: path.relative(root, path.join(directory, article.file)).split(path.sep).join('/'),
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
