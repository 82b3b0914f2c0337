/**
 * What the search index records about an article besides its text: the filters readers narrow
 * results by (topic, year, author, language), the metadata a result shows (localized date, image)
 * and the key results are sorted by (date). The filter names and language values are shared with the
 * search page (search-filter-names.ts), so the URL, the index and the interface agree.
 */
import { formatArticleDate, getCalendarParts, toDatetimeAttribute, type DatePrecision } from '../core/dates';
import type { Lang } from '../../site.config';
import { textForField } from '../syndication/output-fields';
import { languageFilterValues, type SearchFilterName } from './search-filter-names';

/** The article fields the search record is made from. */
export interface SearchFacetInput {
  /** Publication date. */
  date: Date;
  /** How precisely the date is known. */
  datePrecision: DatePrecision;
  /** Language of the article. */
  lang: Lang;
  /** Tags as the article spells them. */
  tags: readonly string[];
  /** Byline names as the article spells them. */
  authors: readonly string[];
  /** Lead image, if any. */
  image?: { src: string; alt: string } | undefined;
}

/** How to turn an article's own spellings into the names shared across the archive. */
export interface SearchFacetOptions {
  /** Time zone the year and the date label are taken in. */
  timeZone: string;
  /** The archive-wide name of a tag (its most used spelling), so one topic is one filter value. */
  tagName: (tag: string) => string;
  /** The archive-wide name of an author. */
  authorName: (author: string) => string;
}

/** The data Pagefind stores for one article besides its text. */
export interface SearchFacets {
  /** Filter values by filter name. */
  filters: Record<SearchFilterName, string[]>;
  /**
   * Result metadata: `date` (the dateline in the article's language), `published` (the UTC timestamp)
   * and `image`/`image_alt` when usable.
   */
  meta: Record<string, string>;
  /** Sort keys: `date`, a UTC timestamp whose text order is its time order. */
  sort: { date: string };
}

/**
 * Builds the filters, metadata and sort key the search index records for an article. An image is
 * recorded only when it has an absolute http(s) address, the only kind a result can show as is.
 */
export function buildSearchFacets(article: SearchFacetInput, options: SearchFacetOptions): SearchFacets {
  const { timeZone } = options;
  // In UTC every timestamp has the same shape, so sorting the text sorts by time.
  const timestamp = toDatetimeAttribute(article.date, 'UTC', 'instant');
  const meta: Record<string, string> = {
    date: formatArticleDate(article.date, { lang: article.lang, timeZone, precision: article.datePrecision }),
    // The machine-readable date of a result, and the key results from different languages merge by.
    published: timestamp,
  };
  if (article.image && /^https?:\/\//i.test(article.image.src)) {
    meta['image'] = article.image.src;
    meta['image_alt'] = textForField('search', 'meta', article.image.alt);
  }
  return {
    filters: {
      tag: unique(article.tags.map((tag) => textForField('search', 'filter', options.tagName(tag)))),
      author: unique(article.authors.map((author) => textForField('search', 'filter', options.authorName(author)))),
      year: [getCalendarParts(article.date, timeZone).year],
      language: [languageFilterValues[article.lang]],
    },
    meta,
    sort: { date: timestamp },
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
