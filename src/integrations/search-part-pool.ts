/**
 * Writes the parts of the search index on worker threads, each with a Pagefind service of its own
 * (search-part-worker-main.ts), so that two parts are indexed at once on two cores instead of one
 * after another in one service. A part can be indexed live: the build hands over each of its pages
 * as it is rendered (search-prerenderer.ts), so Pagefind reads the pages while the build renders
 * others, and writes the part as soon as its last page is in. A part that did not get every page
 * that way (an incremental build copies unchanged pages instead of rendering them) is indexed from
 * the built folder, or taken from the cache when its pages are unchanged.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IndexPart } from '../lib/search/search-parts';
import { pageFileOf, type SearchPartPlan } from '../lib/search/search-plan';
import { SearchIndexError, type CachedPart } from './search-part-cache';
import { pageKey } from './search-prerenderer';

/** What every worker is started with. */
export interface WorkerSetup {
  /** The cache folder the parts are kept in (`<cacheDir>/warta-search`). */
  store: string;
  /** Pagefind's version, part of each part's digest. */
  version: string;
}

/** A part to index: its entry in the index, and its pages' files (relative to the site folder) in order. */
export interface PartJob {
  part: IndexPart;
  files: string[];
}

/** Messages from the pool to a worker. */
export type PoolRequest =
  | { type: 'live'; job: PartJob }
  | { type: 'page'; key: string; position: number; bytes: Uint8Array }
  | { type: 'end-live' }
  | { type: 'disk'; job: PartJob; siteDir: string }
  | { type: 'close' };

/** Messages from a worker to the pool. */
export type PoolResponse =
  | ({ type: 'done'; key: string; cached: string; live: boolean } & CachedPart)
  | { type: 'failed'; key: string; message: string }
  | { type: 'ended'; dropped: string[] }
  | { type: 'closed' };

/** A written part: the cache folder that holds it, its entry, and whether it was fed as the pages rendered. */
export type WrittenPart = { cached: string; live: boolean } & CachedPart;

