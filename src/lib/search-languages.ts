/**
 * Which languages of the search index a search reads. Pagefind searches one language per instance,
 * each with its own WebAssembly stemmer and page list (together about 100 kB per language on a
 * 10,000-article archive), so the search page reads the interface language first and the others
 * only when the reader asks for them (`language=all`, or one other language), or when the interface
 * language has no match at all.
 */
import { ALL_LANGUAGES, type SearchState } from './search-state';

/** The languages of the index, the interface language first, the others in their index order. */
export function orderLanguages(available: readonly string[], interfaceLanguage: string): string[] {
  return [...available].sort((a, b) => Number(b === interfaceLanguage) - Number(a === interfaceLanguage));
}

/**
 * The languages a search reads first: the one chosen, every one for `all`, none for a code the
 * index does not have, and without a choice the interface language (or every language, when the
 * index has none in the interface language).
 */
export function languagesToSearch(
  state: Pick<SearchState, 'language'>,
  available: readonly string[],
  interfaceLanguage: string,
): string[] {
  const { language } = state;
  if (language === ALL_LANGUAGES) return [...available];
  if (language !== undefined) return available.includes(language) ? [language] : [];
  return available.includes(interfaceLanguage) ? [interfaceLanguage] : [...available];
}

/**
 * The languages a search reads next when those of `languagesToSearch` found nothing: without a
 * choice of language, the rest of the archive, so a word found only in other languages' articles
 * still finds them; after a choice, none.
 */
export function fallbackLanguages(
  state: Pick<SearchState, 'language'>,
  available: readonly string[],
  interfaceLanguage: string,
): string[] {
  if (state.language !== undefined) return [];
  const first = languagesToSearch(state, available, interfaceLanguage);
  return available.filter((language) => !first.includes(language));
}

/**
 * The choice the language filter shows for a search that read `searched`: the one language, or
 * `all` when it read every language of the index.
 */
export function shownLanguageChoice(searched: readonly string[], available: readonly string[]): string | undefined {
  if (available.length > 1 && available.every((language) => searched.includes(language))) return ALL_LANGUAGES;
  return searched.length === 1 ? searched[0] : undefined;
}
