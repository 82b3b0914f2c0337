/**
 * A search-index worker (see search-part-pool.ts): it runs a Pagefind service of its own, so that
 * two parts of the index are written at once on two cores instead of one after another in one
 * service, and writes the parts it is given from the built folder, each into the cache folder
 * named by the digest of its pages (search-part-cache.ts), or takes the one an earlier build kept.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { pageFilesGlobs } from '../lib/search/search-plan';
import { keepPart, pagefindOptions, partDigest, SearchIndexError } from './search-part-cache';
import type { PoolRequest, PoolResponse, WorkerSetup } from './search-part-pool';

const port = parentPort!;
const { store, version } = workerData as WorkerSetup;

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) {
    throw new SearchIndexError(`Pagefind could not ${step}:\n${errors.map((error) => `  ${error}`).join('\n')}`);
  }
}

/** Indexes the files `globs` select in `siteDir` into a new index written to `outputPath`. */
async function indexPages(siteDir: string, globs: readonly string[], outputPath: string): Promise<void> {
  const { errors: createErrors, index } = await pagefind.createIndex(pagefindOptions);
  check('start an index', createErrors);
  if (!index) throw new SearchIndexError('Pagefind could not start an index and gave no reason');
  try {
    // One glob at a time, in a fixed order, so every build adds the pages in the same order.
    for (const glob of globs) {
      const added = await index.addDirectory({ path: siteDir, glob });
      check(`index the pages in ${siteDir}`, added.errors);
    }
    check(`write the index to ${outputPath}`, (await index.writeFiles({ outputPath })).errors);
  } finally {
    // The service keeps an index until told to forget it; parts would otherwise add up in memory.
    await index.deleteIndex();
  }
}

function fail(key: string, error: unknown): PoolResponse {
  const message = error instanceof Error ? error.message : String(error);
  return {
    type: 'failed',
    key,
    message:
      error instanceof SearchIndexError ? message : `the search index part ${key} could not be written: ${message}`,
  };
}

// Parts go one after another through the worker's one Pagefind service.
let queue: Promise<void> = Promise.resolve();

port.on('message', (message: PoolRequest) => {
  if (message.type === 'close') {
    void queue.then(async () => {
      await pagefind.close();
      port.postMessage({ type: 'closed' } satisfies PoolResponse);
    });
    return;
  }
  const { part, siteDir } = message;
  queue = queue.then(async () => {
    try {
      const cached = path.join(store, `${part.key}.${await partDigest(siteDir, part, version, pagefindOptions)}`);
      const kept = await keepPart(part, cached, (temporary) =>
        indexPages(siteDir, pageFilesGlobs(part.paths), temporary),
      );
      port.postMessage({ type: 'done', key: part.key, cached, ...kept } satisfies PoolResponse);
    } catch (error) {
      port.postMessage(fail(part.key, error));
    }
  });
});
