/**
 * Writes the Pagefind search index of a built archive with Pagefind's Node API, and serves the last
 * build's index to the development server.
 */
import { createHash } from 'node:crypto';
import { constants as fsConstants, existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import * as pagefind from 'pagefind';
import sirv from 'sirv';

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
}

/** Raised when Pagefind reports a problem; the message lists every error it gave. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) {
    throw new SearchIndexError(`Pagefind could not ${step}:\n${errors.map((error) => `  ${error}`).join('\n')}`);
  }
}

// Pagefind's glob syntax (wax) reserves these characters; escaped, any slug matches only itself.
const globSyntax = /[\\?*$:<>()[\]{},]/g;

// A glob of a few thousand alternatives is past what Pagefind accepts (about 4,000 article paths).
const FILES_PER_GLOB = 1000;

function escapeGlob(text: string): string {
  return text.replace(globSyntax, (char) => `\\${char}`);
}

/**
 * Globs, relative to the site folder, that together match exactly the HTML files of the pages at
 * the site paths `pagePaths` (`/2022/09/06/slug/`, `/404.html`). Files are grouped by their first
 * folder (an article's year), so Pagefind walks only that folder for each glob, and at most a
 * thousand go in one glob.
 */
export function pageFilesGlobs(pagePaths: readonly string[]): string[] {
  const byFolder = new Map<string, string[]>();
  for (const pagePath of pagePaths) {
    const relative = pagePath.replace(/^\/+/, '');
    const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
    const folder = file.includes('/') ? file.slice(0, file.indexOf('/') + 1) : '';
    const files = byFolder.get(folder) ?? [];
    files.push(file.slice(folder.length));
    byFolder.set(folder, files);
  }
  const globs: string[] = [];
  for (const folder of [...byFolder.keys()].sort()) {
    const files = [...new Set(byFolder.get(folder))].sort();
    for (let start = 0; start < files.length; start += FILES_PER_GLOB) {
      const chunk = files.slice(start, start + FILES_PER_GLOB).map(escapeGlob);
      globs.push(`${escapeGlob(folder)}{${chunk.join(',')}}`);
    }
  }
  return globs;
}

/** One searchable page: its site path, language and month of publication (`2022-09`). */
export interface SearchPage {
  path: string;
  language: string;
  month: string;
}

/**
 * One part of the search index: the articles of one language, or, in a language with more than a
 * part holds, of one language published in a run of months. Each part is indexed by Pagefind on
 * its own and kept for the next build, which indexes again only the parts whose pages changed;
 * parts bound Pagefind's memory by the size of a part (see docs/search.md).
 */
export interface SearchPart {
  /**
   * The part's name in pagefind-entry.json, where Pagefind takes it for a language: the language
   * with a private-use subtag of its first month (`id-x-202209`), which Pagefind's worker accepts as
   * a locale and stems as the language.
   */
  key: string;
  language: string;
  /** First and last month of publication in the part (`2022-09`). */
  from: string;
  to: string;
  /** Number of pages in the part. */
  pages: number;
}

/** The parts of an index and the site paths of their pages. */
export interface SearchPartPlan extends SearchPart {
  paths: string[];
}

/**
 * How many pages a part holds at most by default. An archive with up to this many articles in a
 * language has one index for it, which ranks exactly as plain Pagefind ranks the same pages; a
 * larger one is split, because Pagefind holds a whole index in memory while it writes it (about
 * 150 MiB per thousand articles, two parts at a time: 65,000 articles of one language took it to
 * 9 GiB with bodies a third of the usual length). docs/search.md has the figures.
 */
export const PAGES_PER_PART = 20_000;

/**
 * Splits searchable pages into parts: by language, then months in order from the oldest, each part
 * taking whole months while it stays within `maxPages` (a single month with more is a part by itself). Filling from the oldest keeps every
 * boundary where it was when an article is edited or the newest month grows, so those changes
 * re-index one part.
 */
export function planSearchParts(pages: readonly SearchPage[], maxPages = PAGES_PER_PART): SearchPartPlan[] {
  const byLanguage = new Map<string, Map<string, string[]>>();
  for (const page of pages) {
    const months = byLanguage.get(page.language) ?? new Map<string, string[]>();
    byLanguage.set(page.language, months);
    const paths = months.get(page.month) ?? [];
    months.set(page.month, paths);
    paths.push(page.path);
  }
  const parts: SearchPartPlan[] = [];
  for (const language of [...byLanguage.keys()].sort()) {
    const months = byLanguage.get(language)!;
    let current: SearchPartPlan | undefined;
    for (const month of [...months.keys()].sort()) {
      const paths = months.get(month)!;
      if (!current || current.pages + paths.length > maxPages) {
        current = {
          key: `${language}-x-${month.replace('-', '')}`,
          language,
          from: month,
          to: month,
          pages: 0,
          paths: [],
        };
        parts.push(current);
      }
      current.to = month;
      current.pages += paths.length;
      current.paths.push(...paths);
    }
  }
  for (const part of parts) part.paths.sort();
  return parts;
}

