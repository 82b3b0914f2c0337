/**
 * The settings of this build, resolved: what `warta({ … })` in astro.config.mjs says, with the
 * WARTA_* environment variables' overrides (src/lib/core/site-settings.ts). A newsroom never edits
 * this file; it is how the rest of Warta reads the settings.
 *
 * Astro loads astro.config.mjs, the content loader and the pages as separate module instances in one
 * process, and the command-line tools and tests load astro.config.mjs first
 * (src/cli/load-settings.ts): `warta()` registers its options under a symbol on `globalThis`, and
 * each instance of this module resolves them the first time a setting is read.
 */
import {
  formatSettingProblems,
  resolveSiteSettings,
  type SiteConfig,
  type WartaOptions,
} from './lib/core/site-settings';

export {
  languages,
  type FeedContent,
  type Lang,
  type SiteConfig,
  type SiteImage,
  type SitePages,
  type SiteSection,
} from './lib/core/site-settings';

const KEY = Symbol.for('warta.site-options');

type Holder = typeof globalThis & { [KEY]?: WartaOptions };

/** Makes `options` the settings of this process (called by `warta()` in astro.config.mjs). */
export function registerSiteOptions(options: WartaOptions): void {
  (globalThis as Holder)[KEY] = options;
}

/** The options registered by `warta()`, if astro.config.mjs has been loaded in this process. */
export function getRegisteredSiteOptions(): WartaOptions | undefined {
  return (globalThis as Holder)[KEY];
}

/** Resolves options and the environment into settings, throwing one error that lists every problem. */
export function resolveOrThrow(options: unknown, env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const result = resolveSiteSettings(options, env);
  if (!result.ok) throw new SiteSettingsError(formatSettingProblems(result.problems));
  return result.config;
}

/** The settings are wrong: the message lists every problem, one line each. */
export class SiteSettingsError extends Error {
  override name = 'SiteSettingsError';
}

let resolved: SiteConfig | undefined;

function current(): SiteConfig {
  if (resolved) return resolved;
  const options = getRegisteredSiteOptions();
  if (options === undefined) {
    throw new Error(
      "Warta's settings were read before warta({ … }) in astro.config.mjs registered them: load astro.config.mjs " +
        'first (src/cli/load-settings.ts does, for the command-line tools and tests)',
    );
  }
  resolved = resolveOrThrow(options);
  return resolved;
}

const keys = [
  'title',
  'name',
  'description',
  'url',
  'base',
  'defaultLang',
  'languages',
  'timeZone',
  'pageSize',
  'feedContent',
  'tagFeedContent',
  'feedItems',
  'pages',
  'host',
  'ageLabelYears',
  'sitemapPartSize',
  'socialImage',
  'logo',
  'sections',
  'tagMappings',
  'api',
  'allowEmptyArchive',
] as const satisfies readonly (keyof SiteConfig)[];

/**
 * The configuration this build uses. Each setting is read when first asked for, so that a module
 * may import this before astro.config.mjs has called `warta()`.
 */
export const siteConfig: SiteConfig = Object.defineProperties(
  {},
  Object.fromEntries(keys.map((key) => [key, { enumerable: true, get: () => current()[key] }])),
) as SiteConfig;
