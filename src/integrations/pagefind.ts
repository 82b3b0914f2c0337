/**
 * The Astro integration that makes the archive searchable: after `astro build` it indexes the built
 * pages with Pagefind (a failure fails the build); under `astro dev` it serves the last build's index.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getCalendarParts } from '../lib/core/dates';
import { siteConfig } from '../site.config';
import { getReportedPublished } from './build-context';
import { countIndexedPages, searchIndexFolder, serveSearchIndex, writeSearchIndex } from './search-index';

/** The month an article is published in, in the site's time zone (`2022-09`), as its archives file it. */
function publicationMonth(date: Date): string {
  const { year, month } = getCalendarParts(date, siteConfig.timeZone);
  return `${year}-${month}`;
}

/**
 * `WARTA_SEARCH_PART_PAGES` sets how many articles a part of the index holds at most (default
 * 20,000: see PAGES_PER_PART), for a machine with less memory, and for tests of parts on small archives.
 */
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
        const articles = getReportedPublished()?.articles;
        const { pageCount, outputPath, parts, reused } = await writeSearchIndex(fileURLToPath(dir), {
          cacheDir,
          pages: articles?.map((article) => ({
            path: article.permalink,
            language: article.lang,
            month: publicationMonth(article.date),
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
