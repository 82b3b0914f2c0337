import { describe, expect, it } from 'vitest';
import { buildTermIndex, type TermEntry } from '../../../../src/lib/core/taxonomy';

interface Item {
  id: string;
  tags: string[];
}

const index = (items: Item[], fallback?: string) =>
  [...buildTermIndex(items, (item) => item.tags, fallback).values()].map((entry: TermEntry<Item>) => ({
    name: entry.name,
    slug: entry.slug,
    items: entry.items.map((item) => item.id),
  }));

describe('buildTermIndex', () => {
  it('merges spellings that differ only in case or spacing into one entry', () => {
    const entries = index([
      { id: 'a', tags: ['Korea Utara'] },
      { id: 'b', tags: ['korea  utara'] },
    ]);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.slug).toBe('korea-utara');
    expect(entries[0]?.items).toEqual(['a', 'b']);
  });

  it('shows the most used spelling', () => {
    const entries = index([
      { id: 'a', tags: ['korea utara'] },
      { id: 'b', tags: ['Korea Utara'] },
      { id: 'c', tags: ['Korea  Utara'] },
    ]);
    expect(entries[0]?.name).toBe('Korea Utara');
  });

  it('shows the first spelling seen when spellings are used equally often', () => {
    expect(
      index([
        { id: 'a', tags: ['KPK'] },
        { id: 'b', tags: ['kpk'] },
      ])[0]?.name,
    ).toBe('KPK');
  });

  it('keeps items in the order given and counts an item once per tag', () => {
    const entries = index([
      { id: 'new', tags: ['Asia', 'asia'] },
      { id: 'old', tags: ['Asia'] },
    ]);
    expect(entries[0]?.items).toEqual(['new', 'old']);
  });

  it('gives distinct slugs to tags whose slugs collide, the same for every input order', () => {
    const items: Item[] = [
      { id: 'a', tags: ['C++'] },
      { id: 'b', tags: ['C'] },
      { id: 'c', tags: ['C#'] },
    ];
    const forward = index(items);
    const backward = index([...items].reverse());
    const slugOf = (entries: ReturnType<typeof index>, name: string) => entries.find((e) => e.name === name)?.slug;
    for (const name of ['C', 'C++', 'C#']) expect(slugOf(backward, name)).toBe(slugOf(forward, name));
    expect(new Set(forward.map((e) => e.slug)).size).toBe(3);
    expect(slugOf(forward, 'C')).toBe('c');
    expect(forward.map((e) => e.slug).sort()).toEqual(['c', 'c-2', 'c-3']);
  });

  it('gives a fallback slug to a tag with no letters or digits', () => {
    const entries = index([{ id: 'a', tags: ['!!!', '???', 'Asia'] }]);
    const slugs = entries.map((e) => e.slug);
    expect(new Set(slugs).size).toBe(3);
    expect(slugs).toContain('asia');
    for (const slug of slugs.filter((s) => s !== 'asia')) expect(slug).toMatch(/^tag(-\d+)?$/);
    expect(index([{ id: 'a', tags: ['!!!'] }], 'penulis')[0]?.slug).toMatch(/^penulis/);
  });

  it('skips empty terms', () => {
    expect(index([{ id: 'a', tags: ['', '  '] }])).toEqual([]);
  });
});
