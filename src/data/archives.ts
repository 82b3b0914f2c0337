/**
 * Ready-made lists for browsing: the date archives, the tag and author archives, and the links
 * between articles (related, on this day). Built once per build from the published articles; the
 * route helpers return exactly what each route's `getStaticPaths` hands to Astro.
 */
import {
  buildArchiveOverview,
  getSubPeriods,
  groupByPeriod,
  linkNeighbours,
  paginatePeriod,
  type ArchiveGroups,
  type ArchiveOverview,
  type ArchivePeriod,
  type PeriodKind,
} from '../lib/archive/archive-groups';
import { buildOnThisDayIndex } from '../lib/archive/on-this-day';
import { paginate, type Page } from '../lib/archive/pagination';
import { buildRelatedIndex } from '../lib/archive/related-articles';
import { termPath, type TermKind } from '../lib/core/routes';
import { siteConfig } from '../site.config';
import { getPublishedArticles, getTermIndex, hasTermPages, type ArticleEntry, type ArticleTerm } from './articles';
import { pageCacheKey } from './cache-keys';

/** A year, month or day of the archive. */
export type ArticlePeriod = ArchivePeriod<ArticleEntry>;

/** A tag or an author with its articles, as the term routes hand it to the components. */
export type { ArticleTerm } from './articles';
/** Tags or authors, as the term routes and components name them. */
export type { TermKind } from '../lib/core/routes';

const toDated = (article: ArticleEntry) => article.data;

let dateArchives: Promise<ArchiveGroups<ArticleEntry>> | undefined;

/** Every year, month and day with published articles, newest first, in the site time zone. */
export function getDateArchives(): Promise<ArchiveGroups<ArticleEntry>> {
  dateArchives ??= getPublishedArticles().then((articles) => groupByPeriod(articles, toDated, siteConfig.timeZone));
  return dateArchives;
}

// Page props are types, not interfaces: Astro wants them assignable to a string-keyed record.

/** One page of a year, month or day archive, with what it links to. */
export type DateArchivePage = {
  /** The period listed. */
  period: ArticlePeriod;
  /** This page of the period's articles. */
  page: Page<ArticleEntry>;
  /** The next later period of the same kind with articles. */
  newer?: ArticlePeriod | undefined;
  /** The next earlier period of the same kind with articles. */
  older?: ArticlePeriod | undefined;
  /** A year's months or a month's days that have articles, newest first; none for a day. */
  subPeriods: ArticlePeriod[];
};

/** Route parameters of a date archive page: `year`, then `month`, `day` and `page` as the route has them. */
export type DateArchiveParams = { year: string; month?: string; day?: string; page?: string };

/**
 * The `getStaticPaths` entries of the date archive routes of one kind: first pages
 * (`/2022/09/`) when `paged` is false, the later pages (`/2022/09/page/2/`) when it is true.
 */
export async function getDateArchiveRoutes(
  kind: PeriodKind,
  paged: boolean,
): Promise<{ params: DateArchiveParams; props: DateArchivePage; cacheKey: string }[]> {
  const groups = await getDateArchives();
  // Without day pages (warta({ pages: { dayArchives: false } })) no day is written or linked to.
  const days = siteConfig.pages.dayArchives ? groups.days : [];
  const periods = kind === 'year' ? groups.years : kind === 'month' ? groups.months : days;
  const children = kind === 'year' ? groups.months : kind === 'month' ? days : [];
  const routes = linkNeighbours(periods).flatMap(({ period, newer, older }) => {
    const subPeriods = getSubPeriods(period, children);
    const pages = paginatePeriod(period, siteConfig.pageSize);
    return (paged ? pages.slice(1) : pages.slice(0, 1)).map((page) => ({
      params: {
        year: period.year,
        ...(period.month ? { month: period.month } : {}),
        ...(period.day ? { day: period.day } : {}),
        ...(paged ? { page: String(page.number) } : {}),
      },
      props: { period, page, newer, older, subPeriods },
    }));
  });
  return Promise.all(
    routes.map(async (route) => ({
      ...route,
      cacheKey: await pageCacheKey(`${kind}-archive`, periodKeyProps(route.props)),
    })),
  );
}

// What a date archive page shows of its periods: their addresses and sizes, not every article of
// a whole year (the page's own articles are in `page`).
function periodKeyProps({ period, page, newer, older, subPeriods }: DateArchivePage) {
  const summary = (p: ArticlePeriod | undefined) => p && { path: p.path, start: p.start, count: p.items.length };
  return {
    period: summary(period),
    page,
    newer: summary(newer),
    older: summary(older),
    subPeriods: subPeriods.map(summary),
  };
}

/** The year-by-month overview of the whole archive, for `/archive/`. */
export async function getArchiveOverview(): Promise<ArchiveOverview> {
  return buildArchiveOverview(await getDateArchives());
}

/** Every tag or author, for the index pages. */
export async function getTerms(kind: TermKind): Promise<ArticleTerm[]> {
  return [...(await getTermIndex(kind)).values()];
}

/** One page of a tag's or an author's archive. */
export type TermArchivePage = {
  /** The tag or author. */
  term: ArticleTerm;
  /** This page of its articles. */
  page: Page<ArticleEntry>;
};

/**
 * The `getStaticPaths` entries of the tag or author archive routes: first pages (`/tags/rusia/`)
 * when `paged` is false, later pages (`/tags/rusia/2/`) when it is true.
 */
export async function getTermRoutes(
  kind: TermKind,
  paged: boolean,
): Promise<{ params: { slug: string; page?: string }; props: TermArchivePage; cacheKey: string }[]> {
  if (!hasTermPages(kind)) return [];
  const routes = (await getTerms(kind)).flatMap((term) => {
    const pages = paginate(term.items, siteConfig.pageSize, (number) => termPath(kind, term.slug, number));
    return (paged ? pages.slice(1) : pages.slice(0, 1)).map((page) => ({
      params: { slug: term.slug, ...(paged ? { page: String(page.number) } : {}) },
      props: { term, page },
    }));
  });
  return Promise.all(
    routes.map(async (route) => {
      const { term, page } = route.props;
      // The page shows its own articles and the term's name, address and size.
      const shown = { term: { key: term.key, name: term.name, slug: term.slug, count: term.items.length }, page };
      return { ...route, cacheKey: await pageCacheKey(`${kind}-archive`, shown) };
    }),
  );
}

let relatedIndex: Promise<Map<string, ArticleEntry[]>> | undefined;

/** Up to five articles sharing the most (and rarest) tags with `article`, newest first among equals. */
export async function getRelatedArticles(article: ArticleEntry): Promise<ArticleEntry[]> {
  relatedIndex ??= getPublishedArticles().then((articles) => {
    const related = buildRelatedIndex(articles, (entry) => entry.data.tags);
    return new Map([...related].map(([entry, list]) => [entry.id, list]));
  });
  return (await relatedIndex).get(article.id) ?? [];
}

let onThisDayIndex: Promise<Map<string, ArticleEntry[]>> | undefined;

/** Articles published on the same day and month as `article` in other years, newest first. */
export async function getOnThisDay(article: ArticleEntry): Promise<ArticleEntry[]> {
  onThisDayIndex ??= getPublishedArticles().then((articles) => {
    const index = buildOnThisDayIndex(articles, toDated, siteConfig.timeZone);
    return new Map([...index].map(([entry, list]) => [entry.id, list]));
  });
  return (await onThisDayIndex).get(article.id) ?? [];
}
