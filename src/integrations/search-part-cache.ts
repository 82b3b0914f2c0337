/**
 * The parts of the search index kept between builds, in Astro's cache folder (`warta-search/`):
 * each part under a digest of everything it is made from, written whole or not at all, linked into
 * the output, and pruned when no build uses it any more.
 */
import { createHash } from 'node:crypto';
import { constants as fsConstants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { IndexPart } from '../lib/search/search-parts';
import { pageFileOf, type SearchPartPlan } from '../lib/search/search-plan';

/** Raised when Pagefind reports a problem; the message lists every error it gave. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** The contents of pagefind-entry.json, as Pagefind writes it and as the search page reads it. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string; page_count: number }>;
  include_characters?: string[];
  /** The parts of the index, oldest first within each language (written by Warta). */
  warta_parts?: IndexPart[];
}

/** Reads the pagefind-entry.json of the index in the folder `bundle`. */
export async function readEntry(bundle: string): Promise<PagefindEntry> {
  return JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
}

// Bumped when what goes into a part changes in a way the pages' bytes do not show (2: each part
// indexed as a language of its own, its key).
const PART_FORMAT = '2';

/** What Pagefind is given for every part: heading anchors are a "#" each, nothing a reader searches for. */
export const pagefindOptions = { excludeSelectors: ['.heading-anchor'] };

/** Throws a SearchIndexError naming every error Pagefind gave at `step`, if it gave any. */
function checkPagefind(step: string, errors: readonly string[]): void {
  if (errors.length > 0) {
    throw new SearchIndexError(`Pagefind could not ${step}:\n${errors.map((error) => `  ${error}`).join('\n')}`);
  }
}

/**
 * Indexes the HTML pages of `siteDir` that `globs` select (every one without globs, none with an
 * empty list), one glob at a time in their order, so every build adds the pages in the same order,
 * into a new index written to `outputPath`; returns how many pages Pagefind read. Every `errors`
 * Pagefind gives is checked, and the index is always forgotten (its service would otherwise keep it).
 */
export async function indexWithPagefind(
  siteDir: string,
  globs: readonly string[] | undefined,
  outputPath: string,
  options: pagefind.PagefindServiceConfig = pagefindOptions,
): Promise<number> {
  const { errors: createErrors, index } = await pagefind.createIndex(options);
  checkPagefind('start an index', createErrors);
  if (!index) throw new SearchIndexError('Pagefind could not start an index and gave no reason');
  try {
    const sources = globs ? globs.map((glob) => ({ path: siteDir, glob })) : [{ path: siteDir }];
    let pageCount = 0;
    for (const source of sources) {
      const added = await index.addDirectory(source);
      checkPagefind(`index the pages in ${siteDir}`, added.errors);
      pageCount += added.page_count;
    }
    checkPagefind(`write the index to ${outputPath}`, (await index.writeFiles({ outputPath })).errors);
    return pageCount;
  } finally {
    await index.deleteIndex?.();
  }
}

/** Pagefind's version, which the written files depend on. */
export async function pagefindVersion(): Promise<string> {
  // Pagefind's package exports no package.json; it is looked for where Node would find the package.
  for (const folder of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    const manifest = path.join(folder, 'pagefind', 'package.json');
    if (existsSync(manifest)) return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
  }
  throw new SearchIndexError('Pagefind is not installed (no node_modules/pagefind/package.json)');
}

/**
 * A digest of everything a part's index is made from: Pagefind's version, the options it is given
 * (`options`), and each page's bytes.
 */
export async function partDigest(
  siteDir: string,
  part: SearchPartPlan,
  version: string,
  options: unknown,
): Promise<string> {
  const digest = createHash('sha256').update(`${PART_FORMAT}\n${version}\n${JSON.stringify(options)}\n`);
  const files = part.paths.map(pageFileOf);
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

/** A part in the cache: Pagefind's entry for its one language, and whether an earlier build wrote it. */
export interface CachedPart {
  /** The hash of its metadata, its WebAssembly and its number of pages. */
  entry: { hash: string; wasm: string; page_count: number };
  pageCount: number;
  reused: boolean;
}

/**
 * Returns the part kept in the folder `cached`, first writing it with `write` (into the folder it
 * is given) unless an earlier build left it there. The part is written next to its final folder
 * and renamed into place, so an interrupted build leaves no half-written part behind. Throws when
 * the part holds other languages than its own.
 */
export async function keepPart(
  part: IndexPart,
  cached: string,
  write: (outputPath: string) => Promise<unknown>,
): Promise<CachedPart> {
  const done = path.join(cached, 'pagefind-entry.json');
  let reused = true;
  if (!existsSync(done)) {
    reused = false;
    const temporary = `${cached}.${String(process.pid)}.tmp`;
    await rm(temporary, { recursive: true, force: true });
    await write(temporary);
    await rm(cached, { recursive: true, force: true });
    await rename(temporary, cached);
  }
  const entry = await readEntry(cached);
  const languages = Object.values(entry.languages);
  if (languages.length !== 1) {
    throw new SearchIndexError(
      `the search index part ${part.key} should hold its ${part.language} pages only, but Pagefind found ` +
        `${Object.keys(entry.languages).join(', ') || 'none it could index'} (check that its pages have data-pagefind-body)`,
    );
  }
  return { entry: languages[0]!, pageCount: languages[0]!.page_count, reused };
}

/**
 * Puts every file of the folder `from` (but those `keep` refuses, by their path in `from` with `/`
 * separators) into `to`, as a hard link where both are on one file system (a part's thousands of
 * small files are linked in a fraction of the time copying takes), else as a copy. A file already
 * there is left: parts' files are named by their contents, the script and WebAssembly are the same
 * in every part, and a page every shard rendered is the same in each. Folders and links are made
 * with the synchronous calls, one after another, which nothing else waits on meanwhile.
 */
export async function linkTree(from: string, to: string, keep: (file: string) => boolean): Promise<void> {
  const entries = readdirSync(from, { recursive: true, withFileTypes: true });
  const folders = new Set<string>([to]);
  const files: [string, string][] = [];
  for (const entry of entries) {
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    if (entry.isDirectory()) folders.add(target);
    else if (entry.isFile() && keep(path.relative(from, source).split(path.sep).join('/')))
      files.push([source, target]);
  }
  for (const folder of [...folders].sort()) mkdirSync(folder, { recursive: true });
  for (const [source, target] of files) {
    try {
      linkSync(source, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
      try {
        copyFileSync(source, target, fsConstants.COPYFILE_EXCL);
      } catch (copyError) {
        if ((copyError as NodeJS.ErrnoException).code !== 'EEXIST') throw copyError;
      }
    }
  }
}

/** Deletes the kept parts this build did not use. */
export async function pruneParts(store: string, used: ReadonlySet<string>): Promise<void> {
  const kept = await readdir(store).catch(() => [] as string[]);
  await Promise.all(
    kept.filter((name) => !used.has(name)).map((name) => rm(path.join(store, name), { recursive: true, force: true })),
  );
}
