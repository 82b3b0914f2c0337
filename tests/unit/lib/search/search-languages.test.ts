import { describe, expect, it } from 'vitest';
import * as searchLanguages from '../../../../src/lib/search/search-languages';
import { languagesToSearch, orderLanguages, shownLanguageChoice } from '../../../../src/lib/search/search-languages';
import { parseSearchState } from '../../../../src/lib/search/search-state';

// As the engine orders them on the Indonesian page: the interface language first.
const available = ['id', 'en'];
const plan = (query: string) => languagesToSearch(parseSearchState(query), available);

describe('search-languages', () => {
  it('exports the language plan of a search', () => {
    expect(Object.keys(searchLanguages).sort()).toEqual(['languagesToSearch', 'orderLanguages', 'shownLanguageChoice']);
  });
});

describe('languagesToSearch', () => {
  it('reads every language without a choice, the interface language first', () => {
    expect(plan('?q=korea')).toEqual(['id', 'en']);
    expect(plan('?q=korea&language=all')).toEqual(['id', 'en']);
  });

  it('reads only the language the reader chose', () => {
    expect(plan('?q=korea&language=en')).toEqual(['en']);
    expect(plan('?q=korea&language=id')).toEqual(['id']);
  });

  it('reads nothing for a language the index does not have', () => {
    expect(plan('?q=korea&language=fr')).toEqual([]);
    expect(languagesToSearch(parseSearchState('?q=x'), [])).toEqual([]);
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
