import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  formatArticleDate,
  formatDayOfYear,
  formatPeriodInTrail,
  formatShortDate,
  getCalendarParts,
  parseArticleDate,
  toDatetimeAttribute,
  type ArticleDate,
} from '../../../../src/lib/core/dates';

const JAKARTA = 'Asia/Jakarta';
const LOS_ANGELES = 'America/Los_Angeles';

/** Parses a date that must be valid, failing the test with the reason otherwise. */
function parseOk(value: unknown, timeZone = JAKARTA): ArticleDate {
  const result = parseArticleDate(value, timeZone);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(value)} to parse, got: ${result.reason}`);
  return result.value;
}

/** Parses a date that must be refused, returning the reason. */
function parseRefused(value: unknown, timeZone = JAKARTA): string {
  const result = parseArticleDate(value, timeZone);
  if (result.ok)
    throw new Error(`expected ${JSON.stringify(value)} to be refused, got ${result.value.date.toISOString()}`);
  return result.reason;
}

describe('parseArticleDate', () => {
  it('reads a bare day as midnight in the site time zone, with day precision', () => {
    const value = parseOk('2022-09-06');
    expect(value.date.toISOString()).toBe('2022-09-05T17:00:00.000Z');
    expect(value.precision).toBe('day');
  });

  it('reads YYYY-MM as the first instant of that month in the zone, with month precision', () => {
    const value = parseOk('2023-09');
    expect(value.date.toISOString()).toBe('2023-08-31T17:00:00.000Z');
    expect(value.precision).toBe('month');
  });

  it('takes a date-time with an offset as that exact instant', () => {
    const value = parseOk('2022-09-06T14:30:00+07:00');
    expect(value.date.toISOString()).toBe('2022-09-06T07:30:00.000Z');
    expect(value.precision).toBe('instant');
    expect(parseOk('2022-09-06T14:30:00-0330').date.toISOString()).toBe('2022-09-06T18:00:00.000Z');
  });

  it('takes a date-time ending in Z as UTC', () => {
    const value = parseOk('2022-09-06T07:30:00Z');
    expect(value.date.toISOString()).toBe('2022-09-06T07:30:00.000Z');
    expect(value.precision).toBe('instant');
  });

  it('reads a date-time without an offset as wall-clock time in the site zone', () => {
    expect(parseOk('2022-09-06T14:30').date.toISOString()).toBe('2022-09-06T07:30:00.000Z');
    expect(parseOk('2022-09-06 14:30:15').date.toISOString()).toBe('2022-09-06T07:30:15.000Z');
    expect(parseOk('2022-09-06T14:30', 'UTC').date.toISOString()).toBe('2022-09-06T14:30:00.000Z');
  });

  it('follows daylight saving time in America/Los_Angeles', () => {
    // DST began on 2023-03-12 at 02:00: midnight that day is still PST (-08:00), the next is PDT.
    expect(parseOk('2023-03-12', LOS_ANGELES).date.toISOString()).toBe('2023-03-12T08:00:00.000Z');
    expect(parseOk('2023-03-13', LOS_ANGELES).date.toISOString()).toBe('2023-03-13T07:00:00.000Z');
    expect(parseOk('2023-03-11T12:00', LOS_ANGELES).date.toISOString()).toBe('2023-03-11T20:00:00.000Z');
    expect(parseOk('2023-03-13T12:00', LOS_ANGELES).date.toISOString()).toBe('2023-03-13T19:00:00.000Z');
    // DST ended on 2023-11-05 at 02:00.
    expect(parseOk('2023-11-05', LOS_ANGELES).date.toISOString()).toBe('2023-11-05T07:00:00.000Z');
    expect(parseOk('2023-11-06', LOS_ANGELES).date.toISOString()).toBe('2023-11-06T08:00:00.000Z');
  });

  it('refuses a day that is not in the calendar, saying how many days the month has', () => {
    const reason = parseRefused('2023-02-30');
    expect(reason).toContain('2023-02-30');
    expect(reason).toContain('28 days');
  });

  it('refuses 0000-00-00 instead of rolling it over', () => {
    expect(parseRefused('0000-00-00')).toMatch(/year 0000 does not exist/);
  });

  it('refuses month 13', () => {
    expect(parseRefused('2023-13-01')).toMatch(/month 13 does not exist/);
    expect(parseRefused('2023-00')).toMatch(/month 00 does not exist/);
  });

  it('refuses an hour past 23', () => {
    expect(parseRefused('2023-01-01T25:00')).toBe('2023-01-01T25:00 is not a valid time of day');
    expect(parseRefused('2023-01-01T10:60')).toMatch(/not a valid time of day/);
  });

  it('refuses words, naming the formats it accepts', () => {
    const reason = parseRefused('yesterday');
    expect(reason).toContain('"yesterday" is not a date');
    expect(reason).toContain('YYYY-MM-DD');
  });

  it('refuses a number and null, saying what it got', () => {
    expect(parseRefused(20220906)).toMatch(/^expected a date as text, got a number/);
    expect(parseRefused(null)).toMatch(/^expected a date as text, got nothing/);
    expect(parseRefused(['2022-09-06'])).toMatch(/got a list/);
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseOk('2024-02-29').date.toISOString()).toBe('2024-02-28T17:00:00.000Z');
    expect(parseRefused('2023-02-29')).toContain('that month has 28 days');
  });

  it('accepts a far-future year such as 9999', () => {
    const value = parseOk('9999-12-31');
    expect(value.date.toISOString()).toBe('9999-12-30T17:00:00.000Z');
    expect(getCalendarParts(value.date, JAKARTA)).toEqual({ year: '9999', month: '12', day: '31' });
  });

  it('ignores surrounding whitespace', () => {
    expect(parseOk('  2022-09-06 ').date.toISOString()).toBe('2022-09-05T17:00:00.000Z');
  });

  it('takes a valid Date as an instant and refuses an invalid one', () => {
    const date = new Date('2022-09-06T07:30:00Z');
    expect(parseOk(date)).toEqual({ date, precision: 'instant' });
    expect(parseRefused(new Date(Number.NaN))).toBe('is not a valid date');
  });
});

describe('formatArticleDate', () => {
  const sixSeptember = new Date('2022-09-05T17:00:00Z');

  it('gives an Indonesian dateline with the weekday', () => {
    expect(formatArticleDate(sixSeptember, { lang: 'id', timeZone: JAKARTA })).toBe('Selasa, 6 September 2022');
  });

  it('gives an English dateline with the weekday', () => {
    expect(formatArticleDate(sixSeptember, { lang: 'en', timeZone: JAKARTA })).toBe('Tuesday, 6 September 2022');
  });

  it('uses the month names of the article language', () => {
    const august = new Date('2022-08-17T03:00:00Z');
    expect(formatArticleDate(august, { lang: 'id', timeZone: JAKARTA })).toBe('Rabu, 17 Agustus 2022');
    expect(formatArticleDate(august, { lang: 'en', timeZone: JAKARTA })).toBe('Wednesday, 17 August 2022');
  });

  it('shows only month and year for a month-precision date', () => {
    const september = parseOk('2023-09').date;
    expect(formatArticleDate(september, { lang: 'id', timeZone: JAKARTA, precision: 'month' })).toBe('September 2023');
    expect(formatArticleDate(september, { lang: 'en', timeZone: JAKARTA, precision: 'month' })).toBe('September 2023');
  });

  it('gives the calendar day in the site zone, not in UTC', () => {
    // 20:00 UTC on the 6th is already the 7th in Jakarta.
    const lateEvening = new Date('2022-09-06T20:00:00Z');
    expect(formatArticleDate(lateEvening, { lang: 'id', timeZone: JAKARTA })).toBe('Rabu, 7 September 2022');
    expect(formatArticleDate(lateEvening, { lang: 'en', timeZone: 'UTC' })).toBe('Tuesday, 6 September 2022');
  });
});

describe('formatShortDate', () => {
  it('gives a compact label without the weekday', () => {
    const date = new Date('2022-08-17T03:00:00Z');
    expect(formatShortDate(date, { lang: 'id', timeZone: JAKARTA })).toBe('17 Agt 2022');
    expect(formatShortDate(date, { lang: 'en', timeZone: JAKARTA })).toBe('17 Aug 2022');
    expect(formatShortDate(date, { lang: 'en', timeZone: JAKARTA, precision: 'month' })).toBe('Aug 2022');
  });
});

describe('formatPeriodInTrail', () => {
  it('names a step of a breadcrumb trail without what the steps before it say', () => {
    // 6 September 2022, 00:30 in Jakarta, still the 5th in UTC.
    const date = new Date('2022-09-05T17:30:00Z');
    expect(formatPeriodInTrail(date, 'year', { lang: 'id', timeZone: JAKARTA })).toBe('2022');
    expect(formatPeriodInTrail(date, 'month', { lang: 'id', timeZone: JAKARTA })).toBe('September');
    expect(formatPeriodInTrail(date, 'day', { lang: 'id', timeZone: JAKARTA })).toBe('6 September');
    expect(formatPeriodInTrail(new Date('2024-10-02T03:00:00Z'), 'month', { lang: 'en', timeZone: JAKARTA })).toBe(
      'October',
    );
  });
});

describe('formatDayOfYear', () => {
  it('names the day and month, in the site time zone', () => {
    expect(formatDayOfYear(new Date('2025-07-14T17:30:00Z'), { lang: 'id', timeZone: JAKARTA })).toBe('15 Juli');
    expect(formatDayOfYear(new Date('2025-07-14T17:30:00Z'), { lang: 'en', timeZone: LOS_ANGELES })).toBe('14 July');
  });
});

describe('toDatetimeAttribute', () => {
  it('gives YYYY-MM for a month', () => {
    expect(toDatetimeAttribute(parseOk('2023-09').date, JAKARTA, 'month')).toBe('2023-09');
  });

  it('gives YYYY-MM-DD for a day', () => {
    expect(toDatetimeAttribute(parseOk('2022-09-06').date, JAKARTA, 'day')).toBe('2022-09-06');
  });

  it('gives a full timestamp with the zone offset for an instant, the default', () => {
    const instant = parseOk('2022-09-06T07:30:00Z').date;
    expect(toDatetimeAttribute(instant, JAKARTA, 'instant')).toBe('2022-09-06T14:30:00+07:00');
    expect(toDatetimeAttribute(instant, JAKARTA)).toBe('2022-09-06T14:30:00+07:00');
    expect(toDatetimeAttribute(instant, LOS_ANGELES)).toBe('2022-09-06T00:30:00-07:00');
  });
});

describe('getCalendarParts', () => {
  it('puts 23:30 UTC on New Year’s Eve in the next year in Jakarta', () => {
    expect(getCalendarParts(new Date('2023-12-31T23:30:00Z'), JAKARTA)).toEqual({
      year: '2024',
      month: '01',
      day: '01',
    });
    expect(getCalendarParts(new Date('2023-12-31T23:30:00Z'), 'UTC')).toEqual({ year: '2023', month: '12', day: '31' });
  });
});

describe('independence from the machine time zone (process.env.TZ)', () => {
  let savedTz: string | undefined;
  beforeEach(() => {
    savedTz = process.env['TZ'];
  });
  afterEach(() => {
    if (savedTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = savedTz;
  });

  it('parses, formats and splits dates the same under TZ=America/Los_Angeles', () => {
    process.env['TZ'] = LOS_ANGELES;
    // Make sure the change took effect, or this test would prove nothing.
    expect(new Date('2022-09-05T17:00:00Z').getDate()).toBe(5);

    const day = parseOk('2022-09-06');
    expect(day.date.toISOString()).toBe('2022-09-05T17:00:00.000Z');
    expect(parseOk('2022-09-06T14:30').date.toISOString()).toBe('2022-09-06T07:30:00.000Z');
    expect(parseOk('2023-09').date.toISOString()).toBe('2023-08-31T17:00:00.000Z');
    expect(formatArticleDate(day.date, { lang: 'id', timeZone: JAKARTA })).toBe('Selasa, 6 September 2022');
    expect(formatArticleDate(day.date, { lang: 'en', timeZone: JAKARTA })).toBe('Tuesday, 6 September 2022');
    expect(toDatetimeAttribute(day.date, JAKARTA, 'day')).toBe('2022-09-06');
    expect(toDatetimeAttribute(day.date, JAKARTA)).toBe('2022-09-06T00:00:00+07:00');
    expect(getCalendarParts(day.date, JAKARTA)).toEqual({ year: '2022', month: '09', day: '06' });
    expect(getCalendarParts(new Date('2023-12-31T23:30:00Z'), JAKARTA)).toEqual({
      year: '2024',
      month: '01',
      day: '01',
    });
  });
});
