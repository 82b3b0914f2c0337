/**
 * The search page's connection to the build's Pagefind index: starts one Pagefind instance per
 * language, each in its own worker and only once a search needs it, answers a search state with the
 * results in the order the reader chose, and counts the filter values when the reader asks for them
 * (loading every filter's data costs more than a query; see README, Search).
 */
import { mergeByKeyDescending, type LazyMerge } from '../lib/lazy-merge';
import { languageFilterValues, type SearchFilterName } from '../lib/search-filter-names';
import {
  needsFilterValues,
  plainFilterValues,
  toPagefindFilters,
  type FilterCounts,
  type FilterValueMap,
  type PagefindFilters,
} from '../lib/search-filters';
import { fallbackLanguages, languagesToSearch, orderLanguages } from '../lib/search-languages';
import { effectiveSort, isSearchActive, type SearchState } from '../lib/search-state';
import {
  createPagefindWorker,
  startPagefindInstance,
  type PagefindInstance,
  type PagefindLocation,
  type PagefindResult,
  type PagefindSearch,
  type ResultData,
} from './pagefind-instance';

// The part of pagefind-entry.json, written next to the index, that lists its languages.
interface PagefindEntry {
  languages: Record<string, unknown>;
}

/** For each filter, how many results each value in the index gives. */
export type FilterCountsByName = Record<SearchFilterName, Record<string, number>>;

/** The answer to one search. */
export interface SearchOutcome {
  /** Number of matching articles. */
  total: number;
  /** The languages whose articles were searched. */
  languages: readonly string[];
  /**
   * Whether the search, given no language, found nothing in the interface language and so read
   * every language.
   */
  widened: boolean;
  /** The results in the chosen order, loaded a page at a time. */
  results: LazyMerge<ResultData>;
}

/** A search index, opened. */
export interface SearchEngine {
  /** The languages of the index, the interface language first. */
  readonly languages: readonly string[];
  /** The lookup between filter values in the index and in the URL, once filters are loaded. */
  readonly values: FilterValueMap | undefined;
  /** Starts, in the background, the languages a search without a choice of language reads first. */
  prepare(): void;
  /** Runs the search a state describes. */
  search(state: SearchState): Promise<SearchOutcome>;
  /**
   * Counts, for each filter, what each of its values would give the search a state describes,
   * within the languages an outcome searched (for the language filter: in every language). The
   * first call loads every filter's data, in every language.
   */
  countFilters(state: SearchState, searched: readonly string[]): Promise<FilterCountsByName>;
}

function sumCounts(all: readonly FilterCounts[]): FilterCounts {
  const sum: Record<string, Record<string, number>> = {};
  for (const counts of all) {
    for (const [filter, values] of Object.entries(counts)) {
      const total = (sum[filter] ??= {});
      for (const [value, count] of Object.entries(values ?? {})) total[value] = (total[value] ?? 0) + count;
    }
  }
  return sum;
}

function byName(counts: FilterCounts): FilterCountsByName {
  return {
    tag: counts['tag'] ?? {},
    author: counts['author'] ?? {},
    year: counts['year'] ?? {},
    language: counts['language'] ?? {},
  };
}

/**
 * Opens the Pagefind index at `bundleUrl` (the folder of `pagefind.js`), with result URLs under
 * `baseUrl`. Nothing but the list of languages is loaded until the first search, which starts only
 * the languages it reads. Rejects when there is no index there.
 */