/** How many parts are written at once: one per core, at most two (each holds a whole part in memory). */
export function searchWorkerCount(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

interface PoolWorker {
  worker: Worker;
  /** Parts it has been given and not yet reported on. */
  load: number;
  /** Called when it has put away the live parts it did not get whole. */
  ended?: ((dropped: readonly string[]) => void) | undefined;
}

/** Writes parts of the search index on worker threads; see the file's comment. */
export class SearchPartIndexer {
  private readonly workers: PoolWorker[] = [];
  private readonly byPage = new Map<string, { key: string; rank: number; position: number; worker: PoolWorker }>();
  private readonly results = new Map<string, WrittenPart>();
  private readonly failures = new Map<string, string>();
  private readonly waiting = new Map<string, () => void>();
  private readonly liveKeys = new Set<string>();
  private crashed: Error | undefined;
  private closing = false;

  constructor(
    private readonly setup: WorkerSetup,
    private readonly workerCount = searchWorkerCount(),
  ) {}

  private start(count: number): void {
    while (this.workers.length < Math.min(count, this.workerCount)) {
      const worker = new Worker(new URL('./search-part-worker.mjs', import.meta.url), { workerData: this.setup });
      // Until the index is written, a failed build may end without them (see writeAll).
      worker.unref();
      const pooled: PoolWorker = { worker, load: 0 };
      worker.on('message', (message: PoolResponse) => this.receive(pooled, message));
      worker.on('error', (error) => this.crash(error));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing)
          this.crash(new Error(`a search index worker stopped with exit code ${String(code)}`));
      });
      this.workers.push(pooled);
    }
  }

  private receive(pooled: PoolWorker, message: PoolResponse): void {
    if (message.type === 'done' || message.type === 'failed') {
      pooled.load -= 1;
      if (message.type === 'done') {
        const { type: _type, key: _key, ...written } = message;
        this.results.set(message.key, written);
      } else this.failures.set(message.key, message.message);
      this.waiting.get(message.key)?.();
    } else if (message.type === 'ended') pooled.ended?.(message.dropped);
  }

  private crash(error: Error): void {
    this.crashed ??= new SearchIndexError(`the search index could not be written: ${error.message}`);
    for (const wake of this.waiting.values()) wake();
    for (const pooled of this.workers) pooled.ended?.([]);
  }

  private leastLoaded(): PoolWorker {
    return this.workers.reduce((best, pooled) => (pooled.load < best.load ? pooled : best));
  }

  /**
   * Expects the pages of `parts` as they are rendered, part after part in the order given, each
   * part's pages in order (see `orderOf`): each part goes to the worker with the fewest parts, so
   * that one part is written while the next one's pages come in.
   */
  expect(parts: readonly SearchPartPlan[]): void {
    if (parts.length === 0) return;
    this.start(parts.length);
    // Every page's place: part after part, each part's pages in its own order.
    const rank = new Map(parts.flatMap((part) => part.paths).map((pagePath, n) => [pagePath, n]));
    for (const part of parts) {
      const pooled = this.leastLoaded();
      pooled.load += 1;
      this.liveKeys.add(part.key);
      part.paths.forEach((pagePath, position) =>
        this.byPage.set(pageKey(pagePath), { key: part.key, rank: rank.get(pagePath)!, position, worker: pooled }),
      );
      const { paths: _paths, ...entry } = part;
      pooled.worker.postMessage({
        type: 'live',
        job: { part: entry, files: part.paths.map(pageFileOf) },
      } satisfies PoolRequest);
    }
  }

  /** Whether the page of `key` (see `pageKey`) is one of the live parts' pages. */
  expects(key: string): boolean {
    return this.byPage.has(key);
  }

  /** Where the page of `key` comes among the live parts' pages, for ordering the build's pages. */
  orderOf(key: string): number | undefined {
    return this.byPage.get(key)?.rank;
  }

  /** Hands over the bytes of the rendered page of `key` (a copy goes to its part's worker). */
  offer(key: string, bytes: Uint8Array): void {
    const page = this.byPage.get(key);
    if (!page) return;
    page.worker.worker.postMessage({
      type: 'page',
      key: page.key,
      position: page.position,
      bytes,
    } satisfies PoolRequest);
  }

  /**
   * Writes every part of `parts`: those the build handed over whole are already being written; the
   * others are indexed from the built folder `siteDir` (or taken from the cache). Resolves with each
   * part's cache folder; throws a SearchIndexError naming every part Pagefind failed on.
   */
  async writeAll(parts: readonly SearchPartPlan[], siteDir: string): Promise<Map<string, WrittenPart>> {
    this.byPage.clear();
    if (this.crashed) throw this.crashed;
    for (const { worker } of this.workers) worker.ref();
    await Promise.all(
      this.workers.map(async (pooled) => {
        const dropped = await new Promise<readonly string[]>((resolve) => {
          pooled.ended = resolve;
          pooled.worker.postMessage({ type: 'end-live' } satisfies PoolRequest);
        });
        pooled.ended = undefined;
        pooled.load -= dropped.length;
        for (const key of dropped) this.liveKeys.delete(key);
      }),
    );
    if (this.crashed) throw this.crashed;
    const fromDisk = parts.filter((part) => !this.liveKeys.has(part.key));
    this.start(fromDisk.length);
    for (const { worker } of this.workers) worker.ref();
    const awaited = parts.map(
      (part) =>
        new Promise<void>((resolve) => {
          if (this.results.has(part.key) || this.failures.has(part.key)) resolve();
          else this.waiting.set(part.key, resolve);
        }),
    );
    // The largest first, each to the least loaded worker.
    for (const part of [...fromDisk].sort((a, b) => b.pages - a.pages)) {
      const pooled = this.leastLoaded();
      pooled.load += 1;
      const { paths, ...entry } = part;
      pooled.worker.postMessage({
        type: 'disk',
        job: { part: entry, files: paths.map(pageFileOf) },
        siteDir,
      } satisfies PoolRequest);
    }
    await Promise.all(awaited);
    if (this.crashed) throw this.crashed;
    if (this.failures.size > 0) throw new SearchIndexError([...this.failures.values()].join('\n'));
    return this.results;
  }

  /** Stops the workers and their Pagefind services. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.workers.map(
        ({ worker }) =>
          new Promise<void>((resolve) => {
            const stop = (): void => {
              void worker.terminate().then(() => resolve());
            };
            worker.on('message', (message: PoolResponse) => {
              if (message.type === 'closed') stop();
            });
            worker.on('error', stop);
            worker.postMessage({ type: 'close' } satisfies PoolRequest);
          }),
      ),
    );
    this.workers.length = 0;
  }
}
