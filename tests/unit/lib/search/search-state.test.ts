import { describe, expect, it } from 'vitest';
import {
  ALL_LANGUAGES,
  chooseSearchFilter,
  countSearchFilters,
  effectiveSort,
  formatSearchState,
  hasSearchFilters,
  isSearchActive,
  parseSearchState,
  type SearchState,
} from '../../../../src/lib/search/search-state';

// The state of a search page opened without parameters.
const emptySearchState: SearchState = {
  query: '',
  tag: [],
  author: [],
  year: undefined,
  language: undefined,
  sort: 'relevance',
};

describe('parseSearchState', () => {
  it('reads the query, filters and order of a shared link', () => {
    expect(parseSearchState('?q=korea&tag=rusia&sort=date')).toEqual({
      ...emptySearchState,
      query: 'korea',
      tag: ['rusia'],
      sort: 'date',
    });
  });

  it('reads repeated topics and authors and single year and language', () => {
    const state = parseSearchState('tag=rusia&tag=korea-utara&author=rina-hartono&year=2022&language=en');
    expect(state.tag).toEqual(['rusia', 'korea-utara']);
    expect(state.author).toEqual(['rina-hartono']);
    expect(state.year).toBe('2022');
    expect(state.language).toBe('en');
  });

  it('tidies what a reader typed into the header box', () => {
    expect(parseSearchState('?q=++korea+++utara+').query).toBe('korea utara');
  });

  it('ignores empty, repeated and unknown parameters and unknown orders', () => {
    const state = parseSearchState('?q=&tag=&tag=rusia&tag=rusia&year=&page=3&sort=oldest');
    expect(state).toEqual({ ...emptySearchState, tag: ['rusia'] });
  });
});

describe('formatSearchState', () => {
  it('writes the state back as the same link', () => {
    const link = '?q=korea&tag=rusia&sort=date';
    expect(formatSearchState(parseSearchState(link))).toBe(link);
  });

  it('writes parameters in one fixed order whatever order they came in', () => {
    expect(formatSearchState(parseSearchState('?sort=date&language=id&year=2023&author=a&tag=b&q=x'))).toBe(
      '?q=x&tag=b&author=a&year=2023&language=id&sort=date',
    );
  });

  it('leaves relevance, the default order, out of the link', () => {
    expect(formatSearchState({ ...emptySearchState, query: 'banjir', sort: 'relevance' })).toBe('?q=banjir');
  });

  it('writes nothing for an empty search and encodes what needs encoding', () => {
    expect(formatSearchState(emptySearchState)).toBe('');
    expect(formatSearchState({ ...emptySearchState, query: 'harga & "beras"' })).toBe('?q=harga+%26+%22beras%22');
  });
});

describe('isSearchActive and effectiveSort', () => {
  it('counts a search with only a filter as a search', () => {
    expect(isSearchActive(emptySearchState)).toBe(false);
    expect(isSearchActive({ ...emptySearchState, year: '2022' })).toBe(true);
    expect(isSearchActive({ ...emptySearchState, language: 'en' })).toBe(true);
    expect(isSearchActive({ ...emptySearchState, query: 'korea' })).toBe(true);
  });

  it('does not count every language as a filter', () => {
    expect(isSearchActive({ ...emptySearchState, language: ALL_LANGUAGES })).toBe(false);
    expect(hasSearchFilters({ ...emptySearchState, query: 'korea', language: ALL_LANGUAGES })).toBe(false);
    expect(hasSearchFilters({ ...emptySearchState, query: 'korea', language: 'id' })).toBe(true);
    expect(hasSearchFilters({ ...emptySearchState, tag: ['rusia'] })).toBe(true);
  });

  it('lists results newest first when there is no query to be relevant to', () => {
    expect(effectiveSort({ ...emptySearchState, tag: ['rusia'] })).toBe('date');
    expect(effectiveSort({ ...emptySearchState, query: 'korea' })).toBe('relevance');
    expect(effectiveSort({ ...emptySearchState, query: 'korea', sort: 'date' })).toBe('date');
  });
});

describe('the filters a reader chooses', () => {
  it('counts each topic and author, a year and one language, as the filter panel summary shows them', () => {
    expect(countSearchFilters(emptySearchState)).toBe(0);
    expect(countSearchFilters({ ...emptySearchState, language: ALL_LANGUAGES })).toBe(0);
    const busy = { ...emptySearchState, tag: ['rusia', 'korea-utara'], author: ['rina'], year: '2023', language: 'en' };
    expect(countSearchFilters(busy)).toBe(5);
  });

  it('adds and removes topics and authors, keeping the others in the order chosen', () => {
    const one = chooseSearchFilter(emptySearchState, 'tag', 'rusia', true);
    const two = chooseSearchFilter(one, 'tag', 'korea-utara', true);
    expect(two.tag).toEqual(['rusia', 'korea-utara']);
    expect(chooseSearchFilter(two, 'tag', 'rusia', false).tag).toEqual(['korea-utara']);
    expect(chooseSearchFilter(two, 'author', 'rina', true)).toEqual({ ...two, author: ['rina'] });
  });

  it('holds one year and one language, and clears them with the empty "any" choice', () => {
    const year = chooseSearchFilter(emptySearchState, 'year', '2022', true);
    expect(year.year).toBe('2022');
    expect(chooseSearchFilter(year, 'year', '2023', true).year).toBe('2023');
    expect(chooseSearchFilter(year, 'year', '', true).year).toBeUndefined();
    expect(chooseSearchFilter(emptySearchState, 'language', 'en', true).language).toBe('en');
    // A radio button reports only the choice that became checked; the one left changes nothing.
    expect(chooseSearchFilter(year, 'year', '2022', false)).toBe(year);
  });
});