export async function openSearchEngine(
  bundleUrl: string,
  baseUrl: string,
  interfaceLanguage: string,
): Promise<SearchEngine> {
  const location: PagefindLocation = { bundle: new URL(bundleUrl, document.baseURI).href, baseUrl };
  // The interface language's worker loads its script while the list of languages arrives.
  const early = typeof Worker === 'function' ? createPagefindWorker(location) : undefined;
  // Revalidated like Pagefind's own request for it, so a new deploy's languages are seen at once.
  const entryResponse = await fetch(new URL('pagefind-entry.json', location.bundle), { cache: 'no-cache' }).catch(
    (error: unknown) => {
      early?.close();
      throw error;
    },
  );
  if (!entryResponse.ok) {
    early?.close();
    throw new Error(`no search index at ${location.bundle} (${entryResponse.status})`);
  }
  const entry = (await entryResponse.json()) as PagefindEntry;
  const languages = orderLanguages(Object.keys(entry.languages), interfaceLanguage);
  if (!languages.includes(interfaceLanguage)) early?.close();

  const instances = new Map<string, Promise<PagefindInstance>>();
  const instance = (language: string): Promise<PagefindInstance> => {
    let started = instances.get(language);
    if (!started) {
      const worker = language === interfaceLanguage ? early : undefined;
      started = startPagefindInstance(location, language, worker);
      instances.set(language, started);
      // A failed start (a network error) is tried again by the next search.
      started.catch(() => instances.delete(language));
    }
    return started;
  };

  let values: FilterValueMap | undefined;
  let allFilters: FilterCounts = {};
  let filtersLoaded: Promise<void> | undefined;
  // Every filter value of every language: the names topic and author slugs stand for, and counts.
  const loadFilters = (): Promise<void> => {
    filtersLoaded ??= Promise.all([
      // The slug function's transliteration tables come only with the filters, not with the page.
      import('../lib/search-filter-values'),
      ...languages.map(async (language) => (await instance(language)).filters()),
    ] as const).then(
      ([{ buildFilterValueMap }, ...all]) => {
        allFilters = sumCounts(all);
        values = buildFilterValueMap(allFilters);
      },
      (error: unknown) => {
        filtersLoaded = undefined;
        throw error;
      },
    );
    return filtersLoaded;
  };

  interface Answer {
    language: string;
    search: PagefindSearch;
  }

  async function run(
    searched: readonly string[],
    term: string | null,
    filters: PagefindFilters,
    byDate: boolean,
  ): Promise<Answer[]> {
    const sort: Partial<Record<string, 'asc' | 'desc'>> = byDate ? { date: 'desc' } : {};
    return Promise.all(
      searched.map(async (language) => ({
        language,
        search: await (await instance(language)).search(term, { filters, sort }),
      })),
    );
  }

  const countOf = (answers: readonly Answer[]) =>
    answers.reduce((sum, answer) => sum + answer.search.results.length, 0);
  const termOf = (state: SearchState) => (state.query === '' ? null : state.query);

  return {
    languages,
    get values() {
      return values;
    },

    prepare() {
      for (const language of languagesToSearch({ language: undefined }, languages, interfaceLanguage)) {
        instance(language).catch(() => undefined);
      }
    },

    async search(state) {
      if (needsFilterValues(state)) await loadFilters();
      const term = termOf(state);
      const byDate = effectiveSort(state) === 'date';
      const filters = toPagefindFilters(state, values ?? plainFilterValues);
      let searched = languagesToSearch(state, languages, interfaceLanguage);
      let answers = await run(searched, term, filters, byDate);
      const fallback = fallbackLanguages(state, languages, interfaceLanguage);
      const widened = countOf(answers) === 0 && fallback.length > 0;
      if (widened) {
        searched = [...searched, ...fallback];
        answers = [...answers, ...(await run(fallback, term, filters, byDate))];
      }

      const loaders = (results: readonly PagefindResult[]) => results.map((result) => () => result.data());
      // Newest first: each language's index is sorted by Pagefind, and the lists are merged by date.
      // Most relevant first: scores of all languages in one ranking, as Pagefind ranks merged indexes.
      const lists = byDate
        ? answers.map((answer) => loaders(answer.search.results))
        : [loaders(answers.flatMap((answer) => answer.search.results).sort((a, b) => b.score - a.score))];
      return {
        total: countOf(answers),
        languages: searched,
        widened,
        results: mergeByKeyDescending(lists, (data) => data.meta['published'] ?? ''),
      };
    },

    async countFilters(state, searched) {
      await loadFilters();
      if (!isSearchActive(state)) return byName(allFilters);
      const term = termOf(state);
      const map = values ?? plainFilterValues;
      const filters = toPagefindFilters(state, map);
      // A single-choice filter (year, language) counts what each value would give instead of the
      // one chosen, so the reader can switch directly: years without the year chosen, and each
      // language, including those the results are not in, with the other filters.
      const [answers, withoutYear, others] = await Promise.all([
        run(searched, term, filters, false),
        state.year === undefined ? [] : run(searched, term, toPagefindFilters(state, map, 'year'), false),
        run(
          languages.filter((language) => !searched.includes(language)),
          term,
          filters,
          false,
        ),
      ]);
      const matched = sumCounts(answers.map((answer) => answer.search.filters));
      const year =
        (state.year === undefined ? matched : sumCounts(withoutYear.map((answer) => answer.search.filters)))['year'] ??
        {};
      const language: Record<string, number> = {};
      for (const answer of [...answers, ...others]) {
        const value = languageFilterValues[answer.language as keyof typeof languageFilterValues] ?? answer.language;
        language[value] = answer.search.results.length;
      }
      return { tag: matched['tag'] ?? {}, author: matched['author'] ?? {}, year, language };
    },
  };
}
