/**
 * The Astro integration that makes the archive searchable: after `astro build` it indexes the built
 * pages with Pagefind (a failure fails the build); under `astro dev` it serves the last build's index.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readBuildChannel } from './build-channel';
import { countIndexedPages, searchIndexFolder, serveSearchIndex, writeSearchIndex } from './search-index';

/** Creates the search integration for `astro.config.mjs`. */
export function pagefindIntegration(): AstroIntegration {
  let outDir = '';
  let base = '/';
  return {
    name: 'warta:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(`${base}${searchIndexFolder}`, serveSearchIndex(outDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        // Only article pages are searchable; the query module reports them. A build that rendered
        // no page reports nothing, and every page of the folder is read instead.
        const articles = readBuildChannel().published;
        const { pageCount, outputPath } = await writeSearchIndex(
          fileURLToPath(dir),
          articles?.map((article) => article.permalink),
        );
        const byLanguage = Object.entries(await countIndexedPages(outputPath));
        const indexed = byLanguage.reduce((sum, [, count]) => sum + count, 0);
        const languages = byLanguage.map(([language, count]) => `${language}: ${count}`).join(', ');
        logger.info(`indexed ${indexed} of ${pageCount} pages for search (${languages}) into ${outputPath}`);
      },
    },
  };
}
