/**
 * The content loader for articles: reads every `**\/*.md` below the content folder with our own
 * frontmatter parser and schema (so every problem in every file is reported in one run, with line
 * numbers), then renders each changed article once through the configured Markdown processor.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { toArticleData, type ReadArticleOptions } from '../lib/article-file';
import { articleDataSchema } from '../lib/article-schema';
import { labelFromCwd, readContentFolder } from '../lib/content-folder';
import { ContentError, formatProblem, sortProblems } from '../lib/problems';

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
      const sync = async (): Promise<void> => {
        const folder = await readContentFolder(directory, { ...readOptions, label: labelFromCwd(directory) });
        if (folder.problems.some((problem) => problem.severity === 'error')) {
          throw new ContentError(folder.problems);
        }
        // Warnings do not stop the build, but editors see them, and so does the build report.
        for (const problem of sortProblems(folder.problems)) logger.warn(formatProblem(problem));
        const seen = new Set<string>();
        let rendered = 0;
        for (const article of folder.articles) {
          seen.add(article.id);
          const data = toArticleData(article);
          const digest = generateDigest(
            `${PIPELINE_VERSION}\n${base}\n${readOptions.timeZone}\n${readOptions.defaultLang}\n${JSON.stringify(data)}\n${article.body}`,
          );
          if (store.get(article.id)?.digest === digest) continue;
          // A tiny frontmatter hands the language to plugins and keeps a body that opens with a
          // thematic break from being read as frontmatter.
          const html = await renderMarkdown(`---\nlang: ${data.lang}\n---\n${article.body}`, {
            fileURL: pathToFileURL(path.join(directory, article.file)),
          });
          store.set({
            id: article.id,
            data,
            digest,
            rendered: html,
            filePath: path.relative(root, path.join(directory, article.file)).split(path.sep).join('/'),
          });
          rendered += 1;
        }
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
