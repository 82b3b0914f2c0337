/**
 * Date archives: articles grouped by the year, month and day they were published in the site time
 * zone (the same calendar their permalinks use), the neighbouring periods of each, and the
 * year-by-month overview drawn on `/archive/`.
 */
import { atWallClock, getCalendarParts, type DatePrecision } from '../core/dates';
import { paginate, type Page } from './pagination';
import { datePagePath, datePath } from '../core/routes';

/** The length of an archive period. */
export type PeriodKind = 'year' | 'month' | 'day';

/** What grouping needs to know about an article's date. */
export interface DatedItem {
  /** Publication instant. */
  date: Date;
  /** How precisely the date is known; a month-precision article belongs to no day. */
  datePrecision: DatePrecision;
}

/** One year, month or day that has articles. */
export interface ArchivePeriod<T> {
  /** Whether this is a year, a month or a day. */
  kind: PeriodKind;
  /** Four-digit year, e.g. `2022`. */
  year: string;
  /** Two-digit month for months and days. */
  month?: string;
  /** Two-digit day of the month for days. */
  day?: string;
  /** Site-relative URL of the period's first page: `/2022/`, `/2022/09/`, `/2022/09/06/`. */
  path: string;
  /** The period's first instant in the site time zone, for labels and `datetime` values. */
  start: Date;
  /** The period's articles, in the order they were given. */
  items: T[];
}

/** Every period that has articles, newest first at each level. */
export interface ArchiveGroups<T> {
  /** Years with articles. */
  years: ArchivePeriod<T>[];
  /** Months with articles, month-precision articles included. */
  months: ArchivePeriod<T>[];
  /** Days with articles; month-precision articles are on none. */
  days: ArchivePeriod<T>[];
}

/**
 * Groups articles (already in listing order, newest first) into the years, months and days of
 * `timeZone` they were published in. Only periods with articles exist, so nothing is empty.
 */
export function groupByPeriod<T>(
  items: readonly T[],
  toDated: (item: T) => DatedItem,
  timeZone: string,
): ArchiveGroups<T> {
  const years = new Map<string, ArchivePeriod<T>>();
  const months = new Map<string, ArchivePeriod<T>>();
  const days = new Map<string, ArchivePeriod<T>>();
  const add = (map: Map<string, ArchivePeriod<T>>, path: string, create: () => ArchivePeriod<T>, item: T) => {
    let period = map.get(path);
    if (!period) {
      period = create();
      map.set(path, period);
    }
    period.items.push(item);
  };

  for (const item of items) {
    const { date, datePrecision } = toDated(item);
    const { year, month, day } = getCalendarParts(date, timeZone);
    const [y, m, d] = [Number(year), Number(month), Number(day)];
    const yearPath = datePath({ year });
    const monthPath = datePath({ year, month });
    const dayPath = datePath({ year, month, day });
    add(years, yearPath, () => period('year', yearPath, atWallClock(timeZone, y, 0, 1), { year }), item);
    add(months, monthPath, () => period('month', monthPath, atWallClock(timeZone, y, m - 1, 1), { year, month }), item);
    if (datePrecision !== 'month') {
      add(days, dayPath, () => period('day', dayPath, atWallClock(timeZone, y, m - 1, d), { year, month, day }), item);
    }
  }

  return { years: newestFirst(years), months: newestFirst(months), days: newestFirst(days) };
}

function period<T>(
  kind: PeriodKind,
  path: string,
  start: Date,
  parts: { year: string; month?: string; day?: string },
): ArchivePeriod<T> {
  return { kind, ...parts, path, start, items: [] };
}

function newestFirst<T>(map: Map<string, ArchivePeriod<T>>): ArchivePeriod<T>[] {
  // Paths are zero-padded (`/2022/09/06/`), so comparing them as text compares them in time.
  return [...map.values()].sort((a, b) => (a.path < b.path ? 1 : a.path > b.path ? -1 : 0));
}

