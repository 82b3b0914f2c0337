/**
 * Structured data for search engines (schema.org as JSON-LD): `NewsArticle` for article pages,
 * `BreadcrumbList` for any page with a trail, and safe serialization into a `<script>` element.
 */
import type { BreadcrumbList, CorrectionComment, NewsArticle, Person, WithContext } from 'schema-dts';
import type { Lang } from '../../site.config';
import {
  formatArticleDate,
  formatPeriodInTrail,
  getCalendarParts,
  toDatetimeAttribute,
  type DatePrecision,
} from '../core/dates';
import { datePath } from '../core/routes';
import { textForField } from './output-fields';

/** One step of a breadcrumb trail. */
export interface Crumb {
  /** What the step is called. */
  name: string;
  /** A shorter name for a visible trail, where the steps before it give the rest ("September"). */
  label?: string;
  /** Site-relative path of its page (`/2022/09/`), or an absolute URL. */
  path: string;
}

/** Options for formatting crumbs. */
export interface CrumbOptions {
  /** Language of the names. */
  lang: Lang;
  /** Time zone the calendar is read in. */
  timeZone: string;
  /** Whether the archive has a page for each day (`warta({ pages: { dayArchives } })`); true unless given. */
  days?: boolean;
}

/**
 * The date steps of a trail for an instant: year (`/2022/`), month (`/2022/09/`) and, unless only
 * the month is known or the archive has no day pages, day (`/2022/09/06/`), the way the archive
 * files articles.
 */
export function buildDateCrumbs(date: Date, precision: DatePrecision, options: CrumbOptions): Crumb[] {
  const { year, month, day } = getCalendarParts(date, options.timeZone);
  const format = { lang: options.lang, timeZone: options.timeZone };
  const crumbs: Crumb[] = [
    { name: year, path: datePath({ year }) },
    {
      name: formatArticleDate(date, { ...format, precision: 'month' }),
      label: formatPeriodInTrail(date, 'month', format),
      path: datePath({ year, month }),
    },
  ];
  if (precision !== 'month' && options.days !== false) {
    crumbs.push({
      name: formatArticleDate(date, { ...format, precision: 'day' }),
      label: formatPeriodInTrail(date, 'day', format),
      path: datePath({ year, month, day }),
    });
  }
  return crumbs;
}

/** What an article's trail needs. */
export interface CrumbArticle {
  /** Headline. */
  title: string;
  /** Publication instant. */
  date: Date;
  /** How precisely the date is known. */
  datePrecision: DatePrecision;
  /** Site-relative permalink. */
  permalink: string;
}

/** The trail of an article page: home → year → month → day → the article. */
export function buildArticleCrumbs(article: CrumbArticle, home: Crumb, options: CrumbOptions): Crumb[] {
  return [
    home,
    ...buildDateCrumbs(article.date, article.datePrecision, options),
    { name: article.title, path: article.permalink },
  ];
}

/** Builds a `BreadcrumbList` from a trail; `toUrl` turns each step's path into an absolute URL. */
export function buildBreadcrumbList(
  crumbs: readonly Crumb[],
  toUrl: (path: string) => string,
): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: textForField('jsonLd', 'crumb', crumb.name),
      item: toUrl(crumb.path),
    })),
  };
}

/** Everything a `NewsArticle` is built from, with URLs already absolute. */
export interface NewsArticleInput {
  /** Absolute URL of the article page. */
  url: string;
  /** Headline. */
  headline: string;
  /** Summary. */
  description?: string | undefined;
  /** Publication instant. */
  published: Date;
  /** Last change; the publication instant when there was none. */
  modified?: Date | undefined;
  /** Byline names. */
  authors: readonly string[];
  /** Language of the article. */
  lang: Lang;
  /** Tags. */
  tags: readonly string[];
  /** Absolute image URLs: the lead image, else the site's default picture. */
  images: readonly string[];
  /** Dated corrections log. */
  corrections: readonly { date: Date; text: string }[];
  /** Address of the original report, when the article is based on one. */
  basedOn?: string | undefined;
  /** The publisher. */
  publisher: {
    /** Name. */
    name: string;
    /** Absolute URL of the home page. */
    url: string;
    /** Absolute URL of the logo. */
    logo: { url: string };
  };
  /** Time zone whose offset dates are written with. */
  timeZone: string;
}

/**
 * Builds the `NewsArticle` of an article page: headline, dates with offsets, authors as `Person`,
 * publisher as `Organization` with its logo, images, language, keywords, and each correction as a
 * `CorrectionComment`.
 */
export function buildNewsArticle(input: NewsArticleInput): WithContext<NewsArticle> {
  const date = (instant: Date) => toDatetimeAttribute(instant, input.timeZone);
  const authors: Person[] = input.authors.map((name) => ({
    '@type': 'Person',
    name: textForField('jsonLd', 'author', name),
  }));
  const corrections: CorrectionComment[] = input.corrections.map((correction) => ({
    '@type': 'CorrectionComment',
    text: textForField('jsonLd', 'correction', correction.text),
    datePublished: date(correction.date),
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': input.url,
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    headline: textForField('jsonLd', 'headline', input.headline),
    ...(input.description ? { description: textForField('jsonLd', 'description', input.description) } : {}),
    datePublished: date(input.published),
    dateModified: date(input.modified ?? input.published),
    ...(authors.length > 0 ? { author: authors } : {}),
    publisher: {
      '@type': 'Organization',
      name: input.publisher.name,
      url: input.publisher.url,
      logo: { '@type': 'ImageObject', url: input.publisher.logo.url },
    },
    image: [...input.images],
    inLanguage: input.lang,
    ...(input.tags.length > 0 ? { keywords: input.tags.map((tag) => textForField('jsonLd', 'keywords', tag)) } : {}),
    ...(corrections.length > 0 ? { correction: corrections } : {}),
    ...(input.basedOn ? { isBasedOn: input.basedOn } : {}),
  };
}

/**
 * Serializes structured data for a `<script type="application/ld+json">` element. `<`, `>` and `&`
 * are written as JSON escapes, so a headline containing `</script>` or `<!--` cannot end the
 * element early, and the data reads back unchanged; U+2028/U+2029 are escaped for old parsers.
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
