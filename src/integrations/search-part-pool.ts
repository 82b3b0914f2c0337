/**
 * Writes the parts of the search index on worker threads, each with a Pagefind service of its own
 * (search-part-worker-main.ts). One Pagefind service answers one request at a time, so two parts
 * given to one service are written one after the other; on two services they are written at once,
 * on two cores, while Pagefind's own writing of a part keeps to about one.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SearchPartPlan } from '../lib/search/search-plan';
import { SearchIndexError, type CachedPart } from './search-part-cache';

/** What every worker is started with. */
export interface WorkerSetup {
  /** The cache folder the parts are kept in (`<cacheDir>/warta-search`). */
  store: string;
  /** Pagefind's version, part of each part's digest. */
  version: string;
}

/** Messages from the pool to a worker: a part to write from the built folder `siteDir`, or stop. */
export type PoolRequest = { type: 'part'; part: SearchPartPlan; siteDir: string } | { type: 'close' };

/** Messages from a worker to the pool. */
export type PoolResponse =
  | ({ type: 'done'; key: string; cached: string } & CachedPart)
  | { type: 'failed'; key: string; message: string }
  | { type: 'closed' };

/** A written part: the cache folder that holds it, and its entry. */
export type WrittenPart = { cached: string } & CachedPart;

/**
 * How many parts are written at once: one per core, at most two, since each Pagefind service holds
 * a whole part in memory while it writes it (up to 4.2 GiB for 20,000 articles, docs/search.md).
 */
export function searchWorkerCount(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/**
 * Writes every part of `parts` from the built folder `siteDir` on `workers` worker threads (the
 * largest parts first, each to the worker with the least work), taking from the cache folder
 * `setup.store` each part whose pages an earlier build indexed. Resolves with each part's cache
 * folder by its key; throws a SearchIndexError naming every part that could not be written. The
 * workers and their Pagefind services are always stopped.
 */
export async function writeParts(
  parts: readonly SearchPartPlan[],
  siteDir: string,
  setup: WorkerSetup,
  workers = searchWorkerCount(),
): Promise<Map<string, WrittenPart>> {
  const written = new Map<string, WrittenPart>();
  const failures: string[] = [];
  const pool = Array.from({ length: Math.min(workers, parts.length) }, () => ({
    worker: new Worker(new URL('./search-part-worker.mjs', import.meta.url), { workerData: setup }),
    pages: 0,
    parts: [] as SearchPartPlan[],
  }));
  for (const part of [...parts].sort((a, b) => b.pages - a.pages)) {
    const least = pool.reduce((best, pooled) => (pooled.pages < best.pages ? pooled : best));
    least.pages += part.pages;
    least.parts.push(part);
  }
  await Promise.all(
    pool.map(
      ({ worker, parts: given }) =>
        new Promise<void>((resolve) => {
          let waiting = given.length;
          let stopped = false;
          const stop = (): void => {
            if (stopped) return;
            stopped = true;
            void worker.terminate().then(() => resolve());
          };
          worker.on('message', (message: PoolResponse) => {
            if (message.type === 'closed') stop();
            else if (message.type === 'done') {
              const { type: _type, key, ...part } = message;
              written.set(key, part);
            } else failures.push(message.message);
            if (message.type !== 'closed' && --waiting === 0) {
              worker.postMessage({ type: 'close' } satisfies PoolRequest);
            }
          });
          worker.on('error', (error) => {
            failures.push(`a search index worker failed: ${error.message}`);
            stop();
          });
          worker.on('exit', () => {
            if (!stopped && waiting > 0) failures.push('a search index worker stopped before it wrote its parts');
            stop();
          });
          for (const part of given) worker.postMessage({ type: 'part', part, siteDir } satisfies PoolRequest);
        }),
    ),
  );
  if (failures.length > 0 || written.size < parts.length) {
    throw new SearchIndexError(failures.join('\n') || 'the search index was not written whole');
  }
  return written;
}
