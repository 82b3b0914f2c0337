/**
 * "On this day": articles published on the same day and month as an article, in other years, the
 * calendar taken in the site time zone as for permalinks.
 */
import { getCalendarParts } from '../core/dates';
import type { DatedItem } from './archive-groups';

/** How many "on this day" articles an article page shows at most. */
export const ON_THIS_DAY_LIMIT = 10;

/**
 * Finds, for every item, up to `limit` items from the same day and month in other years, in the
 * order given (newest first, as every listing is).
 * A month-precision article has no day, so it neither gets nor appears in such a list; 29 February
 * meets only other leap years.
 */
export function buildOnThisDayIndex<T>(
  items: readonly T[],
  toDated: (item: T) => DatedItem,
  timeZone: string,
  limit = ON_THIS_DAY_LIMIT,
): Map<T, T[]> {
  const calendar = items.map((item) => {
    const { date, datePrecision } = toDated(item);
    return datePrecision === 'month' ? undefined : getCalendarParts(date, timeZone);
  });
  const byDayOfYear = new Map<string, number[]>();
  calendar.forEach((parts, position) => {
    if (!parts) return;
    const key = `${parts.month}-${parts.day}`;
    const list = byDayOfYear.get(key);
    if (list) list.push(position);
    else byDayOfYear.set(key, [position]);
  });

  const index = new Map<T, T[]>();
  calendar.forEach((parts, position) => {
    const matches = parts
      ? byDayOfYear
          .get(`${parts.month}-${parts.day}`)!
          .filter((other) => calendar[other]!.year !== parts.year)
          .slice(0, limit)
          .map((other) => items[other]!)
      : [];
    index.set(items[position]!, matches);
  });
  return index;
}
