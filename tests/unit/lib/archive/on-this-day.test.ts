import { describe, expect, it } from 'vitest';
import { buildOnThisDayIndex, ON_THIS_DAY_LIMIT } from '../../../../src/lib/archive/on-this-day';
import { parseArticleDate, type DatePrecision } from '../../../../src/lib/core/dates';
import { sortNewestFirst } from '../../../../src/lib/archive/sorting';

const JAKARTA = 'Asia/Jakarta';

interface Item {
  id: string;
  title: string;
  date: Date;
  datePrecision: DatePrecision;
}

function onThisDay(dates: Record<string, string>, timeZone = JAKARTA, limit?: number): Record<string, string[]> {
  const items: Item[] = sortNewestFirst(
    Object.entries(dates).map(([id, text]) => {
      const parsed = parseArticleDate(text, timeZone);
      if (!parsed.ok) throw new Error(parsed.reason);
      return { id, title: id, date: parsed.value.date, datePrecision: parsed.value.precision };
    }),
  );
  const index = buildOnThisDayIndex(items, (item) => item, timeZone, limit);
  return Object.fromEntries(items.map((item) => [item.id, index.get(item)!.map((other) => other.id)]));
}

describe('buildOnThisDayIndex', () => {
  it('lists articles of the same day and month in other years, newest first', () => {
    const found = onThisDay({
      y2024: '2024-09-06',
      y2022: '2022-09-06T10:30:00+07:00',
      y2021: '2021-09-06',
      other: '2022-09-07',
    });
    expect(found['y2022']).toEqual(['y2024', 'y2021']);
    expect(found['y2024']).toEqual(['y2022', 'y2021']);
    expect(found['other']).toEqual([]);
  });

  it('leaves out articles from the same year, even the same day', () => {
    expect(onThisDay({ a: '2022-09-06', b: '2022-09-06T12:00:00+07:00' })).toEqual({ a: [], b: [] });
  });

  it('takes the day in the site time zone, as permalinks do', () => {
    // 20:00 UTC on 5 September is already 6 September in Jakarta, but not in UTC.
    const dates = { late: '2022-09-05T20:00:00Z', day: '2023-09-06' };
    expect(onThisDay(dates)['day']).toEqual(['late']);
    expect(onThisDay(dates, 'UTC')['day']).toEqual([]);
  });

  it('matches 29 February only with other leap days', () => {
    const found = onThisDay({
      leap2024: '2024-02-29',
      leap2020: '2020-02-29',
      march: '2023-03-01',
      feb28: '2023-02-28',
    });
    expect(found['leap2024']).toEqual(['leap2020']);
    expect(found['march']).toEqual([]);
    expect(found['feb28']).toEqual([]);
  });

  it('gives a month-precision article no list and lists it nowhere', () => {
    const found = onThisDay({ month: '2022-09', first: '2023-09-01', otherFirst: '2021-09-01' });
    expect(found['month']).toEqual([]);
    expect(found['first']).toEqual(['otherFirst']);
  });

  it(`lists at most ${ON_THIS_DAY_LIMIT} by default, the newest`, () => {
    const dates = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`y${2010 + i}`, `${2010 + i}-05-20`]));
    const found = onThisDay(dates);
    expect(found['y2010']).toEqual([
      'y2024',
      'y2023',
      'y2022',
      'y2021',
      'y2020',
      'y2019',
      'y2018',
      'y2017',
      'y2016',
      'y2015',
    ]);
    expect(onThisDay(dates, JAKARTA, 2)['y2024']).toEqual(['y2023', 'y2022']);
  });
});
