/**
 * Dates written in an article's text that contradict its `date`: Indonesian reports give the day
 * they cover as "Selasa (6/9/2022)", so an article filed under 2023-09 that says "(6/9/2022)" is
 * filed under the wrong date, or quotes a wrong one. Found for `npm run import` and `npm run check`.
 */
import { getCalendarParts, type ArticleDate } from '../core/dates';
import type { Lang } from '../../site.config';

/**
 * How far, in days, a date in the text may lie from the article's date (its whole month, for a
 * month-only date): a report recalls last week's events, or announces next week's, in the same form.
 */
export const BODY_DATE_TOLERANCE_DAYS = 31;

/** A date written in the text that is far from the article's date. */
export interface ContradictingDate {
  /** The date as written, with its weekday when one precedes it: `Selasa (6/9/2022)`. */
  written: string;
  /** The date it stands for, `2022-09-06`. */
  isoDate: string;
  /** 0-based line of the text it is on. */
  line: number;
  /** Whole days before (negative) or after (positive) the article's date. */
  daysOff: number;
}

// "(6/9/2022)", optionally after a weekday: "Selasa (6/9/2022)", "Jumat, (1/9/2023)".
const WRITTEN_DATE =
  /(?:\b(Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad),?\s*)?\(\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*\)/gi;

const DAY_MS = 86_400_000;

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The first and last day of an article's date, as day numbers, in the site time zone's calendar. */
function articleSpan(date: ArticleDate, timeZone: string): [number, number] {
  const parts = getCalendarParts(date.date, timeZone);
  const year = Number(parts.year);
  const month = Number(parts.month);
  if (date.precision === 'month') return [dayNumber(year, month, 1), dayNumber(year, month + 1, 0)];
  const day = dayNumber(year, month, Number(parts.day));
  return [day, day];
}

/**
 * Finds dates written as "(d/m/yyyy)" in the text of an Indonesian article that lie more than
 * {@link BODY_DATE_TOLERANCE_DAYS} days from its date. Texts in other languages are not read, as
 * "(6/9/2022)" there may mean 9 June.
 */
export function findContradictingDates(
  text: string,
  date: ArticleDate,
  options: { lang: Lang; timeZone: string },
): ContradictingDate[] {
  if (options.lang !== 'id') return [];
  const [start, end] = articleSpan(date, options.timeZone);
  const found: ContradictingDate[] = [];
  for (const match of text.matchAll(WRITTEN_DATE)) {
    const [written, , day, month, year] = match;
    const d = Number(day);
    const m = Number(month);
    const y = Number(year);
    const number = dayNumber(y, m, d);
    // Not a day in the calendar ("31/2/2022"): not a date this check can compare.
    if (m < 1 || m > 12 || d < 1 || new Date(number * DAY_MS).getUTCDate() !== d) continue;
    const daysOff = number < start ? number - start : number > end ? number - end : 0;
    if (Math.abs(daysOff) <= BODY_DATE_TOLERANCE_DAYS) continue;
    found.push({
      written: written.trim(),
      isoDate: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      line: text.slice(0, match.index).split('\n').length - 1,
      daysOff,
    });
  }
  return found;
}

/** Describes how far a date lies from another in words: `11 months before`, `45 days after`. */
export function describeDistance(daysOff: number): string {
  const days = Math.abs(daysOff);
  const direction = daysOff < 0 ? 'before' : 'after';
  if (days < 61) return `${days} days ${direction}`;
  const months = Math.round(days / 30.44);
  if (months < 24) return `${months} months ${direction}`;
  return `${Math.round(days / 365.25)} years ${direction}`;
}

/** The message for a date in the text that contradicts `date`, naming both and the fix. */
export function contradictingDateMessage(found: ContradictingDate, writtenArticleDate: string): string {
  return (
    `the text is dated "${found.written}" (${found.isoDate}), ${describeDistance(found.daysOff)} the article's ` +
    `date ${writtenArticleDate}; correct "date:", or the date in the text if that is the wrong one`
  );
}
