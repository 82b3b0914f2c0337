/**
 * The Astro integration that makes the archive searchable: after `astro build` it indexes the built
 * pages with Pagefind (a failure fails the build); under `astro dev` it serves the last build's index.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readBuildChannel } from './build-channel';
import { countIndexedPages, searchIndexFolder, serveSearchIndex, writeSearchIndex } from './search-index';

/** The month an article's permalink is filed under (`/2022/09/06/slug/` → `2022-09`). */
function publicationMonth(permalink: string, date: Date): string {
  const match = /\/(\d{4})\/(\d{2})\//.exec(permalink);
  return match ? `${match[1]!}-${match[2]!}` : date.toISOString().slice(0, 7);
}

/** `WARTA_SEARCH_PART_PAGES` sets the pages per part of the index, for tests of small archives. */
function partPagesFromEnvironment(): number | undefined {
  const value = Number(process.env['WARTA_SEARCH_PART_PAGES']);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Creates the search integration for `astro.config.mjs`. */
export function pagefindIntegration(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let base = '/';
  return {
    name: 'warta:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(`${base}${searchIndexFolder}`, serveSearchIndex(outDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        // Only article pages are searchable; the query module reports them. A build that rendered
        // no page reports nothing, and every page of the folder is read instead.
        const articles = readBuildChannel().published;
        const { pageCount, outputPath, parts, reused } = await writeSearchIndex(fileURLToPath(dir), {
          cacheDir,
          pages: articles?.map((article) => ({
            path: article.permalink,
            language: article.lang,
            month: publicationMonth(article.permalink, article.date),
          })),
          partPages: partPagesFromEnvironment(),
        });
        if (parts.length > 0) {
          logger.info(`search index in ${parts.length} parts, ${reused} unchanged since the last build`);
        }
        const byLanguage = Object.entries(await countIndexedPages(outputPath));
        const indexed = byLanguage.reduce((sum, [, count]) => sum + count, 0);
        const languages = byLanguage.map(([language, count]) => `${language}: ${count}`).join(', ');
        logger.info(`indexed ${indexed} of ${pageCount} pages for search (${languages}) into ${outputPath}`);
      },
    },
  };
}
