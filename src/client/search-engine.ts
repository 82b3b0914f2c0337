/**
 * The search page's connection to the build's Pagefind index: starts one worker per language and in
 * it one Pagefind instance per part of the index (src/lib/search/search-parts.ts; one part per language
 * unless the build splits them), each only once a search needs it. A search reads every part of the
 * languages it searches: the interface language's first, whose results the page shows at once,
 * then the others, merged into one ranking (src/lib/search/search-ranking.ts) or by date. Filter values
 * are counted when the reader asks for them (loading every filter's data costs more than a query;
 * see docs/search.md).
 */
import { mergeByKeyDescending, mergeByRank, type LazyMerge } from '../lib/search/lazy-merge';
import { languageFilterValues, type SearchFilterName } from '../lib/search/search-filter-names';
import {
  needsFilterValues,
  plainFilterValues,
  toPagefindFilters,
  type FilterCounts,
  type FilterValueMap,
  type PagefindFilters,
} from '../lib/search/search-filters';
import { languagesToSearch, orderLanguages } from '../lib/search/search-languages';
import { partsToRead, readIndexParts, type IndexPart, type PagefindEntryParts } from '../lib/search/search-parts';
import { holdsEveryWord, queryWords } from '../lib/search/search-ranking';
import { effectiveSort, isSearchActive, type SearchState } from '../lib/search/search-state';
import {
  createPagefindWorker,
  startPagefindInstance,
  type PagefindInstance,
  type PagefindLocation,
  type PagefindSearch,
  type PagefindWorker,
  type ResultData,
} from './pagefind-instance';

/** For each filter, how many results each value in the index gives. */
export type FilterCountsByName = Record<SearchFilterName, Record<string, number>>;

/** The answer to one search, or the first part of it. */
export interface SearchOutcome {
  /** Number of matching articles. */
  total: number;
  /** The languages whose articles were searched, or are being searched. */
  languages: readonly string[];
  /** Whether every part of those languages has answered; the first answer may be partial. */
  complete: boolean;
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
  /**
   * Runs the search a state describes and returns the complete answer. When the languages first
   * read have results and others remain, `first` receives that partial answer before the others are
   * read, and the search waits for it to finish (to show the first results before fetching more).
   */
  search(state: SearchState, first?: (outcome: SearchOutcome) => Promise<void>): Promise<SearchOutcome>;
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
  const entry = (await entryResponse.json()) as PagefindEntryParts;
  const parts = readIndexParts(entry);
  const languages = orderLanguages([...new Set(parts.map((part) => part.language))], interfaceLanguage);
  if (!languages.includes(interfaceLanguage)) early?.close();
  const partsOf = (language: string) =>
    parts.filter((part) => part.language === language).sort((a, b) => a.from.localeCompare(b.from));

