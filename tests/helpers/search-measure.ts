/**
 * Measuring a query as a reader's browser runs it, on Warta's search page and on plain Pagefind over
 * the same pages: which articles come first, how long until the first and the complete results
 * show, and how many bytes the browser fetched until each. Each query runs in a fresh browser
 * context, so nothing is answered from an earlier query's cache. Shared by the ranking test
 * (tests/browser/search-ranking.test.ts) and the benchmark (`npm run bench`).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { Browser, BrowserContext, Request } from 'playwright-core';
import * as pagefind from 'pagefind';
import type { StaticSite } from './browser';
import { waitForAnswer } from './search-page';

/** The folder, inside a built archive, where `writePlainIndex` puts plain Pagefind's index. */
export const plainIndexFolder = 'plain-pagefind';

/** What one query showed and cost. */
export interface QueryRun {
  /** Site paths of the results shown, in order (the first page: ten on Warta's page). */
  paths: string[];
  /** Number of matching articles. */
  total: number;
  /** Milliseconds from navigation to the first results on screen (equal to complete when shown at once). */
  firstMs: number;
  /** Milliseconds from navigation to the complete results on screen. */
  completeMs: number;
  /** Bytes of search scripts, index and WebAssembly fetched until the first results showed. */
  firstBytes: number;
  /** The same until the complete results showed. */
  completeBytes: number;
  /** The same bytes had the host gzipped what it sends (Pagefind's index files are compressed already). */
  firstGzipBytes: number;
  completeGzipBytes: number;
}

/**
 * Indexes the built archive in `outDir` with Pagefind's defaults, as `pagefind --site` would (only
 * pages with `data-pagefind-body`, the articles, since some have it), into `outDir/plain-pagefind/`,
 * with a page that queries it through Pagefind's own `pagefind.js`.
 */
