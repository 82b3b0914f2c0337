/**
 * The pages an archive has, worked out from its articles without building it: article permalinks,
 * redirects from aliases, and the listings the site's URL design promises (home and its pages,
 * date archives, tag, author and section pages, search), plus any fixed pages and public files. `npm run
 * check` uses it to find links that point nowhere and aliases that would cover a real page.
 */
import {
  buildTermSlugTable,
  datePath,
  FIXED_LISTINGS,
  HOME_PATH,
  parseSitePath,
  sectionPath,
  termIndexPath,
  termPath,
  TERM_KINDS,
} from '../core/routes';
import { groupBySection, type SectionRule } from '../archive/sections';
import type { SitePages } from '../core/site-settings';

/** What the route index needs to know about an article. */
export interface RoutedArticle {
  /** Site-relative permalink, `/YYYY/MM/DD/<slug>/` or `/YYYY/MM/<slug>/`, dated in the site time zone. */
  permalink: string;
  /** How precisely the date is known; a month-precision article is on no day's archive. */
  precision: 'month' | 'day' | 'instant';
  /** Tags, as written. */
  tags: readonly string[];
  /** Authors, as written. */
  authors: readonly string[];
  /** Old paths that redirect to the article. */
  aliases: readonly string[];
}

/** Options for {@link createSiteRoutes}. */
export interface SiteRoutesOptions {
  /** Articles per listing page, to know how many `/page/N/` pages a listing has. */
  pageSize: number;
  /** Fixed pages and public files, as site paths (`/about/`, `/favicon.svg`). */
  staticPaths?: readonly string[];
  /** The newsroom's sections, each a listing at `sectionPath(slug)` with its later pages. */
  sections?: readonly SectionRule[];
  /** Which kinds of page that may be turned off the archive has (all, unless given). */
  pages?: Partial<SitePages>;
}

/** What kind of page a site path is. */
export type RouteKind = 'article' | 'alias' | 'listing' | 'static';

/** The pages of an archive, for looking up site paths. */
export interface SiteRoutes {
  /**
   * What is at a site path (no base path, no query or fragment), or `undefined` for nothing. A real
   * page wins over a redirect at the same path.
   */
  find(path: string): RouteKind | undefined;
}

/** Builds the route index of an archive with these articles. */
export function createSiteRoutes(articles: readonly RoutedArticle[], options: SiteRoutesOptions): SiteRoutes {
  const permalinks = new Set(articles.map((article) => article.permalink));
  const statics = new Set(options.staticPaths ?? []);
  const aliases = new Set(articles.flatMap((article) => article.aliases));

  // Each listing with the number of articles it lists, which says how many pages it has.
  const listings = new Map<string, number>();
  const count = (path: string) => listings.set(path, (listings.get(path) ?? 0) + 1);
  const days = options.pages?.dayArchives ?? true;
  const kinds = options.pages?.authorPages === false ? TERM_KINDS.filter((kind) => kind !== 'authors') : TERM_KINDS;
  for (const path of FIXED_LISTINGS) {
    if (kinds.includes('authors') || path !== termIndexPath('authors')) listings.set(path, 0);
  }
  for (const article of articles) {
    count(HOME_PATH);
    // The permalink already holds the calendar date in the site time zone.
    const parsed = parseSitePath(article.permalink);
    if (parsed?.kind !== 'article') continue;
    const { year, month, day } = parsed.date;
    count(datePath({ year }));
    count(datePath({ year, month }));
    if (days && article.precision !== 'month' && day !== undefined) count(datePath({ year, month, day }));
  }
  for (const kind of kinds) {
    const terms = buildTermSlugTable(kind, articles, (article) => (kind === 'tags' ? article.tags : article.authors));
    for (const entry of terms.values()) listings.set(termPath(kind, entry.slug), entry.items.length);
  }

  for (const [slug, items] of groupBySection(articles, (article) => article.tags, options.sections ?? [])) {
    listings.set(sectionPath(slug), items.length);
  }

  return {
    find(path) {
      // Real pages come before redirects, so an alias on a real page shows up as that page.
      if (permalinks.has(path)) return 'article';
      if (statics.has(path)) return 'static';
      if (listings.has(path)) return 'listing';
      const parsed = parseSitePath(path);
      if (parsed && 'listing' in parsed) {
        const size = listings.get(parsed.listing);
        // Page 1 of a listing lives at the listing itself, never at /page/1/.
        if (size !== undefined && parsed.page >= 2 && parsed.page <= Math.ceil(size / options.pageSize)) {
          return 'listing';
        }
      }
      return aliases.has(path) ? 'alias' : undefined;
    },
  };
}
