import { describe, expect, it } from 'vitest';
import { buildFilterValueMap } from '../../../../src/lib/search/search-filter-values';
import type { FilterCounts } from '../../../../src/lib/search/search-filters';
import { buildTermIndex } from '../../../../src/lib/core/taxonomy';

const available: FilterCounts = {
  tag: { 'Korea Utara': 3, Rusia: 2, Russia: 1 },
  author: { 'Rina Hartono': 2, 'Sam Lee': 1 },
  year: { '2022': 2, '2024': 1 },
  language: { 'Bahasa Indonesia': 3, English: 1 },
};

describe('buildFilterValueMap', () => {
  const values = buildFilterValueMap(available);

  it('carries topics and authors in the URL by their slugs', () => {
    expect(values.toUrlValue('tag', 'Korea Utara')).toBe('korea-utara');
    expect(values.toIndexValue('tag', 'korea-utara')).toBe('Korea Utara');
    expect(values.toIndexValue('tag', 'russia')).toBe('Russia');
    expect(values.toUrlValue('author', 'Rina Hartono')).toBe('rina-hartono');
  });

  it('carries languages by their codes and years as they are', () => {
    expect(values.toUrlValue('language', 'English')).toBe('en');
    expect(values.toIndexValue('language', 'id')).toBe('Bahasa Indonesia');
    expect(values.toIndexValue('year', '2022')).toBe('2022');
  });

  it('gives names without letters or digits the fallback slug of their kind, as their pages have', () => {
    const symbols = buildFilterValueMap({ tag: { '—': 1, '・': 1 }, author: { '—': 2 } });
    expect(symbols.toUrlValue('author', '—')).toBe('author');
    expect(symbols.toUrlValue('tag', '—')).toBe('tag');
    expect(symbols.toIndexValue('tag', 'tag-2')).toBe('・');
  });

  it('passes an unknown value from a link through, so it matches nothing', () => {
    expect(values.toIndexValue('tag', 'tidak-ada')).toBe('tidak-ada');
  });

  it('gives each topic the slug the archive gives it, clashes included', () => {
    // Spellings as editors wrote them; the index stores each topic once, by its archive-wide name.
    const articles = [['C++', 'Korea  utara'], ['c', 'Korea Utara'], ['Korea Utara', 'Ёлка'], ['C++']];
    const archive = buildTermIndex(articles, (tags) => tags, 'tag');
    const indexValues = Object.fromEntries([...archive.values()].map((entry) => [entry.name, entry.items.length]));
    const fromIndex = buildFilterValueMap({ tag: indexValues });
    for (const entry of archive.values()) {
      expect(fromIndex.toUrlValue('tag', entry.name)).toBe(entry.slug);
      expect(fromIndex.toIndexValue('tag', entry.slug)).toBe(entry.name);
    }
    expect(new Set([...archive.values()].map((entry) => entry.slug)).size).toBe(archive.size);
  });
});
