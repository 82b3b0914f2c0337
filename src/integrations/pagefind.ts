/**
 * The Astro integration that makes the archive searchable: after `astro build` it indexes the built
 * pages with Pagefind (a failure fails the build); under `astro dev` it serves the last build's index.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { siteConfig } from '../site.config';
import { searchPagesOf } from '../lib/search/search-plan';
import { getBuildSettings, getReportedPublished, getShardPlan } from './build-context';
import { countIndexedPages, searchIndexFolder, serveSearchIndex, writeSearchIndex } from './search-index';

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
        // A shard of a sharded build writes the parts of its own article pages (src/lib/core/shards.ts).
        const articles = getReportedPublished()?.articles;
        const { shard, searchPartPages } = getBuildSettings();
        const plan = getShardPlan();
        const { pageCount, outputPath, parts, reused } = await writeSearchIndex(fileURLToPath(dir), {
          cacheDir,
          pages: articles && searchPagesOf(articles, siteConfig.timeZone),
          partPages: searchPartPages,
          ...(shard && plan ? { onlyParts: plan.parts[shard.index - 1] ?? [] } : {}),
        });
        if (parts.length > 0) {
          logger.info(`search index in ${parts.length} parts, ${reused} unchanged since the last build`);
        }
        if (shard && parts.length === 0) {
          logger.info('no part of the search index in this shard');
          return;
        }
        const byLanguage = Object.entries(await countIndexedPages(outputPath));
        const indexed = byLanguage.reduce((sum, [, count]) => sum + count, 0);
        const languages = byLanguage.map(([language, count]) => `${language}: ${count}`).join(', ');
        logger.info(`indexed ${indexed} of ${pageCount} pages for search (${languages}) into ${outputPath}`);
      },
    },
  };
}
