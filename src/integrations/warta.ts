/**
 * Warta as an Astro integration: `warta({ … })` in astro.config.mjs is where a newsroom sets up its
 * site (name, address, time zone, languages, sections, tag mappings…). It validates the options with
 * the WARTA_* environment overrides, naming every problem at once; makes them the settings every
 * part of the build reads (src/site.config.ts); and returns Warta's integrations in the order the
 * build needs them, with the guard rails of a deploy in between.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { termIndexPath } from '../lib/core/routes';
import {
  isContinuousIntegration,
  isExampleSiteUrl,
  type SitePages,
  type WartaOptions,
} from '../lib/core/site-settings';
import { registerSiteOptions, resolveOrThrow } from '../site.config';
import { buildFinish, buildStart } from './build-frame';
import { readBuildSettings } from './build-context';
import { getPublishedContent } from './published-content';
import { pagefindIntegration } from './pagefind';
import { wartaPublishing } from './publishing';
import { securityHeaders } from './security-headers';
import { wartaSitemap } from './sitemap';

export type { WartaOptions } from '../lib/core/site-settings';

/** The variable that lets a build keep the sample archive's address on purpose (tests, the project's own CI). */
export const ALLOW_EXAMPLE_URL_ENV = 'WARTA_ALLOW_EXAMPLE_URL';

/**
 * Warta's integrations for astro.config.mjs, set up with a newsroom's options: throws, listing every
 * problem, when an option or a WARTA_* variable is wrong.
 */
export function warta(options: WartaOptions): AstroIntegration[] {
  const settings = resolveOrThrow(options);
  registerSiteOptions(options);
  // A shard of a sharded build writes its pages and its parts of the search index; the sitemaps,
  // redirects and headers, which need every page, are written by the merge (src/files/shard-merge.ts).
  const shard = readBuildSettings().shard !== undefined;
  // buildStart must stay first and buildFinish last: they frame every other integration's work.
  return [
    buildStart(),
    wartaSite(settings.url, settings.base, settings.allowEmptyArchive),
    wartaOptionalPages(settings.pages),
    ...(shard ? [] : [wartaSitemap()]),
    wartaPublishing({ redirects: !shard }),
    ...(shard ? [] : [securityHeaders()]),
    pagefindIntegration(),
    buildFinish(),
  ];
}

/**
 * What a deploy must not get wrong: the archive's address and sub-path go to Astro; a build for
 * deployment with the sample's address fails (locally it warns); a build that publishes no article
 * fails unless the settings allow an empty archive.
 */
export function wartaSite(url: string, base: string, allowEmptyArchive: boolean): AstroIntegration {
  return {
    name: 'warta:site',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        updateConfig({ site: url, base });
        if (command !== 'build') return;
        const problem = checkSiteUrl(url, process.env);
        if (problem?.fatal) throw new Error(problem.message);
        if (problem) logger.warn(problem.message);
      },
      'astro:build:generated': async () => {
        if (allowEmptyArchive) return;
        const { stats } = await getPublishedContent();
        if (stats.articles === 0) throw new Error(describeEmptyArchive(stats.drafts, stats.scheduled));
      },
    },
  };
}

/**
 * The fixed pages of kinds a newsroom may turn off: the index of authors is added only when the
 * archive has author pages (the routes of each author, each day and each tag feed have no paths then).
 */
export function wartaOptionalPages(pages: SitePages): AstroIntegration {
  return {
    name: 'warta:optional-pages',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (!pages.authorPages) return;
        injectRoute({
          pattern: termIndexPath('authors'),
          entrypoint: fileURLToPath(new URL('../pages/authors/_index.astro', import.meta.url)),
        });
      },
    },
  };
}

/**
 * Whether the site address is still the sample's: for a build for deployment (`CI` set) a fatal
 * problem, locally a warning; nothing when the address is the newsroom's own or the sample's on purpose.
 */
export function checkSiteUrl(url: string, env: NodeJS.ProcessEnv): { fatal: boolean; message: string } | undefined {
  if (!isExampleSiteUrl(url) || env[ALLOW_EXAMPLE_URL_ENV] === '1') return undefined;
  const source = env['WARTA_SITE_URL']?.trim() ? 'WARTA_SITE_URL' : 'warta({ url }) in astro.config.mjs';
  const fix =
    `set warta({ url: 'https://…' }) in astro.config.mjs or WARTA_SITE_URL to the archive's own address ` +
    `(${ALLOW_EXAMPLE_URL_ENV}=1 builds the sample on purpose)`;
  if (isContinuousIntegration(env)) {
    return {
      fatal: true,
      message: `${source} is "${url}", the sample archive's address, in a build for deployment (CI is set): ${fix}`,
    };
  }
  return {
    fatal: false,
    message: `${source} is "${url}", the sample archive's address: links in feeds, sitemaps and previews point there; ${fix}`,
  };
}

/** The message of a build that would publish nothing, saying what was held back and how to allow it. */
export function describeEmptyArchive(drafts: number, scheduled: number): string {
  const heldBack = [
    drafts > 0 ? `${drafts} draft${drafts === 1 ? '' : 's'}` : '',
    scheduled > 0 ? `${scheduled} scheduled for later` : '',
  ].filter(Boolean);
  return (
    `the archive publishes no article${heldBack.length > 0 ? ` (held back: ${heldBack.join(', ')})` : ''}: ` +
    'add an article to the content folder, or set warta({ allowEmptyArchive: true }) in astro.config.mjs ' +
    '(or WARTA_ALLOW_EMPTY=1) to publish an empty archive on purpose'
  );
}
