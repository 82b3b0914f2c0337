/**
 * HTML validation of what changed: the digest of every page that passed validation is kept with the
 * build cache, and the next verify validates only the pages whose bytes differ from their recorded
 * digest (new pages included), plus a sample of every page type, spread over the archive, as a
 * guard against a store that no longer tells the truth. A page that fails is never recorded, so it is
 * validated again until it passes; a change of the rules or of html-validate starts a new store.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { digestPageBytes, htmlRules, samplePagesByType, validateSiteHtml, type SiteHtmlReport } from './site-html';

/** Pages of each type validated on every run, changed or not, unless told otherwise. */
export const DEFAULT_SAMPLE_PER_TYPE = 20;

// Raised when the checks of site-html.ts change in a way the rules object does not show.
const CHECKS_VERSION = 1;

/** Where the digests of verified pages are kept, inside the build's cache folder. */
export function htmlDigestFile(cacheDir: string): string {
  return path.join(cacheDir, 'warta-verify', 'html-digests.json');
}

/**
 * What a recorded digest vouches for: the rules, the checks of our own and the version of
 * html-validate. A store made under another key says nothing about the pages now.
 */
export function htmlRulesKey(): string {
  const version = (createRequire(import.meta.url)('html-validate/package.json') as { version: string }).version;
  return digestPageBytes(Buffer.from(JSON.stringify({ htmlRules, CHECKS_VERSION, version })));
}

interface StoredDigests {
  key: string;
  pages: Record<string, string>;
}

/** Reads the recorded digests, by page file; none when there is no store, or it was made under other rules. */
export async function readHtmlDigests(file: string, key = htmlRulesKey()): Promise<Map<string, string>> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as StoredDigests;
    return stored.key === key && stored.pages ? new Map(Object.entries(stored.pages)) : new Map();
  } catch {
    return new Map();
  }
}

/** Records the digests of verified pages, replacing the store whole (written aside, then renamed). */
export async function writeHtmlDigests(
  file: string,
  digests: ReadonlyMap<string, string>,
  key = htmlRulesKey(),
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const pages = Object.fromEntries([...digests].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, JSON.stringify({ key, pages } satisfies StoredDigests));
  await rename(partial, file);
}

/** The digest of every page's bytes, by file relative to the output folder. */
export async function digestPages(
  outDir: string,
  pages: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  for (const page of pages) {
    digests.set(page, digestPageBytes(await readFile(path.join(outDir, page))));
    onProgress?.(digests.size, pages.length);
  }
  return digests;
}

/** Which pages a verify validates, and why. */
export interface PageSelection {
  /** Every page to validate, in name order. */
  pages: string[];
  /** Of those, the pages that are new or whose bytes changed since they last passed. */
  changed: number;
  /** Of those, the unchanged pages validated as part of the sample of each type. */
  sampled: number;
}

/**
 * The pages to validate: every page whose digest differs from the one recorded when it last passed
 * (every page, when nothing is recorded), plus `perType` unchanged pages of each type.
 */
export function selectPagesToValidate(
  current: ReadonlyMap<string, string>,
  recorded: ReadonlyMap<string, string>,
  perType = DEFAULT_SAMPLE_PER_TYPE,
): PageSelection {
  const all = [...current.keys()].sort();
  const changed = all.filter((page) => recorded.get(page) !== current.get(page));
  const changedSet = new Set(changed);
  const sample = perType > 0 ? samplePagesByType(all, perType).filter((page) => !changedSet.has(page)) : [];
  return { pages: [...changed, ...sample].sort(), changed: changed.length, sampled: sample.length };
}

/**
 * The digests to keep after a run: those of the pages that passed now, and the recorded ones of
 * pages not validated this time whose bytes are still those recorded. Failed and removed pages drop out.
 */
export function recordPassedPages(
  current: ReadonlyMap<string, string>,
  recorded: ReadonlyMap<string, string>,
  validated: readonly string[],
  passed: Readonly<Record<string, string>>,
): Map<string, string> {
  const validatedSet = new Set(validated);
  const kept = new Map<string, string>();
  for (const [page, digest] of current) {
    if (validatedSet.has(page)) {
      // The digest of the bytes that were validated, which is the current one unless the page changed meanwhile.
      if (passed[page] === digest) kept.set(page, digest);
    } else if (recorded.get(page) === digest) kept.set(page, digest);
  }
  return kept;
}

/** Options for {@link validateChangedHtml}. */
export interface ChangedHtmlOptions {
  /** The build's cache folder (`WARTA_CACHE_DIR`), where the digests are kept. */
  cacheDir: string;
  /** Sub-path the archive was built for, to name pages as the reader sees them. */
  base?: string;
  /** Validate every page, whatever is recorded (the digests of those that pass are still recorded). */
  full?: boolean;
  /** Unchanged pages of each type validated all the same; defaults to {@link DEFAULT_SAMPLE_PER_TYPE}. */
  perType?: number;
  /** Worker threads; see {@link validateSiteHtml}. */
  threads?: number;
  /** Called as pages are validated, with how many are done of how many. */
  onProgress?: (done: number, total: number) => void;
  /** Called as pages are read to compare their digests, before any is validated. */
  onDigestProgress?: (done: number, total: number) => void;
}

/** What {@link validateChangedHtml} found, with how the pages were chosen. */
export interface ChangedHtmlReport extends SiteHtmlReport {
  /** HTML pages in the archive. */
  total: number;
  /** Pages validated because they are new or changed (all of them with `full`). */
  changed: number;
  /** Unchanged pages validated as part of the sample. */
  sampled: number;
}

/**
 * Validates the pages of the archive in `outDir` that changed since they last passed, plus a sample
 * of every type (or every page, with `full`), and records the digests of those that pass.
 */
export async function validateChangedHtml(outDir: string, options: ChangedHtmlOptions): Promise<ChangedHtmlReport> {
  const root = path.resolve(outDir);
  const all = (await glob('**/*.html', { cwd: root })).sort();
  const store = htmlDigestFile(options.cacheDir);
  const key = htmlRulesKey();
  const current = await digestPages(root, all, options.onDigestProgress);
  const recorded = options.full ? new Map<string, string>() : await readHtmlDigests(store, key);
  const selection = selectPagesToValidate(current, recorded, options.perType);
  const report = await validateSiteHtml(root, {
    pages: selection.pages,
    ...(options.base === undefined ? {} : { base: options.base }),
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  await writeHtmlDigests(store, recordPassedPages(current, recorded, selection.pages, report.passed), key);
  return { ...report, total: all.length, changed: selection.changed, sampled: selection.sampled };
}