/** What indexing a built archive produced. */
export interface SearchIndexResult {
  /** Number of HTML pages Pagefind read (a page without `data-pagefind-body` is read but not indexed). */
  pageCount: number;
  /** Folder the index was written to. */
  outputPath: string;
  /** The parts of the index (none when every page of the folder was indexed as one). */
  parts: SearchPart[];
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
}

// Bumped when what goes into a part changes in a way the pages' bytes do not show (options below).
const PART_FORMAT = '1';

const createOptions = { excludeSelectors: ['.heading-anchor'] };

/** Pagefind's version, which the written files depend on. */
async function pagefindVersion(): Promise<string> {
  // Pagefind's package exports no package.json; it is looked for where Node would find the package.
  for (const folder of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    const manifest = path.join(folder, 'pagefind', 'package.json');
    if (existsSync(manifest)) return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
  }
  throw new SearchIndexError('Pagefind is not installed (no node_modules/pagefind/package.json)');
}

/** A digest of everything a part's index is made from: Pagefind, its options, and each page's bytes. */
async function partDigest(siteDir: string, part: SearchPartPlan, version: string): Promise<string> {
  const digest = createHash('sha256').update(`${PART_FORMAT}\n${version}\n${JSON.stringify(createOptions)}\n`);
  const files = part.paths.map((pagePath) => {
    const relative = pagePath.replace(/^\/+/, '');
    return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
  });
  // Read a few dozen at a time; the digest takes them in order.
  for (let start = 0; start < files.length; start += 64) {
    const chunk = files.slice(start, start + 64);
    const contents = await Promise.all(chunk.map((file) => readFile(path.join(siteDir, file))));
    chunk.forEach((file, n) => {
      digest.update(`${file}\n${String(contents[n]!.length)}\n`);
      digest.update(contents[n]!);
    });
  }
  return digest.digest('base64url').slice(0, 24);
}

interface WrittenPart {
  /** Pagefind's entry for the part's one language: the hash of its metadata and its WebAssembly. */
  entry: { hash: string; wasm: string; page_count: number };
  pageCount: number;
}

/** Indexes the files `globs` select in `siteDir` into a new index written to `outputPath`. */
async function indexPages(siteDir: string, globs: readonly string[] | undefined, outputPath: string): Promise<number> {
  const { errors: createErrors, index } = await pagefind.createIndex(createOptions);
  check('start an index', createErrors);
  if (!index) throw new SearchIndexError('Pagefind could not start an index and gave no reason');
  try {
    // One glob at a time, in a fixed order, so every build adds the pages in the same order.
    const sources = globs ? globs.map((glob) => ({ path: siteDir, glob })) : [{ path: siteDir }];
    let pageCount = 0;
    for (const source of sources) {
      const added = await index.addDirectory(source);
      check(`index the pages in ${siteDir}`, added.errors);
      pageCount += added.page_count;
    }
    const written = await index.writeFiles({ outputPath });
    check(`write the index to ${outputPath}`, written.errors);
    return pageCount;
  } finally {
    // The service keeps an index until told to forget it; parts would otherwise add up in memory.
    await index.deleteIndex?.();
  }
}

async function readEntry(bundle: string): Promise<PagefindEntry> {
  return JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
}

/** The contents of pagefind-entry.json, as Pagefind writes it and as the search page reads it. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string; page_count: number }>;
  include_characters?: string[];
  /** The parts of the index, oldest first within each language (written by Warta). */
  warta_parts?: SearchPart[];
}

/**
 * Indexes one part into `cached` unless an earlier build left it there, and returns it. The part is
 * written next to its final folder and renamed into place, so an interrupted build leaves no
 * half-written part behind.
 */
async function writePart(
  siteDir: string,
  part: SearchPartPlan,
  cached: string,
): Promise<WrittenPart & { reused: boolean }> {
  const done = path.join(cached, 'pagefind-entry.json');
  let reused = true;
  if (!existsSync(done)) {
    reused = false;
    const temporary = `${cached}.${String(process.pid)}.tmp`;
    await rm(temporary, { recursive: true, force: true });
    await indexPages(siteDir, pageFilesGlobs(part.paths), temporary);
    await rm(cached, { recursive: true, force: true });
    await rename(temporary, cached);
  }
  const entry = await readEntry(cached);
  const languages = Object.values(entry.languages);
  if (languages.length !== 1) {
    throw new SearchIndexError(
      `the search index part ${part.key} should hold pages in ${part.language} only, but Pagefind found ` +
        `${Object.keys(entry.languages).join(', ') || 'no language'} (check the lang attribute of its pages)`,
    );
  }
  return { entry: languages[0]!, pageCount: languages[0]!.page_count, reused };
}

