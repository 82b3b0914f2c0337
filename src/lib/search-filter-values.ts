/**
 * Translation between the filter values the search index stores (a topic's name, "English") and
 * the values the search page's URL carries (the topic's slug, `en`). Topic and author slugs are
 * derived from the names in the index with the same function that gives the archive its tag URLs,
 * so `?tag=korea-utara` means the topic whose page is `/tags/korea-utara/`. The search page loads
 * this module (and the slug function's transliteration tables) only with the index's filter values.
 */
import { languageFilterValues, type SearchFilterName } from './search-filter-names';
import type { FilterCounts, FilterValueMap } from './search-filters';
import { buildTermIndex } from './taxonomy';

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
