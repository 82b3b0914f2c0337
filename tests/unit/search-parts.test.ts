import { describe, expect, it } from 'vitest';
import { describePeriods, partsToRead, readIndexParts, type IndexPart } from '../../src/lib/search-parts';

const part = (from: string, to: string, pages: number): IndexPart => ({
  key: `id-x-${from.replace('-', '')}`,
  language: 'id',
  from,
  to,
  pages,
});

// Oldest first, as the build lists them.
const parts = [part('2001-01', '2009-12', 4000), part('2010-01', '2016-06', 4000), part('2016-07', '2025-11', 4000)];
const keys = (list: readonly IndexPart[]) => list.map((p) => p.from.slice(0, 4));

describe('partsToRead', () => {
  it('reads the newest parts within the budget and leaves the older ones', () => {
    const { read, older } = partsToRead(parts, { year: undefined, period: undefined }, 10_000);
    expect(keys(read)).toEqual(['2010', '2016']);
    expect(keys(older)).toEqual(['2001']);
  });

  it('reads the newest part even when it alone is over the budget', () => {
    expect(keys(partsToRead(parts, { year: undefined, period: undefined }, 100).read)).toEqual(['2016']);
  });

  it('reads every part for the whole archive, and only the parts holding a chosen year', () => {
    expect(keys(partsToRead(parts, { year: undefined, period: 'all' }, 100).read)).toEqual(['2001', '2010', '2016']);
    expect(partsToRead(parts, { year: '2016', period: undefined }, 100)).toEqual({
      read: [parts[1], parts[2]],
      older: [],
    });
    expect(partsToRead(parts, { year: '1999', period: undefined }, 100).read).toEqual([]);
  });
});

describe('readIndexParts', () => {
  it('takes the parts the build listed, and an index of whole languages as one part each', () => {
    expect(readIndexParts({ languages: {}, warta_parts: [parts[2]!, parts[0]!] })).toEqual([parts[2], parts[0]]);
    expect(readIndexParts({ languages: { id: { page_count: 3 }, en: { page_count: 1 } } })).toEqual([
      { key: 'id', language: 'id', from: '', to: '', pages: 3 },
      { key: 'en', language: 'en', from: '', to: '', pages: 1 },
    ]);
  });
});

describe('describePeriods', () => {
  it('names the first year read and the years left', () => {
    expect(describePeriods(parts.slice(1), parts.slice(0, 1))).toEqual({
      since: '2010',
      olderFrom: '2001',
      olderTo: '2009',
    });
  });
});
