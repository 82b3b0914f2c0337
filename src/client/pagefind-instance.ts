/**
 * One Pagefind search engine for one language of the index, running in its own worker: the main
 * thread only posts messages, so opening the search page compiles no WebAssembly and decompresses
 * no index there, and does not even load `pagefind.js`, Pagefind's main-thread script.
 *
 * The page talks to `pagefind-worker.js` with the messages `pagefind.js` itself sends it (`init`,
 * `search`, `filters`, `getData`, `releaseData`, each `{ id, instanceId, method, args }`, answered
 * `{ id, result }` or `{ id, error }`), as written by the Pagefind version in package.json; the
 * browser tests run every search through it. Where a worker cannot start, the page falls back to
 * `pagefind.js`, Pagefind's public browser API.
 */
import type { FilterCounts, PagefindFilters } from '../lib/search/search-filters';

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
  /** The article's searchable text (absent from an older index). */
  content?: string;
}

/** One result of a search, whose fragment loads on request. */
export interface PagefindResult {
  /** Relevance to the query. */
  score: number;
  /** Loads the result's fragment. */
  data(): Promise<ResultData>;
}

/** The answer of one language's index to a search. */
export interface PagefindSearch {
  /** Every match, most relevant first (or in the order asked for). */
  results: PagefindResult[];
  /** For each filter whose data is loaded, how many matches each value has. */
  filters: FilterCounts;
}

/** Options of a search: filters every result must match, and a sort key with its direction. */
export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Partial<Record<string, 'asc' | 'desc'>>;
}

/** A Pagefind search engine for one language. */
export interface PagefindInstance {
  /** Searches for `term` (`null` to list what the filters match). */
  search(term: string | null, options: PagefindSearchOptions): Promise<PagefindSearch>;
  /** Loads every filter's data and returns each value's number of pages. */
  filters(): Promise<FilterCounts>;
}

/** Where an index lives and how its results are addressed. */
export interface PagefindLocation {
  /** Absolute URL of the folder of `pagefind-worker.js` and the index, ending in `/`. */
  bundle: string;
  /** The site's base path, which result URLs start with. */
  baseUrl: string;
}

/** Characters of context around the matched words in an excerpt. */
const EXCERPT_LENGTH = 24;

interface WorkerAnswer {
  id: string;
  result?: unknown;
  error?: string;
}

interface WorkerSearch {
  results: { score: number; data: string }[];
  filters: FilterCounts;
}

/**
 * A worker for one language's index, whose script loads while the page finds out the language. It
 * can hold several parts of the language's index (src/lib/search/search-parts.ts), each an instance of its
 * own: they share the worker's WebAssembly, which Pagefind compiles once per worker.
 */
export interface PagefindWorker {
  /**
   * Starts Pagefind in the worker on the index `key` names in pagefind-entry.json (a language, or
   * one part of it); rejects if the worker cannot run.
   */
  start(key: string): Promise<PagefindInstance>;
  /** Stops the worker, unused. */
  close(): void;
}

/** Creates a worker for an index at `location`, which starts loading Pagefind's worker script at once. */
export function createPagefindWorker(location: PagefindLocation): PagefindWorker {
  // Pagefind's worker, wrapped by the build so it fetches its WebAssembly once for all the parts it
  // holds (src/integrations/warta-pagefind-worker.js).
  const worker = new Worker(new URL('warta-pagefind-worker.js', location.bundle));
  const pending = new Map<string, { resolve: (value: unknown) => void; reject: (reason: Error) => void }>();
  let failure: Error | undefined;
  let nextId = 0;
  worker.addEventListener('message', (event: MessageEvent<WorkerAnswer>) => {
    const { id, result, error } = event.data;
    const waiting = pending.get(id);
    pending.delete(id);
    if (error !== undefined) waiting?.reject(new Error(error));
    else waiting?.resolve(result);
  });
  worker.addEventListener('error', (event) => {
    failure = new Error(`Pagefind's worker failed: ${event.message || 'it did not load'}`);
    for (const waiting of pending.values()) waiting.reject(failure);
    pending.clear();
  });
  const call = <T>(instanceId: string, method: string, args: unknown[]): Promise<T> =>
    failure
      ? Promise.reject(failure)
      : new Promise<T>((resolve, reject) => {
          const id = String(nextId++);
          pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
          worker.postMessage({ id, instanceId, method, args });
        });
  // The worker keeps each result's fragment loader until told to forget it, as pagefind.js does.
  const forget = new FinalizationRegistry<{ instanceId: string; dataId: string }>(({ instanceId, dataId }) => {
    call(instanceId, 'releaseData', [dataId]).catch(() => undefined);
  });

  return {
    async start(key) {
      const instanceId = key;
      const basePath = new URL(location.bundle).pathname;
      await call(instanceId, 'init', [
        { basePath, baseUrl: location.baseUrl, excerptLength: EXCERPT_LENGTH, language: key },
      ]);
      // The worker answers `init` before Pagefind has loaded; an empty search waits for it to have
      // loaded, and loads nothing more. A second part must not start before the first has put its
      // WebAssembly in place, or both would compile it and the second would replace the first's.
      await call(instanceId, 'search', ['', {}]);
      return {
        async search(term, options) {
          const answer = await call<WorkerSearch>(instanceId, 'search', [term, options]);
          return {
            filters: answer.filters,
            results: answer.results.map(({ score, data: dataId }) => {
              const result = { score, data: () => call<ResultData>(instanceId, 'getData', [dataId]) };
              forget.register(result, { instanceId, dataId });
              return result;
            }),
          };
        },
        filters: () => call<FilterCounts>(instanceId, 'filters', []),
      };
    },
    close: () => worker.terminate(),
  };
}

// The part of pagefind.js, Pagefind's browser API, that the fallback uses.
interface PagefindModule extends PagefindInstance {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
}

/**
 * Starts pagefind.js on one language. Pagefind searches the index, and stems the query, of the
 * language in `<html lang>` when it starts, and one copy of its script serves one language: so each
 * language gets its own copy, differing by URL fragment (one file, fetched once), started while
 * `<html lang>` names that language; the attribute is restored before anything is drawn.
 */
async function startScript(location: PagefindLocation, language: string): Promise<PagefindInstance> {
  const script = new URL('pagefind.js', location.bundle);
  script.hash = language;
  const pagefind = (await import(/* @vite-ignore */ script.href)) as PagefindModule;
  await pagefind.options({ baseUrl: location.baseUrl, excerptLength: EXCERPT_LENGTH });
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
 * Starts Pagefind on the index `key` (a language, or one part of it) at `location`: in `worker`, or
 * a worker of its own, or, where no worker can run, through pagefind.js.
 */
export async function startPagefindInstance(
  location: PagefindLocation,
  key: string,
  worker?: PagefindWorker,
): Promise<PagefindInstance> {
  if (worker || typeof Worker === 'function') {
    try {
      return await (worker ?? createPagefindWorker(location)).start(key);
    } catch (error) {
      console.warn(error);
    }
  }
  return startScript(location, key);
}
