import { describe, expect, it } from 'vitest';
import { mergeByRank, type Candidate } from '../../../../src/lib/search/lazy-merge';
import { compareRanked, holdsEveryWord, queryWords, textWords } from '../../../../src/lib/search/search-ranking';

describe('queryWords and textWords', () => {
  it('reads words without case, diacritics or punctuation, as Pagefind does', () => {
    expect(queryWords('  "Korea Utara"  JUAL, Perú ')).toEqual(['korea', 'utara', 'jual', 'peru']);
    expect(queryWords('— !')).toEqual([]);
    expect([...textWords('Covid-19 di Perú.')].sort()).toEqual(['19', 'covid', 'covid19', 'di', 'peru']);
  });
});

describe('holdsEveryWord', () => {
  it('holds a text with every query word as written, anywhere and in any case', () => {
    expect(holdsEveryWord('Artillery shells were sold to Russia.', queryWords('russia artillery'))).toBe(true);
  });

  it('does not hold a text with only another form, a longer word or a part of a query word', () => {
    // The Indonesian stemmer takes "artillerynya" for "artillery"; as written, it is another word.
    expect(holdsEveryWord('Harga artillerynya naik.', queryWords('artillery'))).toBe(false);
    expect(holdsEveryWord('The sanctions bite.', queryWords('sanction'))).toBe(false);
    expect(holdsEveryWord('Artillery only.', queryWords('artillery russia'))).toBe(false);
  });

  it('holds any text for a query without words', () => {
    expect(holdsEveryWord('', [])).toBe(true);
  });
});

describe('compareRanked', () => {
  it('puts a result with every word as written first, then the higher score', () => {
    expect(compareRanked({ exact: true, score: 1 }, { exact: false, score: 9 })).toBeLessThan(0);
    expect(compareRanked({ exact: false, score: 9 }, { exact: false, score: 1 })).toBeLessThan(0);
    expect(compareRanked({ exact: true, score: 1 }, { exact: true, score: 2 })).toBeGreaterThan(0);
  });
});

interface Item {
  id: string;
  text: string;
}

function candidates(items: [string, string, number][], loads: string[]): Candidate<Item>[] {
  return items.map(([id, text, score]) => ({
    score,
    load: async () => {
      loads.push(id);
      return { id, text };
    },
  }));
}

describe('mergeByRank', () => {
  const words = queryWords('artillery');
  const exact = (item: Item) => holdsEveryWord(item.text, words);

  it('ranks an exact match of one index above looser matches of another, whatever their scores', async () => {
    const loads: string[] = [];
    const indonesian = candidates(
      [
        ['id-1', 'artillerynya', 9],
        ['id-2', 'artillerynya lagi', 8],
      ],
      loads,
    );
    const english = candidates([['en-1', 'the artillery', 2]], loads);
    const merge = mergeByRank([indonesian, english], exact);
    expect((await merge.take(10)).map((item) => item.id)).toEqual(['en-1', 'id-1', 'id-2']);
    expect(merge.remaining).toBe(0);
  });

  it('keeps the order of each list and merges equals by score', async () => {
    const merge = mergeByRank(
      [
        candidates(
          [
            ['a1', 'artillery', 5],
            ['a2', 'artillery', 1],
          ],
          [],
        ),
        candidates(
          [
            ['b1', 'artillery', 3],
            ['b2', 'artillery', 2],
          ],
          [],
        ),
      ],
      exact,
    );
    expect((await merge.take(2)).map((item) => item.id)).toEqual(['a1', 'b1']);
    expect((await merge.take(5)).map((item) => item.id)).toEqual(['b2', 'a2']);
  });

  it('loads the next item of each list and those it picks, not whole lists', async () => {
    const loads: string[] = [];
    const long = (prefix: string, score: number) =>
      candidates(
        Array.from({ length: 50 }, (_, n): [string, string, number] => [`${prefix}${n}`, 'artillery', score - n]),
        loads,
      );
    const merge = mergeByRank([long('a', 100), long('b', 10)], exact);
    expect((await merge.take(10)).map((item) => item.id)).toEqual(Array.from({ length: 10 }, (_, n) => `a${n}`));
    expect(loads.sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'b0'].sort());
  });
});
