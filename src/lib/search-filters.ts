/**
 * Translation between the filter values the search index stores (a topic's name, "English") and
 * the values the search page's URL carries (the topic's slug, `en`). Topic and author slugs are
 * derived from the names in the index with the same function that gives the archive its tag URLs,
 * so `?tag=korea-utara` means the topic whose page is `/tags/korea-utara/`.
 */
import type { Lang } from '../site.config';
import { languageFilterValues, type SearchFilterName } from './search-facets';
import type { SearchState } from './search-state';
import { buildTermIndex } from './taxonomy';

/** Filter values the index holds, by filter, as Pagefind reports them (value → number of pages). */
export type FilterCounts = Partial<Record<string, Record<string, number>>>;

/** Filters in the form Pagefind's `search()` takes them: every listed value must match. */
export type PagefindFilters = Partial<Record<SearchFilterName, string | string[]>>;

/** Two-way lookup between index values and URL values for every filter. */
export interface FilterValueMap {
  /** The index value a URL value stands for; an unknown URL value is returned unchanged, matching nothing. */
  toIndexValue(filter: SearchFilterName, urlValue: string): string;
  /** The URL value of an index value. */
  toUrlValue(filter: SearchFilterName, indexValue: string): string;
}

function termSlugs(names: readonly string[], fallback: string): Map<string, string> {
  const bySlug = new Map<string, string>();
  for (const entry of buildTermIndex(names, (name) => [name], fallback).values()) {
    bySlug.set(entry.slug, entry.name);
  }
  return bySlug;
}

function invert(map: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...map].map(([key, value]) => [value, key]));
}

/** Builds the lookup from every value the index holds (as `pagefind.filters()` returns them). */
export function buildFilterValueMap(available: FilterCounts): FilterValueMap {
  const namesOf = (filter: SearchFilterName) => Object.keys(available[filter] ?? {});
  const indexByUrl: Record<SearchFilterName, Map<string, string>> = {
    tag: termSlugs(namesOf('tag'), 'tag'),
    author: termSlugs(namesOf('author'), 'author'),
    year: new Map(namesOf('year').map((year) => [year, year])),
    language: new Map(Object.entries(languageFilterValues)),
  };
  const urlByIndex = Object.fromEntries(
    Object.entries(indexByUrl).map(([filter, map]) => [filter, invert(map)]),
  ) as Record<SearchFilterName, Map<string, string>>;
  return {
    toIndexValue: (filter, urlValue) => indexByUrl[filter].get(urlValue) ?? urlValue,
    toUrlValue: (filter, indexValue) => urlByIndex[filter].get(indexValue) ?? indexValue,
  };
}

/**
 * The Pagefind filters for a search state: topics, authors and year. The language is not one of
 * them: each language has an index of its own, and a search reads only the indexes of the languages
 * it wants (src/lib/search-languages.ts), which also spares loading the language filter's data.
 * `omit` leaves one filter out, to count what each of its values would give in place of the
 * reader's current choice.
 */
export function toPagefindFilters(
  state: SearchState,
  values: FilterValueMap,
  omit?: Exclude<SearchFilterName, 'language'>,
): PagefindFilters {
  const filters: PagefindFilters = {};
  for (const filter of ['tag', 'author'] as const) {
    if (filter !== omit && state[filter].length > 0) {
      filters[filter] = state[filter].map((slug) => values.toIndexValue(filter, slug));
    }
  }
  if (omit !== 'year' && state.year !== undefined) filters.year = values.toIndexValue('year', state.year);
  return filters;
}

/** Whether a state's filters can be given to Pagefind only once the index's filter values are known. */
export function needsFilterValues(state: SearchState): boolean {
  // Topic and author slugs stand for names that only the index holds; years are the same in both.
  return state.tag.length > 0 || state.author.length > 0;
}

/** The language code of a `language` filter value, for the `lang` attribute of a result. */
export function languageOfFilterValue(value: string | undefined): Lang | undefined {
  const entry = Object.entries(languageFilterValues).find(([, name]) => name === value);
  return entry?.[0] as Lang | undefined;
}
