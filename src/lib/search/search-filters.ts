/**
 * The search page's filters as Pagefind takes them: a search state's topics, authors and year in the
 * index's values, and the language of a result from its filter value.
 */
import type { Lang } from '../../site.config';
import { languageFilterValues, type SearchFilterName } from './search-filter-names';
import type { SearchState } from './search-state';

/** Filter values the index holds, by filter, as Pagefind reports them (value → number of pages). */
export type FilterCounts = Partial<Record<string, Record<string, number>>>;

/** Filters in the form Pagefind's `search()` takes them: every listed value must match. */
export type PagefindFilters = Partial<Record<SearchFilterName, string | string[]>>;

/** Two-way lookup between index values and URL values for every filter (see search-filter-values.ts). */
export interface FilterValueMap {
  /** The index value a URL value stands for; an unknown URL value is returned unchanged, matching nothing. */
  toIndexValue(filter: SearchFilterName, urlValue: string): string;
  /** The URL value of an index value. */
  toUrlValue(filter: SearchFilterName, indexValue: string): string;
}

/**
 * The lookup to use before the index's values are known: every value stands for itself, which is
 * right for years; topics and authors need the index's names (see `needsFilterValues`).
 */
export const plainFilterValues: FilterValueMap = {
  toIndexValue: (_filter, urlValue) => urlValue,
  toUrlValue: (_filter, indexValue) => indexValue,
};

/**
 * The Pagefind filters for a search state: topics, authors and year. The language is not one of
 * them: each language has an index of its own, and a search reads only the indexes of the languages
 * it wants (src/lib/search/search-languages.ts), which also spares loading the language filter's data.
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