  // One worker per language, whose parts share its WebAssembly (fetched once, by the build's
  // wrapper of Pagefind's worker). The first part a worker starts compiles it, and the language's
  // other parts start after that one: two starting at once would each compile it, and the second
  // would replace the first's under it.
  const workers = new Map<string, PagefindWorker | undefined>();
  const workerOf = (language: string): PagefindWorker | undefined => {
    if (!workers.has(language)) {
      const worker = language === interfaceLanguage ? early : undefined;
      workers.set(language, worker ?? (typeof Worker === 'function' ? createPagefindWorker(location) : undefined));
    }
    return workers.get(language);
  };
  const firstStarted = new Map<string, Promise<unknown>>();
  const instances = new Map<string, Promise<PagefindInstance>>();
  const instance = (part: IndexPart): Promise<PagefindInstance> => {
    let started = instances.get(part.key);
    if (!started) {
      const first = firstStarted.get(part.language);
      const start = () => startPagefindInstance(location, part.key, workerOf(part.language));
      started = first ? first.then(start, start) : start();
      if (!first)
        firstStarted.set(
          part.language,
          started.catch(() => undefined),
        );
      instances.set(part.key, started);
      // A failed start (a network error) is tried again by the next search.
      started.catch(() => {
        instances.delete(part.key);
        if (!first) firstStarted.delete(part.language);
      });
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
      import('../lib/search/search-filter-values'),
      ...parts.map(async (part) => (await instance(part)).filters()),
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

  /** Searches every part of `searched` that can hold the year chosen. */
  const run = (
    searched: readonly string[],
    term: string | null,
    filters: PagefindFilters,
    byDate: boolean,
    year: string | undefined,
  ): Promise<Answer[]> => {
    const sort: Partial<Record<string, 'asc' | 'desc'>> = byDate ? { date: 'desc' } : {};
    return Promise.all(
      searched.flatMap((language) =>
        partsToRead(partsOf(language), year).map(async (part) => ({
          language,
          search: await (await instance(part)).search(term, { filters, sort }),
        })),
      ),
    );
  };

  const countOf = (answers: readonly Answer[]) =>
    answers.reduce((sum, answer) => sum + answer.search.results.length, 0);
  const termOf = (state: SearchState) => (state.query === '' ? null : state.query);

  /** The results of `answers` in one list: newest first, or in one ranking of relevance. */
  const merge = (answers: readonly Answer[], byDate: boolean, words: readonly string[]): LazyMerge<ResultData> => {
    if (byDate) {
      // Each part's results are sorted by Pagefind; the lists are merged by date.
      const lists = answers.map((answer) => answer.search.results.map((result) => () => result.data()));
      return mergeByKeyDescending(lists, (data) => data.meta['published'] ?? '');
    }
    const lists = answers.map((answer) =>
      answer.search.results.map((result) => ({ score: result.score, load: () => result.data() })),
    );
    return mergeByRank(lists, (data) => holdsEveryWord(`${data.meta['title'] ?? ''} ${data.content ?? ''}`, words));
  };

  return {
    languages,
    get values() {
      return values;
    },

    prepare() {
      for (const part of partsOf(languages[0] ?? '')) instance(part).catch(() => undefined);
    },

    async search(state, first) {
      if (needsFilterValues(state)) await loadFilters();
      const term = termOf(state);
      const byDate = effectiveSort(state) === 'date';
      const filters = toPagefindFilters(state, values ?? plainFilterValues);
      const words = queryWords(state.query);
      const searched = languagesToSearch(state, languages);
      const outcome = (answers: readonly Answer[], complete: boolean): SearchOutcome => ({
        total: countOf(answers),
        languages: searched,
        complete,
        results: merge(answers, byDate, words),
      });
      // The first language's parts answer first; the page shows their results while the other
      // languages are read, so a reader of one language waits for no other.
      const [lead, ...others] = searched;
      const firstAnswers = lead === undefined ? [] : await run([lead], term, filters, byDate, state.year);
      if (others.length === 0) return outcome(firstAnswers, true);
      if (first && countOf(firstAnswers) > 0) await first(outcome(firstAnswers, false));
      const otherAnswers = await run(others, term, filters, byDate, state.year);
      return outcome([...firstAnswers, ...otherAnswers], true);
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
        run(searched, term, filters, false, state.year),
        state.year === undefined
          ? Promise.resolve([])
          : run(searched, term, toPagefindFilters(state, map, 'year'), false, undefined),
        run(
          languages.filter((language) => !searched.includes(language)),
          term,
          filters,
          false,
          state.year,
        ),
      ]);
      const matched = sumCounts(answers.map((answer) => answer.search.filters));
      const year =
        (state.year === undefined ? matched : sumCounts(withoutYear.map((answer) => answer.search.filters)))['year'] ??
        {};
      const language: Record<string, number> = {};
      for (const answer of [...answers, ...others]) {
        const value = languageFilterValues[answer.language as keyof typeof languageFilterValues] ?? answer.language;
        language[value] = (language[value] ?? 0) + answer.search.results.length;
      }
      return { tag: matched['tag'] ?? {}, author: matched['author'] ?? {}, year, language };
    },
  };
}
