import { describe, expect, it } from 'vitest';
import { buildTermIndex } from '../../../../src/lib/core/taxonomy';
import { sortTermsByCount, sortTermsByName } from '../../../../src/lib/archive/term-order';

interface Item {
  id: string;
  terms: string[];
}

const terms = (items: Item[], fallback?: string) => buildTermIndex(items, (item) => item.terms, fallback).values();
const names = (entries: { name: string }[]) => entries.map((entry) => entry.name);

describe('sortTermsByName', () => {
  it('sorts alphabetically the way readers of the language expect, ignoring case and accents', () => {
    const entries = terms([{ id: 'a', terms: ['zebra', 'Énergie', 'apel', 'Banjir', 'G20', 'G7'] }]);
    expect(names(sortTermsByName(entries, 'id'))).toEqual(['apel', 'Banjir', 'Énergie', 'G7', 'G20', 'zebra']);
  });

  it('orders the same whatever order the terms came in', () => {
    const items: Item[] = [
      { id: 'a', terms: ['Rusia', 'Korea Utara'] },
      { id: 'b', terms: ['东京', 'Asia', 'asia'] },
    ];
    const forward = names(sortTermsByName(terms(items), 'en'));
    expect(names(sortTermsByName(terms([...items].reverse()), 'en'))).toEqual(forward);
  });
});

describe('sortTermsByCount', () => {
  it('puts the terms with most articles first, alphabetically among equals', () => {
    const entries = terms([
      { id: 'a', terms: ['Politik', 'Ekonomi', 'Banjir'] },
      { id: 'b', terms: ['Politik', 'Ekonomi'] },
      { id: 'c', terms: ['Politik', 'Asia'] },
    ]);
    expect(sortTermsByCount(entries, 'id').map((e) => [e.name, e.items.length])).toEqual([
      ['Politik', 3],
      ['Ekonomi', 2],
      ['Asia', 1],
      ['Banjir', 1],
    ]);
  });
});

describe('tag and author slugs', () => {
  it('gives names in any script stable, readable, distinct slugs', () => {
    const entries = [...terms([{ id: 'a', terms: ['Korea Utara', 'Ёлка', '東京', '🎉', 'Анна Петрова', 'Đà Nẵng'] }])];
    expect(Object.fromEntries(entries.map((e) => [e.name, e.slug]))).toEqual({
      'Korea Utara': 'korea-utara',
      Ёлка: 'yolka',
      東京: '東京',
      '🎉': '🎉',
      'Анна Петрова': 'anna-petrova',
      'Đà Nẵng': 'da-nang',
    });
  });

  it('gives two authors whose names slug alike distinct slugs, the same in every build', () => {
    const items: Item[] = [
      { id: 'a', terms: ['Sam Lee'] },
      { id: 'b', terms: ['Sam-Lee'] },
      { id: 'c', terms: ['sam  lee'] },
    ];
    const slugs = (list: Item[]) =>
      Object.fromEntries([...terms(list, 'penulis')].map((e) => [e.name, [e.slug, e.items.length]]));
    expect(slugs(items)).toEqual({ 'Sam Lee': ['sam-lee', 2], 'Sam-Lee': ['sam-lee-2', 1] });
    expect(slugs([...items].reverse())).toEqual({ 'sam lee': ['sam-lee', 2], 'Sam-Lee': ['sam-lee-2', 1] });
  });
});
