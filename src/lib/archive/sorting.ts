/**
 * The order of articles in every listing: newest first; an article known only to the month sorts
 * after the dated articles of that month; ties broken by title and id so builds are stable.
 */
import type { DatePrecision } from '../core/dates';

/** What ordering needs to know about an article. */
export interface Sortable {
  /** Collection id, the final tie-breaker. */
  id: string;
  /** Publication instant. */
  date: Date;
  /** How precisely the date is known. */
  datePrecision: DatePrecision;
  /** Headline. */
  title: string;
}

const PRECISION_RANK: Record<DatePrecision, number> = { instant: 0, day: 1, month: 2 };

function sortInstant(article: Sortable): number {
  // A month-precision date denotes the month's first instant; pushing it to just before that
  // instant puts it below every article dated inside the month in a newest-first list.
  return article.datePrecision === 'month' ? article.date.getTime() - 1 : article.date.getTime();
}

/** Compares two articles for a newest-first list. */
export function compareNewestFirst(a: Sortable, b: Sortable): number {
  return (
    sortInstant(b) - sortInstant(a) ||
    PRECISION_RANK[a.datePrecision] - PRECISION_RANK[b.datePrecision] ||
    a.title.localeCompare(b.title, 'en') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Returns a new array of the articles, newest first. */
export function sortNewestFirst<T extends Sortable>(articles: readonly T[]): T[] {
  return [...articles].sort(compareNewestFirst);
}
