/**
 * Which languages of the search index a search reads. Pagefind searches one language per index,
 * each with its own stemmer. Without a choice a search reads every language, the interface
 * language first (its results show while the others are read), and merges them into one ranking
 * (src/lib/search/search-ranking.ts): an English word typed on the Indonesian page finds the English
 * article. A reader can narrow to one language with the language filter.
 */
import { ALL_LANGUAGES, type SearchState } from './search-state';

/** The languages of the index, the interface language first, the others in their index order. */
export function orderLanguages(available: readonly string[], interfaceLanguage: string): string[] {
  return [...available].sort((a, b) => Number(b === interfaceLanguage) - Number(a === interfaceLanguage));
}

/**
 * The languages a search reads, in the order it reads them: the one chosen (none for a code the
 * index does not have), or every language, `available` being ordered interface language first.
 */
export function languagesToSearch(state: Pick<SearchState, 'language'>, available: readonly string[]): string[] {
  const { language } = state;
  if (language === undefined || language === ALL_LANGUAGES) return [...available];
  return available.includes(language) ? [language] : [];
}

/**
 * The choice the language filter shows for a search that read `searched`: the one language, or
 * `all` when it read every language of the index.
 */
export function shownLanguageChoice(searched: readonly string[], available: readonly string[]): string | undefined {
  if (available.length > 1 && available.every((language) => searched.includes(language))) return ALL_LANGUAGES;
  return searched.length === 1 ? searched[0] : undefined;
}
