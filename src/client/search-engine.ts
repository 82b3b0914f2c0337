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

interface PagefindResult {
  data(): Promise<ResultData>;
}

interface PagefindSearch {
  results: PagefindResult[];
  filters: FilterCounts;
}

// The part of Pagefind's browser API (pagefind.js, written next to the index) that this page uses.
interface PagefindModule {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  mergeIndex(indexPath: string, options: { language: string; baseUrl?: string }): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(
    term: string | null,
    options: { filters?: PagefindFilters; sort?: Partial<Record<string, 'asc' | 'desc'>> },
  ): Promise<PagefindSearch>;
}

interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
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

// The index Pagefind itself picks for the page's language: exact, then the base language, then the
// language with the most pages.
function primaryLanguage(languages: PagefindEntry['languages'], pageLang: string): string | undefined {
  const lang = pageLang.toLowerCase();
  if (lang in languages) return lang;
  const base = lang.split('-')[0] ?? lang;
  if (base in languages) return base;
  return Object.entries(languages).sort(([, a], [, b]) => b.page_count - a.page_count)[0]?.[0];
}

/**
 * Loads the Pagefind index at `bundleUrl` (the folder of `pagefind.js`), with result URLs under
 * `baseUrl`. Rejects when there is no index there.
 */
export async function loadSearchEngine(bundleUrl: string, baseUrl: string): Promise<SearchEngine> {
  const absoluteBundle = new URL(bundleUrl, document.baseURI).href;
  // Revalidated like Pagefind's own request for it, so a new deploy's languages are seen at once.
  const entryResponse = await fetch(new URL('pagefind-entry.json', absoluteBundle), { cache: 'no-cache' });
  if (!entryResponse.ok) throw new Error(`no search index at ${absoluteBundle} (${entryResponse.status})`);
  const entry = (await entryResponse.json()) as PagefindEntry;

  const pagefind = (await import(/* @vite-ignore */ new URL('pagefind.js', absoluteBundle).href)) as PagefindModule;
  await pagefind.options({ baseUrl, excerptLength: 24 });
  // Pagefind searches only the index of the page's own <html lang>. The archive mixes Indonesian and
  // English articles on one search page, so the other languages' indexes of the same bundle are
  // merged in. Pagefind skips a merge whose path starts like its own bundle path (a site-relative
  // path), so the bundle is named by its absolute URL: the same files, now under another language.
  const primary = primaryLanguage(entry.languages, document.documentElement.lang);
  for (const language of Object.keys(entry.languages)) {
    if (language !== primary) await pagefind.mergeIndex(absoluteBundle, { language, baseUrl });
  }

  const allFilters = await pagefind.filters();
  const values = buildFilterValueMap(allFilters);

  async function run(term: string | null, filters: PagefindFilters, byDate: boolean): Promise<PagefindSearch> {
    return pagefind.search(term, { filters, sort: byDate ? { date: 'desc' } : {} });
  }

  return {
    allFilters,
    values,
    async search(state) {
      const term = state.query === '' ? null : state.query;
      const byDate = effectiveSort(state) === 'date';
      const filters = toPagefindFilters(state, values);
      const main = await run(term, filters, byDate);

      // A single-choice filter (year, language) counts what each value would give instead of the
      // one chosen, so the reader can switch directly.
      const countsWithout = async (filter: 'year' | 'language') =>
        state[filter] === undefined
          ? (main.filters[filter] ?? {})
          : ((await run(term, toPagefindFilters(state, values, filter), false)).filters[filter] ?? {});
      const [year, language] = await Promise.all([countsWithout('year'), countsWithout('language')]);
      const counts = { tag: main.filters['tag'] ?? {}, author: main.filters['author'] ?? {}, year, language };

      const loaders = (search: PagefindSearch) => search.results.map((result) => () => result.data());
      const languagesWithResults = Object.entries(main.filters['language'] ?? {}).filter(([, count]) => count > 0);
      let lists = [loaders(main)];
      if (byDate && languagesWithResults.length > 1) {
        // Pagefind sorts each language's index on its own and interleaves them, so the newest-first
        // list is rebuilt from one sorted search per language.
        const perLanguage = await Promise.all(
          languagesWithResults.map(([value]) => run(term, { ...filters, language: value }, true)),
        );
        lists = perLanguage.map(loaders);
      }
      return {
        total: main.results.length,
        counts,
        results: mergeByKeyDescending(lists, (data) => data.meta['published'] ?? ''),
      };
    },
  };
}
