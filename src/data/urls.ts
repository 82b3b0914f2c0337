/**
 * Site URLs with the base path applied, for links in pages and components.
 */
import { withBase } from '../lib/core/permalinks';
import { siteConfig } from '../site.config';

/** Turns a site-relative path (`/2022/09/`) into a link that works under the configured base path. */
export function url(path: string): string {
  // Not import.meta.env.BASE_URL: in server code Vite lets a BASE_URL variable in the build's
  // environment (test runners and some CI systems set one) override it, and every link would leave
  // the sub-path. siteConfig.base is what astro.config.mjs hands Astro, so the two always agree.
  return withBase(siteConfig.base, path);
}

/**
 * The full address of a site-relative path (`/2022/09/`) with the site URL and base path, for
 * canonical links, feeds, sitemaps and structured data; a full address is returned as it is.
 */
export function absoluteUrl(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  return new URL(url(path), siteConfig.url).href;
}
