/**
 * A search-index worker (see search-part-pool.ts): it runs a Pagefind service of its own, so that
 * two parts of the index are written at once on two cores instead of one after another in one
 * service, and writes the parts it is given from the built folder, each into the cache folder
 * named by the digest of its pages (search-part-cache.ts), or takes the one an earlier build kept.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
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

/**
 * The folder in the cache of this part as an earlier build wrote it, from other pages: its
 * files named by their contents (pages and words that did not change) are already compressed.
 */
function earlierPart(cached: string): string | undefined {
  const key = `${path.basename(cached).slice(0, path.basename(cached).lastIndexOf('.'))}.`;
  const name = readdirSync(path.dirname(cached)).find(
    (other) =>
      other.startsWith(key) &&
      !other.endsWith('.tmp') &&
      path.join(path.dirname(cached), other) !== cached &&
      existsSync(path.join(path.dirname(cached), other, 'pagefind-entry.json')),
  );
  return name && path.join(path.dirname(cached), name);
}

// The folders of a part whose files Pagefind names after their contents and does not write again
// when they are there: the pages' fragments and the chunks of the word and filter indexes.
const NAMED_BY_CONTENT = ['fragment', 'index', 'filter'];

/**
 * Puts the files of an earlier version of a part that are named by their contents into the folder
 * the new one is written to, as links. Pagefind does not write such a file again when it is there,
 * which saves compressing it (at gzip's highest level, most of writing a part): after one edit, the
 * edited page's fragment and the chunks holding its words are written, not the language's thousands.
 */
function reuseFiles(earlier: string, outputPath: string): void {
  for (const folder of NAMED_BY_CONTENT) {
    const from = path.join(earlier, folder);
    if (!existsSync(from)) continue;
    mkdirSync(path.join(outputPath, folder), { recursive: true });
    for (const name of readdirSync(from)) linkSync(path.join(from, name), path.join(outputPath, folder, name));
  }
}

/**
 * Deletes the files named by their contents that the new index does not name: those an earlier
 * version of the part had for pages or words it no longer has. The index's metadata
 * (`*.pf_meta`, gzip) names every fragment and chunk.
 */
function dropUnnamedFiles(outputPath: string): void {
  const named = new Set<string>();
  for (const name of readdirSync(outputPath).filter((file) => file.endsWith('.pf_meta'))) {
    const meta = gunzipSync(readFileSync(path.join(outputPath, name))).toString('latin1');
    // Each name is a CBOR string there, after a byte of its length that may read as a letter:
    // every ending of each run of name characters is a candidate.
    for (const word of meta.match(/[\w-]+/g) ?? []) {
      for (let start = 0; start < word.length; start += 1) named.add(word.slice(start));
    }
  }
  for (const folder of NAMED_BY_CONTENT) {
    const files = path.join(outputPath, folder);
    if (!existsSync(files)) continue;
    for (const name of readdirSync(files)) {
      if (!named.has(name.slice(0, name.lastIndexOf('.')))) rmSync(path.join(files, name));
    }
  }
}

/**
 * Indexes the files `globs` select in `siteDir` into a new index written to `outputPath`, taking
 * the files of the part's earlier version in `earlier` that are still its own.
 */
async function indexPages(
  siteDir: string,
  globs: readonly string[],
  outputPath: string,
  earlier: string | undefined,
): Promise<void> {
  const { errors: createErrors, index } = await pagefind.createIndex(pagefindOptions);
  check('start an index', createErrors);
  if (!index) throw new SearchIndexError('Pagefind could not start an index and gave no reason');
  try {
    // One glob at a time, in a fixed order, so every build adds the pages in the same order.
    for (const glob of globs) {
      const added = await index.addDirectory({ path: siteDir, glob });
      check(`index the pages in ${siteDir}`, added.errors);
    }
    if (earlier) reuseFiles(earlier, outputPath);
    check(`write the index to ${outputPath}`, (await index.writeFiles({ outputPath })).errors);
    if (earlier) dropUnnamedFiles(outputPath);
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
        indexPages(siteDir, pageFilesGlobs(part.paths), temporary, earlierPart(cached)),
      );
      port.postMessage({ type: 'done', key: part.key, cached, ...kept } satisfies PoolResponse);
    } catch (error) {
      port.postMessage(fail(part.key, error));
    }
  });
});
