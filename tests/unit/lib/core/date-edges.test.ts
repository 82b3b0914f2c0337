/**
 * Dates at the edges of what editors and importers write: years below 100, offsets no place uses,
 * and instants an offset carries out of the four-digit years permalinks have.
 */
import { describe, expect, it } from 'vitest';
import { groupByPeriod } from '../../../../src/lib/archive/archive-groups';
import { atWallClock, formatArticleDate, formatPeriod, parseArticleDate } from '../../../../src/lib/core/dates';
import { buildPermalink } from '../../../../src/lib/core/permalinks';

const zone = 'Asia/Jakarta';

function parse(text: string) {
  const result = parseArticleDate(text, zone);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('years below 100', () => {
  it('files 0001-01-01 under year 1, not 1901', () => {
    const { date, precision } = parse('0001-01-01');
    expect(buildPermalink(date, precision, 'tahun-satu', zone)).toBe('/0001/01/01/tahun-satu/');
    expect(formatArticleDate(date, { lang: 'en', timeZone: zone, precision })).toBe('Monday, 1 January 0001');
  });

  it('reads a month, a wall-clock time and a time with an offset in year 99 as year 99', () => {
    expect(buildPermalink(parse('0099-07').date, 'month', 'a', zone)).toBe('/0099/07/a/');
    expect(buildPermalink(parse('0099-12-31T23:00').date, 'instant', 'a', zone)).toBe('/0099/12/31/a/');
    expect(parse('0050-06-15T12:00:00Z').date.toISOString()).toBe('0050-06-15T12:00:00.000Z');
  });

  it('starts the archive periods of year 1 in year 1', () => {
    const groups = groupByPeriod([{ date: parse('0001-03-04').date, datePrecision: 'day' as const }], (x) => x, zone);
    expect(groups.years[0]?.path).toBe('/0001/');
    expect(formatPeriod(groups.years[0]!.start, 'year', { lang: 'id', timeZone: zone })).toBe('0001');
    expect(formatPeriod(groups.days[0]!.start, 'day', { lang: 'id', timeZone: zone })).toBe('4 Maret 0001');
  });

  it('builds the same instant as the TZDate constructor from year 100 on', () => {
    expect(atWallClock(zone, 2024, 0, 1).toISOString()).toBe('2023-12-31T17:00:00.000Z');
    expect(atWallClock('UTC', 100, 0, 1).toISOString()).toBe('0100-01-01T00:00:00.000Z');
    expect(atWallClock('UTC', 99, 11, 31, 23, 59, 59, 999).toISOString()).toBe('0099-12-31T23:59:59.999Z');
  });
});

describe('UTC offsets', () => {
  it('accepts the offsets places use, from -12:00 to +14:00', () => {
    expect(parse('2024-01-01T00:00:00+14:00').date.toISOString()).toBe('2023-12-31T10:00:00.000Z');
    expect(parse('2024-01-01T00:00:00-12:00').date.toISOString()).toBe('2024-01-01T12:00:00.000Z');
    expect(parse('2024-01-01T00:00:00+0545').date.toISOString()).toBe('2023-12-31T18:15:00.000Z');
  });

  it('refuses offsets no place uses, with a reason', () => {
    for (const offset of ['+14:01', '-12:30', '+05:60', '+99:99']) {
      expect(parseArticleDate(`2024-01-01T00:00:00${offset}`, zone)).toEqual({
        ok: false,
        reason: `${offset} is not a UTC offset; offsets run from -12:00 to +14:00`,
      });
    }
  });

  it('refuses an instant that its offset carries past 9999 or before year 1 in the site zone', () => {
    expect(parseArticleDate('9999-12-31T23:00:00-12:00', zone).ok).toBe(false);
    expect(parseArticleDate('0001-01-01T00:00:00+14:00', zone).ok).toBe(false);
    expect(parseArticleDate('9999-12-31T10:00:00+07:00', zone).ok).toBe(true);
  });
});
