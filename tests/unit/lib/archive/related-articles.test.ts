import { describe, expect, it } from 'vitest';
import { RELATED_LIMIT, buildRelatedIndex, tagWeight } from '../../../../src/lib/archive/related-articles';

interface Item {
  id: string;
  tags: string[];
}

/** Related ids of every item; items are given newest first. */
function related(items: Item[], limit?: number): Record<string, string[]> {
  const index = buildRelatedIndex(items, (item) => item.tags, limit);
  return Object.fromEntries(items.map((item) => [item.id, index.get(item)!.map((other) => other.id)]));
}

describe('tagWeight', () => {
  it('weighs a rare tag more than a common one, and even a tag on every article above zero', () => {
    expect(tagWeight(1, 100)).toBeGreaterThan(tagWeight(10, 100));
    expect(tagWeight(10, 100)).toBeGreaterThan(tagWeight(100, 100));
    expect(tagWeight(100, 100)).toBeGreaterThan(0);
  });
});

describe('buildRelatedIndex', () => {
  it('ranks an article sharing a rare tag above a newer one sharing a common tag', () => {
    const items: Item[] = [
      { id: 'newest', tags: ['Jakarta'] },
      { id: 'target', tags: ['Jakarta', 'Banjir Rob'] },
      { id: 'other-jakarta', tags: ['Jakarta'] },
      { id: 'old-rob', tags: ['Banjir Rob'] },
      { id: 'more-jakarta', tags: ['Jakarta'] },
    ];
    expect(related(items)['target']).toEqual(['old-rob', 'newest', 'other-jakarta', 'more-jakarta']);
  });

  it('ranks more shared tags above fewer of the same rarity', () => {
    const items: Item[] = [
      { id: 'one', tags: ['ASEAN'] },
      { id: 'target', tags: ['ASEAN', 'Myanmar'] },
      { id: 'two', tags: ['Myanmar', 'ASEAN'] },
    ];
    expect(related(items)['target']).toEqual(['two', 'one']);
  });

  it('breaks ties by recency: the newer article first', () => {
    const items: Item[] = [
      { id: 'a', tags: ['Pemilu'] },
      { id: 'b', tags: ['Pemilu'] },
      { id: 'c', tags: ['Pemilu'] },
    ];
    expect(related(items)).toEqual({ a: ['b', 'c'], b: ['a', 'c'], c: ['a', 'b'] });
  });

  it(`returns at most ${RELATED_LIMIT} by default, or the limit asked for`, () => {
    const items: Item[] = Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, tags: ['Ekonomi'] }));
    expect(related(items)['n0']).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(related(items, 2)['n11']).toEqual(['n0', 'n1']);
    expect(related(items, 0)['n0']).toEqual([]);
  });

  it('never lists the article itself, nor articles that share no tag', () => {
    const items: Item[] = [
      { id: 'a', tags: ['Sepak Bola'] },
      { id: 'b', tags: ['Politik'] },
      { id: 'c', tags: [] },
    ];
    expect(related(items)).toEqual({ a: [], b: [], c: [] });
  });

  it('treats tags differing only in case or spacing as one tag', () => {
    const items: Item[] = [
      { id: 'a', tags: ['Korea Utara'] },
      { id: 'b', tags: ['korea  utara'] },
      { id: 'c', tags: ['KOREA UTARA', 'Korea utara'] },
    ];
    expect(related(items)).toEqual({ a: ['b', 'c'], b: ['a', 'c'], c: ['a', 'b'] });
  });

  it('breaks ties by recency even when equal scores are summed in a different order', () => {
    // Six articles: p, q, r, s are on two articles each, u and v on four. "x" shares p, q, u with
    // the target and "y" shares r, v, s: equal scores, whose floating-point sums in the target's
    // tag order differ in the last bit ((a + b) + c against (a + c) + b).
    const items: Item[] = [
      { id: 'x', tags: ['p', 'q', 'u'] },
      { id: 'target', tags: ['p', 'q', 'u', 'r', 'v', 's'] },
      { id: 'y', tags: ['r', 'v', 's'] },
      { id: 'z1', tags: ['u', 'v'] },
      { id: 'z2', tags: ['u', 'v'] },
      { id: 'z3', tags: [] },
    ];
    expect(related(items)['target']).toEqual(['x', 'y', 'z1', 'z2']);
  });
});
