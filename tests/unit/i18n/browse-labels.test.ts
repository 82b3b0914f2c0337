import { describe, expect, it } from 'vitest';
import { formatArticleCount } from '../../../src/i18n/counts';
import { formatMonthName, formatPeriod } from '../../../src/lib/core/dates';

describe('formatMonthName', () => {
  it('names months in Indonesian and English, long and short', () => {
    expect(formatMonthName(8, { lang: 'id' })).toBe('Agustus');
    expect(formatMonthName(8, { lang: 'id', style: 'short' })).toBe('Agt');
    expect(formatMonthName(5, { lang: 'en' })).toBe('May');
    expect(formatMonthName(12, { lang: 'en', style: 'short' })).toBe('Dec');
  });

  it('refuses a month that does not exist', () => {
    expect(() => formatMonthName(0, { lang: 'id' })).toThrow(RangeError);
    expect(() => formatMonthName(13, { lang: 'en' })).toThrow(RangeError);
  });
});

describe('formatPeriod', () => {
  // Midnight of 1 January 2024 in Jakarta is still 31 December 2023 in UTC.
  const newYear = new Date('2023-12-31T17:00:00Z');

  it('names a year, a month and a day in the site time zone', () => {
    const options = { lang: 'id', timeZone: 'Asia/Jakarta' } as const;
    expect(formatPeriod(newYear, 'year', options)).toBe('2024');
    expect(formatPeriod(newYear, 'month', options)).toBe('Januari 2024');
    expect(formatPeriod(newYear, 'day', options)).toBe('1 Januari 2024');
    expect(formatPeriod(newYear, 'day', { lang: 'en', timeZone: 'UTC' })).toBe('31 December 2023');
  });
});

describe('formatArticleCount', () => {
  it('uses the right plural form in each language', () => {
    expect(formatArticleCount('en', 1)).toBe('1 article');
    expect(formatArticleCount('en', 2)).toBe('2 articles');
    expect(formatArticleCount('id', 1)).toBe('1 berita');
    expect(formatArticleCount('id', 1234)).toBe('1.234 berita');
    expect(formatArticleCount('en', 1234)).toBe('1,234 articles');
  });
});
