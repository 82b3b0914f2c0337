/**
 * Writes the Pagefind search index of a built archive with Pagefind's Node API, in the shape of
 * Starlight's integration (`createIndex` → `addDirectory` → `writeFiles`, every `errors` checked,
 * the services closed), part by part as src/lib/search/search-plan.ts plans them, on the search
 * workers of search-part-pool.ts, reusing the parts search-part-cache.ts kept; and serves the last
 * build's index to the development server.
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import sirv from 'sirv';
import type { IndexPart } from '../lib/search/search-parts';
import { planSearchParts, type SearchPage } from '../lib/search/search-plan';
import {
  indexWithPagefind,
  linkTree,
  pagefindVersion,
  pruneParts,
  readEntry,
  type PagefindEntry,
} from './search-part-cache';
import { writeParts } from './search-part-pool';

export { SearchIndexError, type PagefindEntry } from './search-part-cache';
export { PAGES_PER_PART, pageFilesGlobs, planSearchParts, type SearchPage } from '../lib/search/search-plan';

/** The folder, inside the built site, that holds the search index and Pagefind's browser script. */
export const searchIndexFolder = 'pagefind';

// Pagefind also writes its ready-made interfaces; the search page uses only pagefind.js (and the
// worker and WebAssembly it loads), so these would be dead weight on every deploy.
const unusedBundleFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** What indexing a built archive produced. */
export interface SearchIndexResult {
  /** Number of HTML pages Pagefind read (a page without `data-pagefind-body` is read but not indexed). */
  pageCount: number;
  /** Folder the index was written to. */
  outputPath: string;
  /** The parts of the index (none when every page of the folder was indexed as one). */
  parts: IndexPart[];
  /** How many parts were copied unchanged from the last build instead of indexed again. */
  reused: number;
}

/** Options of `writeSearchIndex`. */
export interface SearchIndexOptions {
  /** The searchable pages; without them, every HTML page of the folder is read into one index. */
  pages?: readonly SearchPage[] | undefined;
  /** Where written parts are kept for the next build (Astro's cache folder). */
  cacheDir: string;
  /** Pages per part (default PAGES_PER_PART). */
  partPages?: number | undefined;
  /**
   * The keys of the only parts to write (a shard of a sharded build writes those of its own pages,
   * src/lib/core/shards.ts); a shard with none writes no index, and the merge puts the parts together.
   */
  onlyParts?: readonly string[] | undefined;
}

/**
 * Indexes the built site in `siteDir` and writes the index to `siteDir/pagefind/`. Given the
 * searchable pages (the articles, which carry `data-pagefind-body`), it indexes them in parts
 * (`planSearchParts`), two at a time on search workers (search-part-pool.ts), reusing each part
 * whose pages are byte-identical to those of a part kept in `cacheDir` by an earlier build, and
 * writes one pagefind-entry.json naming every part. Without pages, every HTML page of the folder
 * is read into one index. Throws a `SearchIndexError` naming every error Pagefind reported;
 * Pagefind's services are always closed.
 */
export async function writeSearchIndex(siteDir: string, options: SearchIndexOptions): Promise<SearchIndexResult> {
  const outputPath = path.join(siteDir, searchIndexFolder);
  try {
    if (!options.pages) {
      const pageCount = await indexWithPagefind(siteDir, undefined, outputPath);
      await removeUnused(outputPath);
      return { pageCount, outputPath, parts: [], reused: 0 };
    }
    const only = options.onlyParts && new Set(options.onlyParts);
    const plans = planSearchParts(options.pages, options.partPages).filter((part) => !only || only.has(part.key));
    if (only && plans.length === 0) return { pageCount: 0, outputPath, parts: [], reused: 0 };
    const store = path.join(options.cacheDir, 'warta-search');
    await mkdir(store, { recursive: true });
    const version = await pagefindVersion();
    const results = await writeParts(plans, siteDir, { store, version });
    const written = plans.map((part) => ({ part, ...results.get(part.key)! }));
    // The parts' files have names made from their contents, and the script and WebAssembly are the
    // same in every part: they go into one folder, under one entry that lists every part.
    await rm(outputPath, { recursive: true, force: true });
    await mkdir(outputPath, { recursive: true });
    const entry: PagefindEntry = {
      version,
      languages: {},
      include_characters: [],
      warta_parts: [],
    };
    for (const { part, cached, entry: partEntry } of written) {
      const partInfo = await readEntry(cached);
      entry.version = partInfo.version;
      entry.include_characters = partInfo.include_characters ?? [];
      await linkTree(cached, outputPath, (name) => name !== 'pagefind-entry.json');
      entry.languages[part.key] = partEntry;
      entry.warta_parts!.push({
        key: part.key,
        language: part.language,
        from: part.from,
        to: part.to,
        pages: part.pages,
      });
    }
    if (written.length === 0 && !only) {
      // An archive without articles still gets a (empty) index, so the search page can say so.
      await indexWithPagefind(siteDir, [], outputPath);
    } else {
      await writeFile(path.join(outputPath, 'pagefind-entry.json'), JSON.stringify(entry));
    }
    await removeUnused(outputPath);
    await pruneParts(store, new Set(written.map(({ cached }) => path.basename(cached))));
    return {
      pageCount: written.reduce((sum, part) => sum + part.pageCount, 0),
      outputPath,
      parts: entry.warta_parts!,
      reused: written.filter((part) => part.reused).length,
    };
  } finally {
    await pagefind.close();
  }
}

/** The worker script the search page starts (src/client/pagefind-instance.ts), copied next to Pagefind's. */
export const workerScript = 'warta-pagefind-worker.js';

async function removeUnused(outputPath: string): Promise<void> {
  await copyFile(fileURLToPath(new URL(`./${workerScript}`, import.meta.url)), path.join(outputPath, workerScript));
  await Promise.all(unusedBundleFiles.map((file) => rm(path.join(outputPath, file), { force: true })));
}

/** Reads how many pages a written index holds per language, for the build log: `{ id: 10, en: 6 }`. */
export async function countIndexedPages(outputPath: string): Promise<Record<string, number>> {
  const entry = await readEntry(outputPath);
  const counts: Record<string, number> = {};
  const languageOf = new Map(entry.warta_parts?.map((part) => [part.key, part.language]));
  for (const [key, { page_count }] of Object.entries(entry.languages)) {
    const language = languageOf.get(key) ?? key;
    counts[language] = (counts[language] ?? 0) + page_count;
  }
  return counts;
}

/** A Connect-style middleware, as Vite's development server takes them. */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Serves the search index of the last build from `siteDir/pagefind/` (read afresh on every request,
 * so a new build is picked up); requests for a missing index fall through to the next handler.
 */
export function serveSearchIndex(siteDir: string): Middleware {
  return sirv(path.join(siteDir, searchIndexFolder), { dev: true });
}