/** Runs `work` on every item, `limit` at a time, and returns the results in order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const run = async (): Promise<void> => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return results;
}

/**
 * Indexes the built site in `siteDir` and writes the index to `siteDir/pagefind/`. Given the
 * searchable pages (the articles, which carry `data-pagefind-body`), it indexes them in parts
 * (`planSearchParts`), two at a time, reusing each part whose pages are byte-identical to those of
 * a part kept in `cacheDir` by an earlier build, and writes one pagefind-entry.json naming every
 * part. Without pages, every HTML page of the folder is read into one index. Throws a
 * `SearchIndexError` naming every error Pagefind reported; Pagefind's service is always closed.
 */
export async function writeSearchIndex(siteDir: string, options: SearchIndexOptions): Promise<SearchIndexResult> {
  const outputPath = path.join(siteDir, searchIndexFolder);
  try {
    if (!options.pages) {
      const pageCount = await indexPages(siteDir, undefined, outputPath);
      await removeUnused(outputPath);
      return { pageCount, outputPath, parts: [], reused: 0 };
    }
    const plans = planSearchParts(options.pages, options.partPages);
    const version = await pagefindVersion();
    const store = path.join(options.cacheDir, 'warta-search');
    await mkdir(store, { recursive: true });
    const written = await mapLimit(plans, Math.max(1, Math.min(2, availableParallelism())), async (part) => {
      const cached = path.join(store, `${part.key}.${await partDigest(siteDir, part, version)}`);
      return { part, cached, ...(await writePart(siteDir, part, cached)) };
    });
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
    if (written.length === 0) {
      // An archive without articles still gets a (empty) index, so the search page can say so.
      await indexPages(siteDir, [], outputPath);
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

/** The worker script the search page starts (src/client/pagefind-instance.ts). */
export const workerScript = 'warta-pagefind-worker.js';

/**
 * Pagefind's worker, run with its WebAssembly fetched once per worker: Pagefind fetches it for
 * every instance, and the search page starts one instance per part of a language's index in one
 * worker (when the build splits languages into parts). A classic worker script, next to Pagefind's own.
 */
const workerSource = `// Written by Warta's build: Pagefind's worker, fetching each WebAssembly file once.
const fetched = new Map();
const fetchOnce = self.fetch.bind(self);
self.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  if (!/\\/wasm\\.[^/]+\\.pagefind$/.test(new URL(url, self.location.href).pathname)) return fetchOnce(input, init);
  if (!fetched.has(url)) fetched.set(url, fetchOnce(input, init));
  return fetched.get(url).then((response) => response.clone());
};
importScripts('pagefind-worker.js');
`;

async function removeUnused(outputPath: string): Promise<void> {
  await writeFile(path.join(outputPath, workerScript), workerSource);
  await Promise.all(unusedBundleFiles.map((file) => rm(path.join(outputPath, file), { force: true })));
}

/**
 * Puts every file of the folder `from` (but those `keep` refuses) into `to`, as a hard link where
 * both are on one file system (a part's thousands of small files are linked in a fraction of the
 * time copying takes), else as a copy. A file already there is left: parts' files are named by
 * their contents, and the script and WebAssembly are the same in every part.
 */
async function linkTree(from: string, to: string, keep: (name: string) => boolean): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const folders = new Set<string>([to]);
  const files: [string, string][] = [];
  for (const entry of entries) {
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    if (entry.isDirectory()) folders.add(target);
    else if (entry.isFile() && keep(entry.name)) files.push([source, target]);
  }
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
  for (let start = 0; start < files.length; start += 256) {
    await Promise.all(
      files.slice(start, start + 256).map(async ([source, target]) => {
        try {
          await link(source, target);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') return;
          if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
          await copyFile(source, target, fsConstants.COPYFILE_EXCL).catch((copyError: NodeJS.ErrnoException) => {
            if (copyError.code !== 'EEXIST') throw copyError;
          });
        }
      }),
    );
  }
}

/** Deletes the kept parts this build did not use. */
async function pruneParts(store: string, used: ReadonlySet<string>): Promise<void> {
  const kept = await readdir(store).catch(() => [] as string[]);
  await Promise.all(
    kept.filter((name) => !used.has(name)).map((name) => rm(path.join(store, name), { recursive: true, force: true })),
  );
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
