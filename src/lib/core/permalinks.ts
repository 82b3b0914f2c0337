/**
 * Permalinks: where an article lives. A day- or instant-dated article is at `/YYYY/MM/DD/<slug>/`,
 * a month-precision one at `/YYYY/MM/<slug>/`, the calendar taken in the site time zone.
 */
import { getCalendarParts, type DatePrecision } from './dates';
import { articlePath } from './routes';

/** Builds the site-relative permalink (no base path) of an article. */
export function buildPermalink(date: Date, precision: DatePrecision, slug: string, timeZone: string): string {
  const { year, month, day } = getCalendarParts(date, timeZone);
  return articlePath(precision === 'month' ? { year, month } : { year, month, day }, slug);
}

/** Prefixes a site-relative path (`/2024/01/`) with the base path (`/arsip/`) the site is served under. */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${prefix}${path.startsWith('/') ? path : `/${path}`}`;
}
