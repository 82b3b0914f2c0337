import { describe, expect, it } from 'vitest';
import { compareNewestFirst, sortNewestFirst, type Sortable } from '../../../../src/lib/archive/sorting';

const article = (id: string, iso: string, datePrecision: Sortable['datePrecision'], title = id): Sortable => ({
  id,
  date: new Date(iso),
  datePrecision,
  title,
});

// Dates as parsed in Asia/Jakarta: midnight there is 17:00 UTC the day before.
const september2023 = article('september', '2023-08-31T17:00:00Z', 'month', 'Arsip September');
const firstSeptember = article('first', '2023-08-31T17:00:00Z', 'day', 'Satu September');
const secondSeptember = article('second', '2023-09-01T17:00:00Z', 'day', 'Dua September');
const lateAugust = article('august', '2023-08-20T03:00:00Z', 'instant', 'Agustus');

describe('sortNewestFirst', () => {
  it('puts the newest article first', () => {
    expect(sortNewestFirst([lateAugust, secondSeptember, firstSeptember]).map((a) => a.id)).toEqual([
      'second',
      'first',
      'august',
    ]);
  });

  it('puts a month-precision article after the dated articles of that month, before the month before', () => {
    expect(sortNewestFirst([september2023, lateAugust, firstSeptember, secondSeptember]).map((a) => a.id)).toEqual([
      'second',
      'first',
      'september',
      'august',
    ]);
  });

  it('breaks ties by title, then by id, the same for every input order', () => {
    const sameTime = '2023-09-01T03:00:00Z';
    const items = [
      article('c', sameTime, 'instant', 'Beta'),
      article('b', sameTime, 'instant', 'Alfa'),
      article('a', sameTime, 'instant', 'Alfa'),
      article('d', sameTime, 'day', 'Aaa'),
    ];
    const expected = ['a', 'b', 'c', 'd'];
    expect(sortNewestFirst(items).map((a) => a.id)).toEqual(expected);
    expect(sortNewestFirst([...items].reverse()).map((a) => a.id)).toEqual(expected);
    expect(sortNewestFirst([items[2]!, items[0]!, items[3]!, items[1]!]).map((a) => a.id)).toEqual(expected);
  });

  it('returns a new array and leaves its input alone', () => {
    const input = [lateAugust, secondSeptember];
    const sorted = sortNewestFirst(input);
    expect(sorted).not.toBe(input);
    expect(input.map((a) => a.id)).toEqual(['august', 'second']);
  });
});

describe('compareNewestFirst', () => {
  it('is zero only for the same article', () => {
    expect(compareNewestFirst(firstSeptember, firstSeptember)).toBe(0);
    expect(compareNewestFirst(firstSeptember, { ...firstSeptember, id: 'other' })).not.toBe(0);
  });
});
