/**
 * A search-index worker (see search-part-pool.ts): it runs a Pagefind service of its own, so that
 * two parts of the index are written at once on two cores instead of one after another in one
 * service, and writes the parts it is given from the built folder, each into the cache folder
 * named by the digest of its pages (search-part-cache.ts), or takes the one an earlier build kept.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { pageFilesGlobs, type SearchPartPlan } from '../lib/search/search-plan';
import type { IndexPart } from '../lib/search/search-parts';
import {
  indexWithPagefind,
  keepPart,
  pagefindOptions,
  partDigest,
  SearchIndexError,
  type PagefindEntry,
} from './search-part-cache';
import type { PoolRequest, PoolResponse, WorkerSetup } from './search-part-pool';

const port = parentPort!;
const { store, version } = workerData as WorkerSetup;

/**
 * Indexes the pages of `part` in `siteDir` into a new index written to `outputPath`. Pagefind
 * names its files after its language and the first 7 hex digits of a digest of their contents, and
 * avoids two alike names only within one index; the parts' files share one
 * folder, so each part is indexed as a language of its own, its key (`id-x-202209`: stemmed as
 * Indonesian), and no two parts' files can have one name. (At 100,000 articles, four Indonesian
 * parts of about 16,000 would otherwise give about six pairs of fragments with one name, each a
 * result showing another article.)
 */
async function indexPart(siteDir: string, part: SearchPartPlan, outputPath: string): Promise<void> {
  await indexWithPagefind(siteDir, pageFilesGlobs(part.paths), outputPath, {
    ...pagefindOptions,
    forceLanguage: part.key,
  });
  shareLanguageWasm(outputPath, part);
}

/**
 * Names a part's WebAssembly (the stemmer of its language, the same file for every part of one
 * language) after the language, as Pagefind names it for an index of the language itself: a reader
 * searching several parts of one language then loads it once, not once a part.
 */
function shareLanguageWasm(outputPath: string, { key, language }: IndexPart): void {
  const entryFile = path.join(outputPath, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as PagefindEntry;
  const part = entry.languages[key];
  if (!part || part.wasm !== key) return;
  renameSync(path.join(outputPath, `wasm.${key}.pagefind`), path.join(outputPath, `wasm.${language}.pagefind`));
  part.wasm = language;
  writeFileSync(entryFile, JSON.stringify(entry));
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
      const kept = await keepPart(part, cached, (temporary) => indexPart(siteDir, part, temporary));
      port.postMessage({ type: 'done', key: part.key, cached, ...kept } satisfies PoolResponse);
    } catch (error) {
      port.postMessage(fail(part.key, error));
    }
  });
});
