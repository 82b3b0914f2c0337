import { describe, expect, it } from 'vitest';
import {
  buildArchiveOverview,
  getSubPeriods,
  groupByPeriod,
  linkNeighbours,
  paginatePeriod,
  type ArchivePeriod,
  type DatedItem,
} from '../../../../src/lib/archive/archive-groups';
import { parseArticleDate } from '../../../../src/lib/core/dates';
import { buildPermalink } from '../../../../src/lib/core/permalinks';
import { sortNewestFirst } from '../../../../src/lib/archive/sorting';

const JAKARTA = 'Asia/Jakarta';

interface Item extends DatedItem {
  id: string;
  title: string;
}

/** Articles as editors write their dates, newest first as every listing is. */
function articles(dates: Record<string, string>, timeZone = JAKARTA): Item[] {
  return sortNewestFirst(
    Object.entries(dates).map(([id, text]) => {
      const parsed = parseArticleDate(text, timeZone);
      if (!parsed.ok) throw new Error(parsed.reason);
      return { id, title: id, date: parsed.value.date, datePrecision: parsed.value.precision };
    }),
  );
}

const ids = (period: ArchivePeriod<Item> | undefined) => period?.items.map((item) => item.id);
const paths = (periods: readonly ArchivePeriod<Item>[]) => periods.map((period) => period.path);

describe('groupByPeriod', () => {
  const items = articles({
    a: '2022-09-06T10:30:00+07:00',
    b: '2022-09-06',
    c: '2022-09-20',
    d: '2022-09',
    e: '2022-11-01',
    f: '2021-02-08',
  });
  const groups = groupByPeriod(items, (item) => item, JAKARTA);

  it('makes a year, month and day for every one that has articles, newest first, and no other', () => {
    expect(paths(groups.years)).toEqual(['/2022/', '/2021/']);
    expect(paths(groups.months)).toEqual(['/2022/11/', '/2022/09/', '/2021/02/']);
    expect(paths(groups.days)).toEqual(['/2022/11/01/', '/2022/09/20/', '/2022/09/06/', '/2021/02/08/']);
  });

  it('keeps each period in listing order, month-precision articles last in their month and on no day', () => {
    expect(ids(groups.months.find((m) => m.path === '/2022/09/'))).toEqual(['c', 'a', 'b', 'd']);
    expect(ids(groups.days.find((d) => d.path === '/2022/09/06/'))).toEqual(['a', 'b']);
    expect(groups.days.some((day) => day.items.some((item) => item.id === 'd'))).toBe(false);
  });

  it('counts every article once per level, so the months add up to the whole archive', () => {
    const total = (periods: readonly ArchivePeriod<Item>[]) => periods.reduce((sum, p) => sum + p.items.length, 0);
    expect(total(groups.years)).toBe(items.length);
    expect(total(groups.months)).toBe(items.length);
    expect(total(groups.days)).toBe(items.filter((item) => item.datePrecision !== 'month').length);
  });

  it('groups by the calendar of the site time zone, as permalinks do, whatever the offset written', () => {
    const late = articles({ eve: '2023-12-31T23:30:00Z', utcMorning: '2022-09-05T20:00:00Z' });
    const jakarta = groupByPeriod(late, (item) => item, JAKARTA);
    expect(paths(jakarta.days)).toEqual(['/2024/01/01/', '/2022/09/06/']);
    expect(paths(jakarta.years)).toEqual(['/2024/', '/2022/']);
    for (const item of late) {
      const permalink = buildPermalink(item.date, item.datePrecision, item.id, JAKARTA);
      const day = jakarta.days.find((d) => d.items.includes(item))!;
      expect(permalink.startsWith(day.path)).toBe(true);
    }
    const utc = groupByPeriod(late, (item) => item, 'UTC');
    expect(paths(utc.days)).toEqual(['/2023/12/31/', '/2022/09/05/']);
  });

  it('gives each period its first instant in the site time zone and its calendar parts', () => {
    const day = groups.days.find((d) => d.path === '/2022/09/06/')!;
    expect(day).toMatchObject({ kind: 'day', year: '2022', month: '09', day: '06' });
    expect(day.start.toISOString()).toBe('2022-09-05T17:00:00.000Z');
    const year = groups.years[0]!;
    expect(year).toMatchObject({ kind: 'year', year: '2022' });
    expect(year.month).toBeUndefined();
    expect(year.start.toISOString()).toBe('2021-12-31T17:00:00.000Z');
  });

  it('makes nothing of an empty archive', () => {
    expect(groupByPeriod([], (item: Item) => item, JAKARTA)).toEqual({ years: [], months: [], days: [] });
  });
});

