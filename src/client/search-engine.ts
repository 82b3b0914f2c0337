/**
 * The search page's connection to the build's Pagefind index: starts one worker per language and in
 * it one Pagefind instance per part of the index (src/lib/search-parts.ts), each only once a search
 * needs it, answers a search state with the results in the order the reader chose, and counts the
 * filter values when the reader asks for them (loading every filter's data costs more than a query;
 * see README, Search).
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
import {
  ALL_PERIODS,
  describePeriods,
  partsToRead,
  readIndexParts,
  RECENT_PAGES,
  type IndexPart,
  type PagefindEntryParts,
} from '../lib/search-parts';
import { effectiveSort, isSearchActive, type SearchState } from '../lib/search-state';
import {
  createPagefindWorker,
  startPagefindInstance,
  type PagefindInstance,
  type PagefindLocation,
  type PagefindResult,
  type PagefindSearch,
  type PagefindWorker,
  type ResultData,
} from './pagefind-instance';

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
  /** `all` when the search read the whole archive, older parts included (asked for, or for want of a match). */
  period: string | undefined;
  /** Whether the search read older parts only because the newest had no match. */
  periodWidened: boolean;
  /**
   * When older parts of the languages searched were left unread: the first year read and the years
   * of the older articles, for the page to offer them.
   */
  older: { since: string; from: string; to: string } | undefined;
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
  countFilters(
    state: SearchState,
    searched: readonly string[],
    period?: string | undefined,
  ): Promise<FilterCountsByName>;
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
  const budget = entry.warta_recent_pages ?? RECENT_PAGES;
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
      import('../lib/search-filter-values'),
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

  interface Run {
    answers: Answer[];
    read: IndexPart[];
    older: IndexPart[];
  }

  async function run(
    searched: readonly string[],
    term: string | null,
    filters: PagefindFilters,
    byDate: boolean,
    scope: { year: string | undefined; period: string | undefined },
  ): Promise<Run> {
    const sort: Partial<Record<string, 'asc' | 'desc'>> = byDate ? { date: 'desc' } : {};
    const plans = searched.map((language) => ({ language, ...partsToRead(partsOf(language), scope, budget) }));
    const answers = await Promise.all(
      plans.flatMap(({ language, read }) =>
        read.map(async (part) => ({ language, search: await (await instance(part)).search(term, { filters, sort }) })),
      ),
    );
    return { answers, read: plans.flatMap((plan) => plan.read), older: plans.flatMap((plan) => plan.older) };
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
        const { read } = partsToRead(partsOf(language), { year: undefined, period: undefined }, budget);
        for (const part of read) instance(part).catch(() => undefined);
      }
    },

    async search(state) {
      if (needsFilterValues(state)) await loadFilters();
      const term = termOf(state);
      const byDate = effectiveSort(state) === 'date';
      const filters = toPagefindFilters(state, values ?? plainFilterValues);
      let searched = languagesToSearch(state, languages, interfaceLanguage);
      let period = state.period;
      let ran = await run(searched, term, filters, byDate, state);
      // Nothing in the newest parts: the older articles of the same languages, then every language.
      const periodWidened = countOf(ran.answers) === 0 && ran.older.length > 0;
      if (periodWidened) {
        period = ALL_PERIODS;
        ran = await run(searched, term, filters, byDate, { ...state, period });
      }
      const fallback = fallbackLanguages(state, languages, interfaceLanguage);
      const widened = countOf(ran.answers) === 0 && fallback.length > 0;
      if (widened) {
        searched = [...searched, ...fallback];
        const more = await run(fallback, term, filters, byDate, { ...state, period });
        ran = { answers: [...ran.answers, ...more.answers], read: [...ran.read, ...more.read], older: more.older };
      }
      const { answers } = ran;
      const periods = describePeriods(ran.read, ran.older);

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
        period,
        periodWidened,
        older:
          ran.older.length > 0 ? { since: periods.since, from: periods.olderFrom, to: periods.olderTo } : undefined,
        results: mergeByKeyDescending(lists, (data) => data.meta['published'] ?? ''),
      };
    },

    async countFilters(state, searched, period = state.period) {
      await loadFilters();
      if (!isSearchActive(state)) return byName(allFilters);
      const term = termOf(state);
      const map = values ?? plainFilterValues;
      const filters = toPagefindFilters(state, map);
      // A single-choice filter (year, language) counts what each value would give instead of the
      // one chosen, so the reader can switch directly: years without the year chosen, and each
      // language, including those the results are not in, with the other filters.
      const scope = { year: state.year, period };
      const [answers, withoutYear, others] = (
        await Promise.all([
          run(searched, term, filters, false, scope),
          state.year === undefined
            ? undefined
            : run(searched, term, toPagefindFilters(state, map, 'year'), false, {
                year: undefined,
                period: ALL_PERIODS,
              }),
          run(
            languages.filter((language) => !searched.includes(language)),
            term,
            filters,
            false,
            scope,
          ),
        ])
      ).map((ran) => ran?.answers ?? []) as [Answer[], Answer[], Answer[]];
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
