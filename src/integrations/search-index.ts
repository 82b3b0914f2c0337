/**
 * Writes the Pagefind search index of a built archive with Pagefind's Node API, and serves the last
 * build's index to the development server.
 */
import { readFile, rm } from 'node:fs/promises';
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

/**
 * Indexes the built site in `siteDir` and writes the index to `siteDir/pagefind/`. With `pagePaths`
 * (site paths of the pages that carry `data-pagefind-body`: the articles), Pagefind reads only those
 * files; without, every HTML page in the folder. Throws a `SearchIndexError` naming every error
 * Pagefind reported; Pagefind's service is always closed.
 */
export async function writeSearchIndex(siteDir: string, pagePaths?: readonly string[]): Promise<SearchIndexResult> {
  const outputPath = path.join(siteDir, searchIndexFolder);
  try {
    // No forceLanguage: each page is indexed, and stemmed, in the language of its <html lang>. The
    // "#" of heading anchors is not a word of the article, and would show in excerpts.
    const { errors: createErrors, index } = await pagefind.createIndex({ excludeSelectors: ['.heading-anchor'] });
    check('start an index', createErrors);
    if (!index) throw new SearchIndexError('Pagefind could not start an index and gave no reason');
    // Reading only the article pages spares Pagefind the listings (more than half of a large
    // archive's pages), which it would read in full only to find no data-pagefind-body. One glob
    // at a time, in a fixed order, so every build adds the pages in the same order.
    const sources = pagePaths
      ? pageFilesGlobs(pagePaths).map((glob) => ({ path: siteDir, glob }))
      : [{ path: siteDir }];
    let pageCount = 0;
    for (const source of sources) {
      const added = await index.addDirectory(source);
      check(`index the pages in ${siteDir}`, added.errors);
      pageCount += added.page_count;
    }
    const written = await index.writeFiles({ outputPath });
    check(`write the index to ${outputPath}`, written.errors);
    await Promise.all(unusedBundleFiles.map((file) => rm(path.join(outputPath, file), { force: true })));
    return { pageCount, outputPath };
  } finally {
    await pagefind.close();
  }
}

/** Reads how many pages a written index holds per language, for the build log: `{ id: 10, en: 6 }`. */
export async function countIndexedPages(outputPath: string): Promise<Record<string, number>> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.fromEntries(
    Object.entries(entry.languages).map(([language, { page_count }]) => [language, page_count]),
  );
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
