import { describe, expect, it } from 'vitest';
import { partsToRead, readIndexParts, type IndexPart } from '../../../../src/lib/search/search-parts';

const part = (from: string, to: string, pages: number): IndexPart => ({
  key: `id-x-${from.replace('-', '')}`,
  language: 'id',
  from,
  to,
  pages,
});

// Oldest first, as the build lists them.
const parts = [part('2001-01', '2009-12', 4000), part('2010-01', '2016-06', 4000), part('2016-07', '2025-11', 4000)];

describe('partsToRead', () => {
  it('reads every part, the oldest included, when no year is chosen', () => {
    expect(partsToRead(parts, undefined)).toEqual(parts);
  });

  it('reads only the parts holding a chosen year, however old', () => {
    expect(partsToRead(parts, '2016')).toEqual([parts[1], parts[2]]);
    expect(partsToRead(parts, '2001')).toEqual([parts[0]]);
    expect(partsToRead(parts, '1999')).toEqual([]);
  });

  it('reads an index of whole languages for any year', () => {
    const whole: IndexPart = { key: 'id', language: 'id', from: '', to: '', pages: 3 };
    expect(partsToRead([whole], '1999')).toEqual([whole]);
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
