/**
 * The pages an archive has, worked out from its articles without building it: article permalinks,
 * redirects from aliases, and the listings the site's URL design promises (home and its pages,
 * date archives, tag and author pages, search), plus any fixed pages and public files. `npm run
 * check` uses it to find links that point nowhere and aliases that would cover a real page.
 */
import { groupBySection, type SectionRule } from './sections';
import { buildTermIndex } from './taxonomy';

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
  /** The newsroom's sections, each with pages at `/sections/<slug>/`. */
  sections?: readonly SectionRule[];
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

/** Listing pages every archive has, whatever its articles. */
export const FIXED_LISTINGS = ['/', '/archive/', '/tags/', '/authors/', '/search/'] as const;

// Date archives and the home page paginate under `page/N/`; tag, author and section pages at `<slug>/N/`.
const PAGED = /^((?!\/(?:tags|authors|sections)\/).*\/)page\/(\d+)\/$|^(\/(?:tags|authors|sections)\/[^/]+\/)(\d+)\/$/;

/** Builds the route index of an archive with these articles. */
export function createSiteRoutes(articles: readonly RoutedArticle[], options: SiteRoutesOptions): SiteRoutes {
  const permalinks = new Set(articles.map((article) => article.permalink));
  const statics = new Set(options.staticPaths ?? []);
  const aliases = new Set(articles.flatMap((article) => article.aliases));

  // Each listing with the number of articles it lists, which says how many pages it has.
  const listings = new Map<string, number>();
  const count = (path: string) => listings.set(path, (listings.get(path) ?? 0) + 1);
  for (const path of FIXED_LISTINGS) listings.set(path, 0);
  for (const article of articles) {
    count('/');
    // The permalink already holds the calendar date in the site time zone.
    const [, year, month, day] = article.permalink.split('/');
    count(`/${year}/`);
    count(`/${year}/${month}/`);
    if (article.precision !== 'month') count(`/${year}/${month}/${day}/`);
  }
  for (const [prefix, getTerms, fallback] of [
    ['/tags/', (a: RoutedArticle) => a.tags, 'tag'],
    ['/authors/', (a: RoutedArticle) => a.authors, 'author'],
  ] as const) {
    for (const entry of buildTermIndex(articles, getTerms, fallback).values()) {
      listings.set(`${prefix}${entry.slug}/`, entry.items.length);
    }
  }

  for (const [slug, items] of groupBySection(articles, (article) => article.tags, options.sections ?? [])) {
    listings.set(`/sections/${slug}/`, items.length);
  }

  return {
    find(path) {
      // Real pages come before redirects, so an alias on a real page shows up as that page.
      if (permalinks.has(path)) return 'article';
      if (statics.has(path)) return 'static';
      if (listings.has(path)) return 'listing';
      const paged = PAGED.exec(path);
      if (paged) {
        const size = listings.get((paged[1] ?? paged[3])!);
        const page = Number(paged[2] ?? paged[4]);
        // Page 1 of a listing lives at the listing itself, never at /page/1/.
        if (size !== undefined && page >= 2 && page <= Math.ceil(size / options.pageSize)) return 'listing';
      }
      return aliases.has(path) ? 'alias' : undefined;
    },
  };
}
