/**
 * A search-index worker (see search-part-pool.ts): it runs a Pagefind service of its own, so two
 * parts of the index are written at once on two cores, and indexes the parts it is given, each
 * into the cache folder named by its digest (search-part-cache.ts). A part comes either live,
 * page by page as the build renders its pages, or from the built folder. Either way its pages are
 * added in the part's order, so the same pages always make the same index, byte for byte.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import {
  keepPart,
  pagefindOptions,
  partDigester,
  readPartPages,
  SearchIndexError,
  type PartDigester,
} from './search-part-cache';
import type { PartJob, PoolRequest, PoolResponse, WorkerSetup } from './search-part-pool';

const port = parentPort!;
const { store, version } = workerData as WorkerSetup;

// Pages a live part holds while one before them is still to come. Pages are rendered in the part's
// order, a few at a time, so this fills only when pages are skipped (an incremental build copies
// unchanged pages instead of rendering them); the part is then indexed from the built folder.
const MAX_WAITING_BYTES = 64 * 1024 * 1024;

// Pages read from the folder and sent to Pagefind before waiting for it to take them.
const IN_FLIGHT = 256;

const decoder = new TextDecoder();

function post(message: PoolResponse): void {
  port.postMessage(message);
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) {
    throw new SearchIndexError(`Pagefind could not ${step}:\n${errors.map((error) => `  ${error}`).join('\n')}`);
  }
}

/** One part being indexed: its pages go to Pagefind in order, and into its digest. */
class PartIndex {
  private readonly digester: PartDigester = partDigester(version, pagefindOptions);
  private readonly index: Promise<PagefindIndex>;
  private added: Promise<readonly string[]>[] = [];
  private readonly errors: string[] = [];
  private dropped = false;

  constructor(readonly job: PartJob) {
    this.index = pagefind.createIndex(pagefindOptions).then(({ errors, index }) => {
      check('start an index', errors);
      if (!index) throw new SearchIndexError('Pagefind could not start an index and gave no reason');
      return index;
    });
    // Nothing here may reject unobserved: a failure is reported by `finish`.
    this.index.catch(() => undefined);
  }

  /**
   * Adds the next page of the part (`file` relative to the site folder). Pages reach Pagefind in
   * the order they are added: each is sent once the index has started, after the one before.
   */
  add(file: string, bytes: Uint8Array): void {
    this.digester.add(file, bytes);
    const content = decoder.decode(bytes);
    const added = this.index.then(async (index) => (await index.addHTMLFile({ sourcePath: file, content })).errors);
    added.catch(() => undefined);
    this.added.push(added);
  }

  /** Waits until Pagefind has taken the pages added so far. */
  async settle(): Promise<void> {
    const added = this.added;
    this.added = [];
    for (const errors of await Promise.all(added)) this.errors.push(...errors);
  }

  /** Writes the part into the cache (unless these very pages were indexed before) and forgets it. */
  async finish(live: boolean): Promise<PoolResponse> {
    const index = await this.index;
    try {
      await this.settle();
      check(`index the pages of the search index part ${this.job.part.key}`, this.errors);
      const cached = path.join(store, `${this.job.part.key}.${this.digester.digest()}`);
      const kept = await keepPart(this.job.part, cached, async (outputPath) => {
        check(`write the index to ${outputPath}`, (await index.writeFiles({ outputPath })).errors);
      });
      return { type: 'done', key: this.job.part.key, cached, live, ...kept };
    } finally {
      this.dropped = true;
      await index.deleteIndex();
    }
  }

  /** Forgets the part without writing it. */
  async drop(): Promise<void> {
    if (this.dropped) return;
    this.dropped = true;
    await Promise.allSettled(this.added);
    await (await this.index.catch(() => undefined))?.deleteIndex();
  }
}

/** A part handed over page by page as the build renders them. */
interface LivePart {
  job: PartJob;
  index?: PartIndex;
  next: number;
  waiting: Map<number, Uint8Array>;
  waitingBytes: number;
  dropped: boolean;
  finished?: Promise<void>;
}

const live = new Map<string, LivePart>();

function fail(key: string, error: unknown): PoolResponse {
  const message = error instanceof Error ? error.message : String(error);
  return {
    type: 'failed',
    key,
    message:
      error instanceof SearchIndexError ? message : `the search index part ${key} could not be written: ${message}`,
  };
}

function takePage(key: string, position: number, bytes: Uint8Array): void {
  const part = live.get(key);
  if (!part || part.dropped || position < part.next || part.waiting.has(position)) return;
  part.waiting.set(position, bytes);
  part.waitingBytes += bytes.length;
  while (part.waiting.has(part.next)) {
    const next = part.waiting.get(part.next)!;
    part.waiting.delete(part.next);
    part.waitingBytes -= next.length;
    part.index ??= new PartIndex(part.job);
    part.index.add(part.job.files[part.next]!, next);
    part.next += 1;
  }
  if (part.next === part.job.files.length) {
    part.finished = part.index!.finish(true).then(post, (error: unknown) => post(fail(key, error)));
  } else if (part.waitingBytes > MAX_WAITING_BYTES) {
    part.dropped = true;
    part.waiting.clear();
  }
}

/** Indexes a part from the files in `siteDir`, or takes the one kept from an earlier build of the same pages. */
async function indexFromDisk(job: PartJob, siteDir: string): Promise<PoolResponse> {
  const digester = partDigester(version, pagefindOptions);
  await readPartPages(siteDir, job.files, (file, bytes) => digester.add(file, bytes));
  const cached = path.join(store, `${job.part.key}.${digester.digest()}`);
  if (existsSync(path.join(cached, 'pagefind-entry.json'))) {
    const kept = await keepPart(job.part, cached, () => Promise.resolve());
    return { type: 'done', key: job.part.key, cached, live: false, ...kept };
  }
  const index = new PartIndex(job);
  try {
    let sent = 0;
    await readPartPages(siteDir, job.files, async (file, bytes) => {
      index.add(file, bytes);
      if (++sent % IN_FLIGHT === 0) await index.settle();
    });
  } catch (error) {
    await index.drop();
    throw error;
  }
  return index.finish(false);
}

// Work that uses the worker's Pagefind service goes one job after another.
let queue: Promise<void> = Promise.resolve();

port.on('message', (message: PoolRequest) => {
  switch (message.type) {
    case 'live':
      live.set(message.job.part.key, {
        job: message.job,
        next: 0,
        waiting: new Map(),
        waitingBytes: 0,
        dropped: false,
      });
      break;
    case 'page':
      takePage(message.key, message.position, message.bytes);
      break;
    case 'end-live':
      // A part not complete by now had pages the build did not render: it is indexed from the folder.
      queue = queue.then(async () => {
        const dropped: string[] = [];
        for (const part of live.values()) {
          if (part.finished) {
            await part.finished;
            continue;
          }
          part.dropped = true;
          part.waiting.clear();
          await part.index?.drop();
          dropped.push(part.job.part.key);
        }
        live.clear();
        post({ type: 'ended', dropped });
      });
      break;
    case 'disk':
      queue = queue.then(() =>
        indexFromDisk(message.job, message.siteDir).then(post, (error: unknown) =>
          post(fail(message.job.part.key, error)),
        ),
      );
      break;
    case 'close':
      void queue.then(async () => {
        await pagefind.close();
        post({ type: 'closed' });
      });
      break;
  }
});