describe('linkNeighbours', () => {
  const groups = groupByPeriod(
    articles({ a: '2024-02-14', b: '2023-09-05', c: '2023-09', d: '2021-06-01' }),
    (item) => item,
    JAKARTA,
  );

  it('links a month straight past empty months to the nearest months with articles', () => {
    const linked = linkNeighbours(groups.months);
    const september = linked.find(({ period }) => period.path === '/2023/09/')!;
    expect(september.newer?.path).toBe('/2024/02/');
    expect(september.older?.path).toBe('/2021/06/');
  });

  it('gives the newest period no newer link and the oldest no older one', () => {
    const linked = linkNeighbours(groups.years);
    expect(linked.map(({ period }) => period.path)).toEqual(['/2024/', '/2023/', '/2021/']);
    expect(linked[0]?.newer).toBeUndefined();
    expect(linked[0]?.older?.path).toBe('/2023/');
    expect(linked.at(-1)?.older).toBeUndefined();
    expect(linked.at(-1)?.newer?.path).toBe('/2023/');
  });
});

describe('getSubPeriods', () => {
  const groups = groupByPeriod(
    articles({ a: '2023-09-06', b: '2023-09-05', c: '2023-02-14', d: '2022-09-06' }),
    (item) => item,
    JAKARTA,
  );

  it("lists a year's months and a month's days, newest first, and nothing of other periods", () => {
    expect(paths(getSubPeriods(groups.years[0]!, groups.months))).toEqual(['/2023/09/', '/2023/02/']);
    expect(paths(getSubPeriods(groups.months[0]!, groups.days))).toEqual(['/2023/09/06/', '/2023/09/05/']);
  });
});

describe('paginatePeriod', () => {
  const many = Object.fromEntries(
    Array.from({ length: 23 }, (_, i) => [
      `n${String(i).padStart(2, '0')}`,
      `2022-09-${String(i + 1).padStart(2, '0')}`,
    ]),
  );
  const september = groupByPeriod(articles(many), (item) => item, JAKARTA).months[0]!;

  it('puts exactly page-size articles on every page but the last, which holds the rest', () => {
    const pages = paginatePeriod(september, 5);
    expect(pages.map((page) => page.items.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flatMap((page) => page.items)).toEqual(september.items);
    expect(pages.every((page) => page.totalItems === 23 && page.totalPages === 5)).toBe(true);
  });

  it('puts page 1 at the period itself, with no /1/ duplicate, and later pages under page/', () => {
    const urls = paginatePeriod(september, 5).map((page) => page.url);
    expect(urls).toEqual(['/2022/09/', '/2022/09/page/2/', '/2022/09/page/3/', '/2022/09/page/4/', '/2022/09/page/5/']);
  });

  it('never gives a page the URL of a day archive, even past page 9', () => {
    const groups = groupByPeriod(articles(many), (item) => item, JAKARTA);
    const pageUrls = paginatePeriod(september, 1).map((page) => page.url);
    expect(pageUrls).toHaveLength(23);
    const dayPaths = new Set(paths(groups.days));
    expect(pageUrls.filter((url) => dayPaths.has(url))).toEqual([]);
  });

  it('makes a single page when the period fits, and no empty last page when it fills exactly', () => {
    expect(paginatePeriod(september, 23).map((page) => page.items.length)).toEqual([23]);
    expect(paginatePeriod(september, 100).map((page) => page.url)).toEqual(['/2022/09/']);
    expect(paginatePeriod(september, 23)[0]?.nextUrl).toBeUndefined();
  });
});

describe('buildArchiveOverview', () => {
  const groups = groupByPeriod(
    articles({
      a: '2024-02-14T08:00:00+07:00',
      b: '2024-02-14T20:00:00+07:00',
      c: '2024-02-29',
      d: '2024-02-01',
      e: '2023-12-31T23:30:00Z',
      f: '2022-09',
    }),
    (item) => item,
    JAKARTA,
  );
  const overview = buildArchiveOverview(groups);

  it('has a row for every year with articles, newest first, each with twelve months', () => {
    expect(overview.years.map((year) => year.year)).toEqual(['2024', '2022']);
    expect(overview.years.every((year) => year.months.length === 12)).toBe(true);
    expect(overview.years[0]?.months.map((m) => m.monthKey)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
    ]);
  });

  it('counts the articles of every month and year, and of the whole archive', () => {
    const y2024 = overview.years[0]!;
    expect(y2024.months.map((m) => m.count)).toEqual([1, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(y2024.total).toBe(5);
    expect(overview.years[1]?.months[8]?.count).toBe(1);
    expect(overview.total).toBe(6);
    expect(overview.maxCount).toBe(4);
  });

  it('links only months that have an archive page', () => {
    const y2024 = overview.years[0]!;
    expect(y2024.path).toBe('/2024/');
    expect(y2024.months[1]?.path).toBe('/2024/02/');
    expect(y2024.months[2]?.path).toBeUndefined();
    expect(overview.years.flatMap((y) => y.months).filter((m) => m.path).length).toBe(groups.months.length);
  });

  it('shades a month by its share of the busiest month, empty months unshaded', () => {
    const y2024 = overview.years[0]!;
    expect(y2024.months[1]?.level).toBe(4);
    expect(y2024.months[0]?.level).toBe(1);
    expect(y2024.months[2]?.level).toBe(0);
  });

  it('is empty for an empty archive', () => {
    expect(buildArchiveOverview({ years: [], months: [] })).toEqual({ years: [], maxCount: 0, total: 0 });
  });
});
