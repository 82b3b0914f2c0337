/**
 * The state of the search page as its URL carries it, so a search can be shared, bookmarked and
 * restored with back and forward: `/search/?q=korea&tag=rusia&sort=date`.
 *
 * `q` is the query; `tag` and `author` (repeatable) and `year` (one) are filters by the slug or year a
 * reader sees in the archive's own URLs; `language` is the language code (`id`, `en`) results are
 * in, or `all` for every language (the default: see src/lib/search/search-languages.ts); `sort=date` asks
 * for newest first instead of the default, relevance. Links of earlier versions with `period=all`
 * (the whole archive, which every search now reads) open the same search.
 */
import type { SearchFilterName } from './search-filter-names';

/** The orders results can be listed in. */
export type SearchSort = 'relevance' | 'date';

/** What the reader searched for. */
export interface SearchState {
  /** The query as typed, trimmed; empty when the reader only filters. */
  query: string;
  /** Slugs of topics every result must have. */
  tag: string[];
  /** Slugs of authors every result must have. */
  author: string[];
  /** The one year results are from, if chosen. */
  year: string | undefined;
  /** The one language code (`id`, `en`) results are in, `all` for every language, if chosen. */
  language: string | undefined;
  /** The order the reader chose. */
  sort: SearchSort;
}

/** The `language` value of a search in every language of the archive. */
export const ALL_LANGUAGES = 'all';

function cleanList(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}

function cleanOne(value: string | null): string | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}

/** Reads the search state from a URL's query string; unknown parameters and empty values are ignored. */
export function parseSearchState(params: URLSearchParams | string): SearchState {
  const search = typeof params === 'string' ? new URLSearchParams(params) : params;
  return {
    query: (search.get('q') ?? '').trim().replace(/\s+/g, ' '),
    tag: cleanList(search.getAll('tag')),
    author: cleanList(search.getAll('author')),
    year: cleanOne(search.get('year')),
    language: cleanOne(search.get('language')),
    sort: search.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

/**
 * Writes the search state as a query string with a leading `?` (or `''` for an empty search), in a
 * fixed parameter order so one search always has one URL.
 */
export function formatSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query !== '') params.set('q', state.query);
  for (const tag of state.tag) params.append('tag', tag);
  for (const author of state.author) params.append('author', author);
  if (state.year !== undefined) params.set('year', state.year);
  if (state.language !== undefined) params.set('language', state.language);
  if (state.sort === 'date') params.set('sort', 'date');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * How many filters narrow the archive: each chosen topic and author, a year, and one language (every
 * language, `language=all`, narrows nothing).
 */
export function countSearchFilters(state: SearchState): number {
  const oneLanguage = state.language !== undefined && state.language !== ALL_LANGUAGES;
  return state.tag.length + state.author.length + (state.year === undefined ? 0 : 1) + (oneLanguage ? 1 : 0);
}

/** Whether the state narrows the archive by topic, author, year or one language. */
export function hasSearchFilters(state: SearchState): boolean {
  return countSearchFilters(state) > 0;
}

/**
 * The state after a reader ticks or unticks a filter value: topics and authors are lists a value
 * joins or leaves; year and language hold one value, and the empty value ("any") clears them.
 */
export function chooseSearchFilter(
  state: SearchState,
  filter: SearchFilterName,
  value: string,
  checked: boolean,
): SearchState {
  if (filter === 'tag' || filter === 'author') {
    const others = state[filter].filter((chosen) => chosen !== value);
    return { ...state, [filter]: checked ? [...others, value] : others };
  }
  if (!checked) return state;
  return { ...state, [filter]: value === '' ? undefined : value };
}

/** Whether the reader has asked for anything: a query or at least one filter. */
export function isSearchActive(state: SearchState): boolean {
  return state.query !== '' || hasSearchFilters(state);
}

/**
 * The order results are actually listed in: without a query nothing is more relevant than anything
 * else, so filtered-only results are always newest first.
 */
export function effectiveSort(state: SearchState): SearchSort {
  return state.query === '' ? 'date' : state.sort;
}
