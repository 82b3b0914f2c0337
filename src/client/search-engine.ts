/**
 * The search page's connection to Pagefind: loads the browser script of the build's index, makes
 * every language of the archive searchable from one page, and answers a search state with the
 * number of results, the filter counts and the results themselves, in the order the reader chose.
 */
import { mergeByKeyDescending, type LazyMerge } from '../lib/lazy-merge';
import type { SearchFilterName } from '../lib/search-facets';
import {
  buildFilterValueMap,
  toPagefindFilters,
  type FilterCounts,
  type FilterValueMap,
  type PagefindFilters,
} from '../lib/search-filters';
import { effectiveSort, type SearchState } from '../lib/search-state';

/** What Pagefind returns for one result once its fragment is loaded. */
export interface ResultData {
  /** Address of the article, with the site's base path. */
  url: string;
  /** A passage around the matched words, as HTML with the matches in `<mark>`. */
  excerpt: string;
  /** Metadata recorded at build time: `title`, `date`, `published`, `summary`, `image`, `image_alt`. */
  meta: Partial<Record<string, string>>;
  /** Filter values of the article. */
  filters: Partial<Record<string, string[]>>;
}

// The part of Pagefind's browser API (pagefind.js, written next to the index) that this page uses.
interface PagefindModule {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(
    term: string | null,
    options: { filters?: PagefindFilters; sort?: Partial<Record<string, 'asc' | 'desc'>> },
  ): Promise<PagefindSearch>;
}

interface PagefindResult {
  score: number;
  data(): Promise<ResultData>;
}

interface PagefindSearch {
  results: PagefindResult[];
  filters: FilterCounts;
}

interface PagefindEntry {
  languages: Record<string, unknown>;
}

/** The answer to one search. */
export interface SearchOutcome {
  /** Number of matching articles. */
  total: number;
  /** For each filter, how many results each value would give (value → count), as the reader would narrow. */
  counts: Record<SearchFilterName, Record<string, number>>;
  /** The results in the chosen order, loaded a page at a time. */
  results: LazyMerge<ResultData>;
}

/** A loaded search index. */
export interface SearchEngine {
  /** Every filter value in the index with its number of articles. */
  allFilters: FilterCounts;
  /** The lookup between filter values in the index and in the URL. */
  values: FilterValueMap;
  /** Runs the search a state describes. */
  search(state: SearchState): Promise<SearchOutcome>;
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

/**
 * Starts Pagefind on the index of one language. Pagefind searches the index, and stems the query,
 * of the language in `<html lang>` when it starts, and one copy of its script serves one language:
 * so each language gets its own copy (a distinct module URL, hence its own worker and WebAssembly
 * stemmer), started while `<html lang>` names that language. The attribute is restored before
 * anything is drawn.
 */
async function startPagefind(bundle: string, language: string, baseUrl: string): Promise<PagefindModule> {
  const script = new URL('pagefind.js', bundle);
  script.searchParams.set('language', language);
  const pagefind = (await import(/* @vite-ignore */ script.href)) as PagefindModule;
  await pagefind.options({ baseUrl, excerptLength: 24 });
  const root = document.documentElement;
  const pageLanguage = root.lang;
  root.lang = language;
  // Pagefind reads the language synchronously at the start of init().
  const started = pagefind.init();
  root.lang = pageLanguage;
  await started;
  return pagefind;
}

/**
 * Loads the Pagefind index at `bundleUrl` (the folder of `pagefind.js`), with result URLs under
 * `baseUrl`, and searches every language in it at once. Rejects when there is no index there.
 */
export async function loadSearchEngine(bundleUrl: string, baseUrl: string): Promise<SearchEngine> {
  const bundle = new URL(bundleUrl, document.baseURI).href;
  // Revalidated like Pagefind's own request for it, so a new deploy's languages are seen at once.
  const entryResponse = await fetch(new URL('pagefind-entry.json', bundle), { cache: 'no-cache' });
  if (!entryResponse.ok) throw new Error(`no search index at ${bundle} (${entryResponse.status})`);
  const entry = (await entryResponse.json()) as PagefindEntry;
  const engines = await Promise.all(
    Object.keys(entry.languages).map((language) => startPagefind(bundle, language, baseUrl)),
  );

  const allFilters = sumCounts(await Promise.all(engines.map((engine) => engine.filters())));
  const values = buildFilterValueMap(allFilters);

  async function run(term: string | null, filters: PagefindFilters, byDate: boolean): Promise<PagefindSearch[]> {
    const sort: Partial<Record<string, 'asc' | 'desc'>> = byDate ? { date: 'desc' } : {};
    return Promise.all(engines.map((engine) => engine.search(term, { filters, sort })));
  }

  return {
    allFilters,
    values,
    async search(state) {
      const term = state.query === '' ? null : state.query;
      const byDate = effectiveSort(state) === 'date';
      const filters = toPagefindFilters(state, values);
      const answers = await run(term, filters, byDate);
      const matched = sumCounts(answers.map((answer) => answer.filters));

      // A single-choice filter (year, language) counts what each value would give instead of the
      // one chosen, so the reader can switch directly.
      const countsWithout = async (filter: 'year' | 'language') =>
        state[filter] === undefined
          ? (matched[filter] ?? {})
          : (sumCounts(
              (await run(term, toPagefindFilters(state, values, filter), false)).map((answer) => answer.filters),
            )[filter] ?? {});
      const [year, language] = await Promise.all([countsWithout('year'), countsWithout('language')]);

      const loaders = (results: readonly PagefindResult[]) => results.map((result) => () => result.data());
      // Newest first: each language's index is sorted by Pagefind, and the lists are merged by date.
      // Most relevant first: scores of all languages in one ranking, as Pagefind ranks merged indexes.
      const lists = byDate
        ? answers.map((answer) => loaders(answer.results))
        : [loaders(answers.flatMap((answer) => answer.results).sort((a, b) => b.score - a.score))];
      return {
        total: answers.reduce((sum, answer) => sum + answer.results.length, 0),
        counts: { tag: matched['tag'] ?? {}, author: matched['author'] ?? {}, year, language },
        results: mergeByKeyDescending(lists, (data) => data.meta['published'] ?? ''),
      };
    },
  };
}
