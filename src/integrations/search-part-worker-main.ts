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
 * fragments are the pages that did not change, already compressed.
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

/**
 * Puts the fragments of an earlier version of a part into the folder the new one is written to,
 * as links. Pagefind names a page's fragment after its contents and does not write one that is
 * already there, which saves compressing it again (at gzip's highest level, most of writing a
 * part): a rebuild after one edit writes one fragment, not the language's thousands.
 */
function reuseFragments(earlier: string, outputPath: string): void {
  const fragments = path.join(earlier, 'fragment');
  if (!existsSync(fragments)) return;
  mkdirSync(path.join(outputPath, 'fragment'), { recursive: true });
  for (const name of readdirSync(fragments))
    linkSync(path.join(fragments, name), path.join(outputPath, 'fragment', name));
}

/**
 * Deletes the fragments in `outputPath` the index does not name: those of pages an earlier version
 * of the part had and this one has not (or had other words). The index's metadata (`*.pf_meta`,
 * gzip) names each page's fragment.
 */
function dropUnnamedFragments(outputPath: string): void {
  const named = new Set<string>();
  for (const name of readdirSync(outputPath).filter((file) => file.endsWith('.pf_meta'))) {
    const meta = gunzipSync(readFileSync(path.join(outputPath, name))).toString('latin1');
    // Each name is a CBOR string there, after a byte of its length that may read as a letter:
    // every ending of each run of name characters is a candidate.
    for (const word of meta.match(/[\w-]+/g) ?? []) {
      for (let start = 0; start < word.length; start += 1) named.add(word.slice(start));
    }
  }
  const fragments = path.join(outputPath, 'fragment');
  for (const name of readdirSync(fragments)) {
    if (!named.has(name.replace(/\.pf_fragment$/, ''))) rmSync(path.join(fragments, name));
  }
}

/**
 * Indexes the files `globs` select in `siteDir` into a new index written to `outputPath`, taking
 * the unchanged pages' fragments from the part's earlier version in `earlier`.
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
    if (earlier) reuseFragments(earlier, outputPath);
    check(`write the index to ${outputPath}`, (await index.writeFiles({ outputPath })).errors);
    if (earlier) dropUnnamedFragments(outputPath);
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
