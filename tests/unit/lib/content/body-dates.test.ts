import { describe, expect, it } from 'vitest';
import {
  contradictingDateMessage,
  describeDistance,
  findContradictingDates,
} from '../../../../src/lib/content/body-dates';
import { parseArticleDate, type ArticleDate } from '../../../../src/lib/core/dates';

const timeZone = 'Asia/Jakarta';
const id = { lang: 'id' as const, timeZone };

function date(value: string): ArticleDate {
  const parsed = parseArticleDate(value, timeZone);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

describe('findContradictingDates', () => {
  it('finds the seed\'s "(6/9/2022)" in an article filed under 2023-09, with its line', () => {
    const text = 'Paragraf pertama.\n\nujar pejabat AS, dikutip Selasa (6/9/2022).';
    expect(findContradictingDates(text, date('2023-09'), id)).toEqual([
      { written: 'Selasa (6/9/2022)', isoDate: '2022-09-06', line: 2, daysOff: -360 },
    ]);
  });

  it('accepts dates within a month of the article, the whole month for a month-only date', () => {
    const text = 'Senin (5/9/2022), Jumat (30/9/2022), Rabu (24/8/2022) dan Kamis (6/10/2022).';
    expect(findContradictingDates(text, date('2022-09'), id)).toEqual([]);
    expect(findContradictingDates('Selasa (6/9/2022)', date('2022-10-06'), id)).toEqual([]);
    expect(findContradictingDates('Selasa (6/9/2022)', date('2022-10-08'), id)).toHaveLength(1);
  });

  it('reads dates after the article too, and dates without a weekday', () => {
    expect(findContradictingDates('pada (1/3/2024)', date('2023-09-06T10:00:00+07:00'), id)).toEqual([
      { written: '(1/3/2024)', isoDate: '2024-03-01', line: 0, daysOff: 177 },
    ]);
  });

  it('ignores what is not a calendar day, and English texts, where 6/9 may mean 9 June', () => {
    expect(findContradictingDates('(31/2/2020) (6/13/2020)', date('2023-09'), id)).toEqual([]);
    expect(findContradictingDates('Tuesday (6/9/2022)', date('2023-09'), { lang: 'en', timeZone })).toEqual([]);
  });
});

describe('contradictingDateMessage', () => {
  it('names the date as written, what it means, how far it is and the fix', () => {
    const [found] = findContradictingDates('Selasa (6/9/2022)', date('2023-09'), id);
    expect(contradictingDateMessage(found!, '2023-09')).toBe(
      'the text is dated "Selasa (6/9/2022)" (2022-09-06), 12 months before the article\'s date 2023-09; correct "date:", or the date in the text if that is the wrong one',
    );
  });

  it('says the distance in days, months or years', () => {
    expect(describeDistance(-45)).toBe('45 days before');
    expect(describeDistance(177)).toBe('6 months after');
    expect(describeDistance(-800)).toBe('2 years before');
  });
});
