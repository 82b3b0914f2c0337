import { describe, expect, it } from 'vitest';
import { buildFilterValueMap } from '../../../../src/lib/search/search-filter-values';
import {
  languageOfFilterValue,
  needsFilterValues,
  plainFilterValues,
  toPagefindFilters,
  type FilterCounts,
} from '../../../../src/lib/search/search-filters';
import { parseSearchState } from '../../../../src/lib/search/search-state';

const available: FilterCounts = {
  tag: { 'Korea Utara': 3, Rusia: 2, Russia: 1 },
  author: { 'Rina Hartono': 2, 'Sam Lee': 1 },
  year: { '2022': 2, '2024': 1 },
  language: { 'Bahasa Indonesia': 3, English: 1 },
};

describe('toPagefindFilters', () => {
  const values = buildFilterValueMap(available);

  it('turns a shared link into the filters Pagefind matches', () => {
    const state = parseSearchState('?q=korea&tag=rusia&tag=korea-utara&author=sam-lee&year=2022&language=en');
    // The language is chosen by which language's index is searched, not by a filter.
    expect(toPagefindFilters(state, values)).toEqual({
      tag: ['Rusia', 'Korea Utara'],
      author: ['Sam Lee'],
      year: '2022',
    });
  });

  it('passes years through before the index’s values are known', () => {
    expect(toPagefindFilters(parseSearchState('?q=korea&year=2022'), plainFilterValues)).toEqual({ year: '2022' });
  });

  it('sets no filter for a search without any', () => {
    expect(toPagefindFilters(parseSearchState('?q=korea'), values)).toEqual({});
  });

  it('can leave one filter out, to count the alternatives to the reader’s choice', () => {
    const state = parseSearchState('?year=2022&tag=rusia');
    expect(toPagefindFilters(state, values, 'year')).toEqual({ tag: ['Rusia'] });
  });
});

describe('needsFilterValues', () => {
  it('asks for the index’s values only when a topic or author slug must be looked up', () => {
    expect(needsFilterValues(parseSearchState('?q=korea&tag=rusia'))).toBe(true);
    expect(needsFilterValues(parseSearchState('?author=sam-lee'))).toBe(true);
    expect(needsFilterValues(parseSearchState('?q=korea&year=2022&language=en&sort=date'))).toBe(false);
  });
});

describe('languageOfFilterValue', () => {
  it('finds the language code of a result for its lang attribute', () => {
    expect(languageOfFilterValue('English')).toBe('en');
    expect(languageOfFilterValue('Bahasa Indonesia')).toBe('id');
    expect(languageOfFilterValue(undefined)).toBeUndefined();
  });
});