/** A period with its neighbours in time that have articles. */
export interface PeriodWithNeighbours<T> {
  /** The period. */
  period: ArchivePeriod<T>;
  /** The closest later period of the same kind that has articles. */
  newer?: ArchivePeriod<T>;
  /** The closest earlier period of the same kind that has articles. */
  older?: ArchivePeriod<T>;
}

/**
 * Pairs every period of one kind (newest first, as {@link groupByPeriod} returns them) with its
 * neighbours, so a month links straight past empty months to the next one with articles.
 */
export function linkNeighbours<T>(periods: readonly ArchivePeriod<T>[]): PeriodWithNeighbours<T>[] {
  return periods.map((period, index) => ({
    period,
    ...(index > 0 ? { newer: periods[index - 1]! } : {}),
    ...(index < periods.length - 1 ? { older: periods[index + 1]! } : {}),
  }));
}

/** The sub-periods of `period` among `candidates`: a year's months, a month's days. */
export function getSubPeriods<T>(
  period: ArchivePeriod<T>,
  candidates: readonly ArchivePeriod<T>[],
): ArchivePeriod<T>[] {
  return candidates.filter((candidate) => candidate.path !== period.path && candidate.path.startsWith(period.path));
}

/**
 * Splits a period's articles into pages of `pageSize`: page 1 at the period's own URL, later pages
 * at `page/<n>/` below it (`/2022/09/page/2/`). A bare number would not do: page 10 of September
 * would be `/2022/09/10/`, the archive of 10 September.
 */
export function paginatePeriod<T>(period: ArchivePeriod<T>, pageSize: number): Page<T>[] {
  return paginate(period.items, pageSize, (number) => datePagePath(period.path, number));
}

/** One month of the overview grid. */
export interface OverviewMonth {
  /** Month number, 1–12. */
  month: number;
  /** Two-digit month, as in URLs. */
  monthKey: string;
  /** Articles published in the month. */
  count: number;
  /** URL of the month's archive; absent when the month has no articles (there is no such page). */
  path?: string;
  /** Shade of the cell, 0 for an empty month, 1–4 rising with the count relative to the busiest month. */
  level: 0 | 1 | 2 | 3 | 4;
}

/** One year row of the overview grid. */
export interface OverviewYear {
  /** Four-digit year. */
  year: string;
  /** URL of the year's archive. */
  path: string;
  /** Articles published in the year. */
  total: number;
  /** All twelve months, January first, empty ones included so columns line up. */
  months: OverviewMonth[];
}

/** The year-by-month overview of an archive. */
export interface ArchiveOverview {
  /** Years with articles, newest first. */
  years: OverviewYear[];
  /** Articles in the busiest month, the top of the shading scale. */
  maxCount: number;
  /** Articles over all years. */
  total: number;
}

/** Builds the year-by-month grid of `/archive/` from the grouped periods. */
export function buildArchiveOverview<T>(groups: Pick<ArchiveGroups<T>, 'years' | 'months'>): ArchiveOverview {
  const maxCount = Math.max(0, ...groups.months.map((month) => month.items.length));
  const byPath = new Map(groups.months.map((month) => [month.path, month]));
  const years = groups.years.map((year): OverviewYear => {
    const months = Array.from({ length: 12 }, (_, index): OverviewMonth => {
      const monthKey = String(index + 1).padStart(2, '0');
      const found = byPath.get(datePath({ year: year.year, month: monthKey }));
      const count = found?.items.length ?? 0;
      return {
        month: index + 1,
        monthKey,
        count,
        ...(found ? { path: found.path } : {}),
        level: count === 0 ? 0 : (Math.ceil((count / maxCount) * 4) as 1 | 2 | 3 | 4),
      };
    });
    return { year: year.year, path: year.path, total: year.items.length, months };
  });
  return { years, maxCount, total: years.reduce((sum, year) => sum + year.total, 0) };
}
