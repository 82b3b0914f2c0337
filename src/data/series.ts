/**
 * Series (running stories) as pages and feeds use them: each series with its parts oldest first,
 * the place of an article in its series, the paginated timeline routes at `seriesPath(slug, n)`,
 * and each series' feeds (its newest parts, as every feed lists them).
 */
import { t } from '../i18n/ui';
import { paginate, type Page } from '../lib/archive/pagination';
import { resolveBuildTime } from '../lib/core/build-time';
import { buildSeriesSlugTable, seriesPath } from '../lib/core/routes';
import { tagKey } from '../lib/core/tags';
import type { TermEntry } from '../lib/core/taxonomy';
import { buildFeedDocument, type FeedDocument } from '../lib/syndication/feeds';
import { siteConfig } from '../site.config';
import { getPublishedArticles, type ArticleEntry } from './articles';
import { pageCacheKey } from './cache-keys';
import { getArticleFeedEntry, getFeedHeader } from './feeds';

/** A series with its parts, oldest first. */
export type SeriesEntry = TermEntry<ArticleEntry>;

let index: Promise<Map<string, SeriesEntry>> | undefined;

/** Every series of the published articles, by key, each with its parts oldest first. */
export function getSeriesIndex(): Promise<Map<string, SeriesEntry>> {
  index ??= getPublishedArticles().then((articles) =>
    // The published list is newest first; a timeline reads oldest first.
    buildSeriesSlugTable([...articles].reverse(), (article) => article.data.series),
  );
  return index;
}

/** Every series, most recently continued first. */
export async function getSeriesList(): Promise<SeriesEntry[]> {
  return [...(await getSeriesIndex()).values()].sort(
    (a, b) => b.items.at(-1)!.data.date.getTime() - a.items.at(-1)!.data.date.getTime() || (a.slug < b.slug ? -1 : 1),
  );
}

/** Where an article stands in its series. */
export interface SeriesPlace {
  /** The series' name as readers see it. */
  name: string;
  /** Site path of the series' timeline. */
  path: string;
  /** The article's part number, from 1 for the oldest. */
  number: number;
  /** Parts in all. */
  total: number;
  /** The part before, and the part after. */
  previous?: ArticleEntry | undefined;
  next?: ArticleEntry | undefined;
}

/** The place of `article` in its series; `undefined` when it belongs to none. */
export async function getSeriesPlace(article: ArticleEntry): Promise<SeriesPlace | undefined> {
  const name = article.data.series;
  if (name === undefined) return undefined;
  const series = (await getSeriesIndex()).get(tagKey(name));
  const at = series?.items.findIndex((part) => part.id === article.id) ?? -1;
  if (!series || at === -1) return undefined;
  return {
    name: series.name,
    path: seriesPath(series.slug),
    number: at + 1,
    total: series.items.length,
    previous: series.items[at - 1],
    next: series.items[at + 1],
  };
}

/** One page of a series' timeline. */
export type SeriesPage = { series: { name: string; slug: string; total: number }; page: Page<ArticleEntry> };

/**
 * The `getStaticPaths` entries of the series timelines: first pages (`/series/x/`) when `paged` is
 * false, later pages (`/series/x/2/`) when it is true.
 */
export async function getSeriesRoutes(
  paged: boolean,
): Promise<{ params: { slug: string; page?: string }; props: SeriesPage; cacheKey: string }[]> {
  const routes = (await getSeriesList()).flatMap((series) => {
    const pages = paginate(series.items, siteConfig.pageSize, (number) => seriesPath(series.slug, number));
    return (paged ? pages.slice(1) : pages.slice(0, 1)).map((page) => ({
      params: { slug: series.slug, ...(paged ? { page: String(page.number) } : {}) },
      props: { series: { name: series.name, slug: series.slug, total: series.items.length }, page },
    }));
  });
  return Promise.all(routes.map(async (route) => ({ ...route, cacheKey: await pageCacheKey('series', route.props) })));
}

/** The feed of one series: its newest parts, newest first, as every feed lists them. */
async function buildSeriesFeed(series: SeriesEntry): Promise<FeedDocument> {
  const lang = siteConfig.defaultLang;
  const header = getFeedHeader(
    `${siteConfig.title} — ${t(lang, 'seriesFeedTitle', { series: series.name })}`,
    t(lang, 'seriesFeedDescription', { series: series.name, site: siteConfig.title }),
    seriesPath(series.slug),
  );
  const newest = [...series.items].reverse().slice(0, siteConfig.feedItems);
  return buildFeedDocument(
    header,
    newest,
    (article) => getArticleFeedEntry(article, 'summary'),
    resolveBuildTime(process.env),
    siteConfig.feedItems,
  );
}

/** The `getStaticPaths` entries of a series feed endpoint in one format. */
export async function getSeriesFeedRoutes(
  format: string,
): Promise<{ params: { slug: string }; props: { feed: () => Promise<FeedDocument> }; cacheKey: string }[]> {
  return Promise.all(
    (await getSeriesList()).map(async (series) => ({
      params: { slug: series.slug },
      props: { feed: () => buildSeriesFeed(series) },
      cacheKey: await pageCacheKey(`series-feed-${format}`, {
        slug: series.slug,
        name: series.name,
        parts: series.items,
      }),
    })),
  );
}
