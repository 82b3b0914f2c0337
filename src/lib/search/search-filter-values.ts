/**
 * Translation between the filter values the search index stores (a topic's name, "English") and
 * the values the search page's URL carries (the topic's slug, `en`). Topic and author slugs come
 * from the names in the index through the routes module's slug table, the one that gives the
 * archive its tag and author URLs, so `?tag=korea-utara` means the topic whose page is
 * `/tags/korea-utara/`. The search page loads
 * this module (and the slug function's transliteration tables) only with the index's filter values.
 */
import { languageFilterValues, type SearchFilterName } from './search-filter-names';
import type { FilterCounts, FilterValueMap } from './search-filters';
import { buildTermSlugTable, type TermKind } from '../core/routes';

function termSlugs(kind: TermKind, names: readonly string[]): Map<string, string> {
  const bySlug = new Map<string, string>();
  for (const entry of buildTermSlugTable(kind, names, (name) => [name]).values()) {
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
    tag: termSlugs('tags', namesOf('tag')),
    author: termSlugs('authors', namesOf('author')),
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
