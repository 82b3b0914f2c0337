/**
 * The publishing integration: after a build it says how many drafts and scheduled articles were
 * held back, and writes a redirect page at every old path (`aliases`) of a published article, and
 * at the old page of each tag now mapped to a topic, plus a `_redirects` file, for exactly the
 * articles the build published. In `npm run dev` the old paths of every article, drafts included,
 * redirect to its permalink as well.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readContentFolder, resolveContentDir } from '../files/content-folder';
import { formatHeldBack } from '../lib/report/held-back';
import {
  findRedirect,
  listRedirects,
  listTopicRedirects,
  redirectFilePath,
  renderRedirectPage,
  renderRedirectsFile,
  type Redirect,
  type SiteLocation,
} from '../lib/syndication/redirects';
import { withBase } from '../lib/core/permalinks';
import { siteConfig } from '../site.config';
import { getBuildSettings } from './build-context';
import { getPublishedContent } from './published-content';

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function writeRedirects(
  outDir: string,
  redirects: readonly Redirect[],
  location: SiteLocation,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const written: Redirect[] = [];
  for (const redirect of redirects) {
    const file = path.join(outDir, redirectFilePath(redirect.from));
    // A page or public file already at the old path wins; `npm run check` reports the alias.
    if (await exists(file)) {
      logger.warn(`alias ${redirect.from} of ${redirect.to} is a page of the site already; no redirect written`);
      continue;
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, renderRedirectPage(redirect, location));
    written.push(redirect);
  }
  if (written.length === 0) return;
  // A hand-written public/_redirects (copied to the output) is kept, and ours appended to it.
  const redirectsFile = path.join(outDir, '_redirects');
  const existing = await readFile(redirectsFile, 'utf8').catch(() => '');
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  await writeFile(redirectsFile, `${existing}${separator}${renderRedirectsFile(written, location.base)}`);
  logger.info(`${written.length} redirect${written.length === 1 ? '' : 's'} from old paths written`);
}

/** Handles requests of `npm run dev` to old paths of articles, read afresh after any content change. */
function createDevRedirects(base: string): {
  handle: (url: string | undefined) => Promise<string | undefined>;
  contentDir: string;
  forget: () => void;
} {
  const contentDir = resolveContentDir();
  let redirects: Promise<Redirect[]> | undefined;
  const load = async () => {
    const folder = await readContentFolder(contentDir, {
      defaultLang: siteConfig.defaultLang,
      timeZone: siteConfig.timeZone,
    });
    return listRedirects(
      folder.articles.map(({ frontmatter, permalink }) => ({
        title: frontmatter.title,
        lang: frontmatter.lang,
        permalink,
        aliases: frontmatter.aliases,
      })),
    );
  };
  return {
    contentDir,
    forget: () => {
      redirects = undefined;
    },
    handle: async (url) => {
      // Vite's own modules and bundled assets are never old article paths; they need not wait for a read.
      if (url === undefined || /^\/(?:@|node_modules\/|__)|\/_astro\//.test(url)) return undefined;
      // A failed read is tried again on the next request rather than remembered.
      redirects ??= load().catch((error: unknown) => {
        redirects = undefined;
        throw error;
      });
      const redirect = findRedirect(await redirects, url, base);
      return redirect && encodeURI(withBase(base, redirect.to));
    },
  };
}

/**
 * Creates the publishing integration (held-back report and alias redirects; a shard of a sharded
 * build leaves the redirects to the merge, which knows every page).
 */
export function wartaPublishing({ redirects: writeAliases = true }: { redirects?: boolean } = {}): AstroIntegration {
  let config: AstroConfig | undefined;
  return {
    name: 'warta-publishing',
    hooks: {
      'astro:config:done': ({ config: resolved }) => {
        config = resolved;
      },
      'astro:server:setup': ({ server, logger }) => {
        const dev = createDevRedirects(config?.base ?? siteConfig.base);
        server.watcher.add(dev.contentDir);
        server.watcher.on('all', (_event, file) => {
          if (file.startsWith(dev.contentDir)) dev.forget();
        });
        server.middlewares.use((request, response, next) => {
          if (request.method !== 'GET' && request.method !== 'HEAD') return next();
          dev.handle(request.url).then(
            (location) => {
              if (!location) return next();
              // Temporary, unlike the built _redirects: a browser must not remember an alias being edited.
              response.writeHead(302, { Location: location });
              response.end();
            },
            (error: unknown) => {
              logger.warn(`old paths could not be read for redirects: ${String(error)}`);
              next();
            },
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { articles, stats } = await getPublishedContent();
        logger.info(formatHeldBack(stats.drafts, stats.scheduled, getBuildSettings().includeFuture));
        if (!writeAliases) return;

        const redirects = [
          ...listRedirects(
            articles.map((article) => ({
              title: article.title,
              lang: article.lang,
              permalink: article.permalink,
              aliases: article.aliases,
            })),
          ),
          // The pages mapped tags had before they became one topic (see src/data/topics.ts).
          ...listTopicRedirects(
            articles.map((article) => article.tags),
            siteConfig.tagMappings,
            siteConfig.defaultLang,
          ),
        ];
        const location = { site: config?.site ?? siteConfig.url, base: config?.base ?? siteConfig.base };
        await writeRedirects(fileURLToPath(dir), redirects, location, logger);
      },
    },
  };
}