export async function writePlainIndex(outDir: string): Promise<number> {
  const outputPath = path.join(outDir, plainIndexFolder);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
    await writeFile(path.join(outputPath, 'harness.html'), harness);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

// Queries plain Pagefind's index of each language in that language (its own stemmer), as
// `pagefind.js` does on a page in that language, one copy of the script per language; merges the
// results by score, as Pagefind's multi-index search does; and loads the fragments of the first
// `count`, as a results page shows them. (Pagefind's own `mergeIndex` would stem every language's
// query with the first language's WebAssembly.)
const harness = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Plain Pagefind</title></head>
<body><script type="module">
window.plainSearch = async (query, count, languages) => {
  const answers = [];
  for (const language of languages) {
    const pagefind = await import('./pagefind.js#' + language);
    await pagefind.options({ baseUrl: '/' });
    document.documentElement.lang = language;
    await pagefind.init();
    answers.push(await pagefind.search(query));
  }
  document.documentElement.lang = 'id';
  const results = answers.flatMap((answer) => answer.results).sort((a, b) => b.score - a.score);
  const data = await Promise.all(results.slice(0, count).map((result) => result.data()));
  return { total: results.length, paths: data.map((item) => item.url) };
};
</script></body></html>
`;

const gzipped = new Map<string, Promise<number>>();

/** Bytes of the file at `file` gzip-compressed, for a host that compresses what it sends. */
function gzipSize(file: string): Promise<number> {
  let size = gzipped.get(file);
  if (!size) {
    size = existsSync(file) ? readFile(file).then((bytes) => gzipSync(bytes).length) : Promise.resolve(Infinity);
    gzipped.set(file, size);
  }
  return size;
}

/**
 * Records the bytes and finishing time of every request whose URL matches `pattern`; `root` is the
 * folder the URLs' paths are served from (below `prefix`), to work out what gzip would have sent.
 */
function recordRequests(context: BrowserContext, pattern: RegExp, root: string, prefix: string) {
  const finished: { at: number; bytes: Promise<number>; gzipBytes: Promise<number> }[] = [];
  const onFinished = (request: Request) => {
    if (!pattern.test(request.url())) return;
    const at = Date.now();
    const pathname = decodeURIComponent(new URL(request.url()).pathname).slice(prefix.length);
    const bytes = request
      .sizes()
      .then(async (sizes) => {
        // Chromium reports no body size for a worker's script; its Content-Length is what was sent.
        if (sizes.responseBodySize > 0) return sizes.responseBodySize;
        const headers = (await request.response())?.headers() ?? {};
        return Number(headers['content-length'] ?? 0);
      })
      .catch(() => 0);
    const gzipBytes = bytes.then(async (sent) =>
      sent === 0
        ? 0
        : Math.min(sent, await gzipSize(path.join(root, pathname, pathname.endsWith('/') ? 'index.html' : ''))),
    );
    finished.push({ at, bytes, gzipBytes });
  };
  context.on('requestfinished', onFinished);
  return {
    /** Bytes of the requests that finished by `until`, as sent and as gzip would have sent them. */
    async bytesUntil(until: number): Promise<{ bytes: number; gzipBytes: number }> {
      let bytes = 0;
      let gzipBytes = 0;
      for (const request of finished) {
        if (request.at > until) continue;
        bytes += await request.bytes;
        gzipBytes += await request.gzipBytes;
      }
      return { bytes, gzipBytes };
    },
    stop: () => context.off('requestfinished', onFinished),
  };
}

/**
 * Opens `/search/?q=…` on Warta's built archive served at `site` and waits for the complete
 * results; counts what the search page's scripts and the index cost.
 */
export async function runWartaQuery(
  browser: Browser,
  site: StaticSite,
  root: string,
  query: string,
): Promise<QueryRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const marks: Record<string, number> = {};
    await page.exposeBinding('__wartaSearchMark', (_source, name: string) => {
      marks[name] = Date.now();
    });
    await page.addInitScript(() => {
      const report = (window as unknown as { __wartaSearchMark: (name: string) => void }).__wartaSearchMark;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.name.startsWith('warta:')) report(entry.name);
      }).observe({ type: 'mark', buffered: true });
    });
    const prefix = new URL(site.url).pathname.replace(/\/$/, '');
    const requests = recordRequests(context, /\/pagefind\/|\/_astro\/[^/]+\.js(\?|$)/, root, prefix);
    const started = Date.now();
    await page.goto(site.at(`/search/?q=${encodeURIComponent(query)}`));
    await waitForAnswer(page);
    await page.waitForFunction(() => performance.getEntriesByName('warta:search-complete').length > 0);
    // The binding's calls arrive after the requests that finished before them.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    const complete = marks['warta:search-complete'] ?? Date.now();
    const first = marks['warta:search-first'] ?? complete;
    const paths = await page
      .locator('.search-result h3 a')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    const status = (await page.locator('#search-status').textContent()) ?? '';
    const total = Number(/^([\d.,\s]+)\s/.exec(status)?.[1]?.replace(/\D/g, '') ?? 0);
    const [firstBytes, completeBytes] = [await requests.bytesUntil(first), await requests.bytesUntil(complete)];
    const run: QueryRun = {
      paths: paths.map((pathname) => pathname.slice(prefix.length)),
      total,
      firstMs: first - started,
      completeMs: complete - started,
      firstBytes: firstBytes.bytes,
      completeBytes: completeBytes.bytes,
      firstGzipBytes: firstBytes.gzipBytes,
      completeGzipBytes: completeBytes.gzipBytes,
    };
    requests.stop();
    return run;
  } finally {
    await context.close();
  }
}

/**
 * Runs `query` on plain Pagefind's index of the same archive (`writePlainIndex`), in each of
 * `languages` (Indonesian alone unless given), merged by score, loading the first `count` results.
 */
export async function runPlainQuery(
  browser: Browser,
  site: StaticSite,
  root: string,
  query: string,
  options: { count?: number; languages?: readonly string[] } = {},
): Promise<QueryRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(site.at(`/${plainIndexFolder}/harness.html`));
    await page.waitForFunction(() => 'plainSearch' in window);
    const prefix = new URL(site.url).pathname.replace(/\/$/, '');
    const requests = recordRequests(context, new RegExp(`/${plainIndexFolder}/(?!harness)`), root, prefix);
    const started = Date.now();
    const answer = await page.evaluate(
      ([text, count, languages]) =>
        (
          window as unknown as {
            plainSearch: (q: string, n: number, l: readonly string[]) => Promise<{ total: number; paths: string[] }>;
          }
        ).plainSearch(text, count, languages),
      [query, options.count ?? 10, options.languages ?? ['id']] as const,
    );
    const done = Date.now();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    const { bytes, gzipBytes } = await requests.bytesUntil(done);
    requests.stop();
    return {
      ...answer,
      firstMs: done - started,
      completeMs: done - started,
      firstBytes: bytes,
      completeBytes: bytes,
      firstGzipBytes: gzipBytes,
      completeGzipBytes: gzipBytes,
    };
  } finally {
    await context.close();
  }
}
