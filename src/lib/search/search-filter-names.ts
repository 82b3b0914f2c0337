/**
 * The filters of the search index and their values that the index, the search page's URL and its
 * interface share. Kept apart from the build-time code that fills the index (search-facets.ts), so
 * the search page's script does not carry the date library.
 */
import type { Lang } from '../../site.config';

/** The filters of the search index, by the name used both in the index and in the search page's URL. */
export const searchFilterNames = ['tag', 'author', 'year', 'language'] as const;

/** A filter of the search index. */
export type SearchFilterName = (typeof searchFilterNames)[number];

/**
 * The value of the `language` filter for each article language: the language's own name, so a
 * reader recognises it whatever the interface language.
 */
export const languageFilterValues: Readonly<Record<Lang, string>> = {
  id: 'Bahasa Indonesia',
  en: 'English',
};
