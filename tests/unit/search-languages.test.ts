import { describe, expect, it } from 'vitest';
import * as searchLanguages from '../../src/lib/search-languages';
import {
  fallbackLanguages,
  languagesToSearch,
  orderLanguages,
  shownLanguageChoice,
} from '../../src/lib/search-languages';
import { parseSearchState } from '../../src/lib/search-state';

const available = ['en', 'id'];
const plan = (query: string) => {
  const state = parseSearchState(query);
  return { first: languagesToSearch(state, available, 'id'), then: fallbackLanguages(state, available, 'id') };
};

describe('search-languages', () => {
  it('exports the language plan of a search', () => {
    expect(Object.keys(searchLanguages).sort()).toEqual([
      'fallbackLanguages',
      'languagesToSearch',
      'orderLanguages',
      'shownLanguageChoice',
    ]);
  });
});

describe('languagesToSearch and fallbackLanguages', () => {
  it('reads the interface language first, and the others only if it finds nothing', () => {
    expect(plan('?q=korea')).toEqual({ first: ['id'], then: ['en'] });
  });

  it('reads every language when the reader asks for all of them', () => {
    expect(plan('?q=korea&language=all')).toEqual({ first: ['en', 'id'], then: [] });
  });

  it('reads only the language the reader chose, even when it finds nothing', () => {
    expect(plan('?q=korea&language=en')).toEqual({ first: ['en'], then: [] });
    expect(plan('?q=korea&language=id')).toEqual({ first: ['id'], then: [] });
  });

  it('reads nothing for a language the index does not have', () => {
    expect(plan('?q=korea&language=fr')).toEqual({ first: [], then: [] });
  });

  it('reads every language of an index that has none in the interface language', () => {
    expect(languagesToSearch(parseSearchState('?q=x'), ['en'], 'id')).toEqual(['en']);
    expect(fallbackLanguages(parseSearchState('?q=x'), ['en'], 'id')).toEqual([]);
    expect(languagesToSearch(parseSearchState('?q=x'), [], 'id')).toEqual([]);
  });
});

describe('orderLanguages', () => {
  it('puts the interface language first and keeps the others in order', () => {
    expect(orderLanguages(['en', 'fr', 'id'], 'id')).toEqual(['id', 'en', 'fr']);
    expect(orderLanguages(['en', 'fr'], 'id')).toEqual(['en', 'fr']);
  });
});

describe('shownLanguageChoice', () => {
  it('shows the one language searched, or all when every language was', () => {
    expect(shownLanguageChoice(['id'], available)).toBe('id');
    expect(shownLanguageChoice(['id', 'en'], available)).toBe('all');
    expect(shownLanguageChoice(['id'], ['id'])).toBe('id');
    expect(shownLanguageChoice([], available)).toBeUndefined();
  });
});
