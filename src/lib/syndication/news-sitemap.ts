/**
 * The Google News sitemap: the articles published in the two days before the build, at most 1,000,
 * each with its publication name, language, date and title.
 */
import XMLBuilder from 'fast-xml-builder';
import type { DatePrecision } from '../core/dates';
import { toDatetimeAttribute } from '../core/dates';

/** How far back a Google News sitemap reaches: two days. */
export const NEWS_MAX_AGE_MS = 2 * 24 * 60 * 60 * 1000;

/** The most URLs Google News reads from one news sitemap. */
export const NEWS_MAX_ITEMS = 1000;

/** What news selection needs to know about an article. */
export interface NewsCandidate {
  /** Publication instant. */
  date: Date;
  /** How precisely the date is known. */
  datePrecision: DatePrecision;
}

/**
 * Picks the articles for the news sitemap, newest first: published at most two days before `now`
 * and not after it, at most 1,000. Articles known only to the month are left out: nobody can say
 * whether they are news.
 */
export function selectNewsArticles<T extends NewsCandidate>(
  articles: readonly T[],
  now: Date,
  options: { maxAgeMs?: number; limit?: number } = {},
): T[] {
  const oldest = now.getTime() - (options.maxAgeMs ?? NEWS_MAX_AGE_MS);
  return articles
    .filter(
      (article) =>
        article.datePrecision !== 'month' &&
        article.date.getTime() >= oldest &&
        article.date.getTime() <= now.getTime(),
    )
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .slice(0, options.limit ?? NEWS_MAX_ITEMS);
}

/** One article of the news sitemap. */
export interface NewsSitemapEntry {
  /** Absolute URL of the article. */
  url: string;
  /** Headline. */
  title: string;
  /** Publication instant. */
  published: Date;
  /** ISO 639 language code of the article. */
  lang: string;
  /** Tags, offered as keywords. */
  tags: readonly string[];
}

/** The publication the news sitemap speaks for. */
export interface NewsPublication {
  /** Name as Google News knows it. */
  name: string;
  /** Time zone whose offset the publication dates are written with. */
  timeZone: string;
}

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });

/**
 * Writes the news sitemap. With no recent article it is an empty `<urlset>`, which crawlers accept,
 * so robots.txt and the sitemap index can always name it.
 */
export function renderNewsSitemap(entries: readonly NewsSitemapEntry[], publication: NewsPublication): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    urlset: {
      '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      '@_xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
      url: entries.map((entry) => ({
        loc: entry.url,
        'news:news': {
          'news:publication': { 'news:name': publication.name, 'news:language': entry.lang },
          'news:publication_date': toDatetimeAttribute(entry.published, publication.timeZone),
          'news:title': entry.title,
          ...(entry.tags.length > 0 ? { 'news:keywords': entry.tags.join(', ') } : {}),
        },
      })),
    },
  });
}
