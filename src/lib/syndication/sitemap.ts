/**
 * Sitemap dates: which page changed when. `@astrojs/sitemap` lists every page the build wrote; these
 * functions give it a `lastmod` for each article (its `updated`, else its date) and for the home
 * page (the latest change of any article).
 */

/** What the sitemap needs to know about an article. */
export interface SitemapArticle {
  /** Site-relative permalink, e.g. `/2022/09/06/slug/`. */
  permalink: string;
  /** Publication instant. */
  date: Date;
  /** Last substantial change. */
  updated?: Date | undefined;
}

/** Maps site-relative paths to when their page last changed: every article, and the home page. */
export function buildLastModifiedIndex(articles: readonly SitemapArticle[]): Map<string, Date> {
  const index = new Map<string, Date>();
  let latest: Date | undefined;
  for (const article of articles) {
    const changed = article.updated ?? article.date;
    index.set(article.permalink, changed);
    if (!latest || changed > latest) latest = changed;
  }
  if (latest) index.set('/', latest);
  return index;
}

/**
 * The site-relative path of an absolute page URL under `siteBaseUrl` (`https://x.org/arsip/`), or
 * `undefined` for a URL outside it.
 */
export function toSitePath(pageUrl: string, siteBaseUrl: string): string | undefined {
  const page = new URL(pageUrl);
  const base = new URL(siteBaseUrl);
  const basePath = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  if (page.origin !== base.origin || !`${page.pathname}/`.startsWith(basePath)) return undefined;
  const rest = page.pathname.slice(basePath.length);
  return `/${decodeURI(rest)}`;
}

/** Site-relative path of the sitemap index that `@astrojs/sitemap` writes. */
export const SITEMAP_INDEX_PATH = '/sitemap-index.xml';

/** Site-relative path of the Google News sitemap. */
export const NEWS_SITEMAP_PATH = '/news-sitemap.xml';
