/**
 * Real-browser test helpers: serve a built archive over HTTP on 127.0.0.1, drive Debian's Chromium
 * with Playwright, and measure what the browser fetches. Shared by every test under tests/browser/.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import sirv from 'sirv';

/** The Chromium the tests drive; CI installs Debian's package (see .ci/run). */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// Headless, sandbox-free (tests run as root), and quiet: no background traffic to skew measurements.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts Chromium for a test file; close it in `afterAll`. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** A running static server. */
export interface StaticSite {
  /** Origin plus base path, ending in `/`, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** Absolute URL of a site path (`/search/?q=x` → `http://127.0.0.1:41234/search/?q=x`). */
  at(sitePath: string): string;
  /** Stops the server. */
  close(): Promise<void>;
}

/**
 * Serves the folder `dir` the way a static host would (correct content types, `index.html` for
 * folders, 404 otherwise) on 127.0.0.1 at a random free port, under `base` (`/` or `/arsip/`).
 */
export async function serveStatic(dir: string, base = '/'): Promise<StaticSite> {
  const files = sirv(dir, { dev: true, etag: true });
  const prefix = base.replace(/\/$/, '');
  const server: Server = createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.end('not found');
    };
    if (prefix !== '') {
      if (!req.url?.startsWith(`${prefix}/`)) return notFound();
      req.url = req.url.slice(prefix.length);
    }
    files(req, res, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}${prefix}/`;
  return {
    url,
    at: (sitePath) => `${url}${sitePath.replace(/^\//, '')}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** One response the browser received. */
export interface FetchedResource {
  /** Its URL. */
  url: string;
  /**
   * Bytes of the body as sent over the network (0 when the browser's cache answered). The test
   * server sends files as they are: Pagefind's index and WebAssembly files are compressed by
   * Pagefind itself, its scripts only by hosts that compress responses.
   */
  bodyBytes: number;
}

/**
 * Records every response whose URL matches `pattern` while `action` runs, with the bytes the
 * browser received for it. To measure the search payload of one query: open `/search/` with a
 * fresh page, and run `page.goto(site.at('/search/?q=…'))` plus waiting for results as `action`,
 * with `pattern` `/\/pagefind\//`; the sum of `bodyBytes` is what the query cost.
 */
export async function recordFetches(
  page: Page,
  pattern: RegExp,
  action: () => Promise<void>,
): Promise<FetchedResource[]> {
  const pending: Promise<FetchedResource>[] = [];
  const onResponse = (response: Response) => {
    if (!pattern.test(response.url())) return;
    pending.push(
      Promise.all([response.request().sizes(), response.allHeaders()]).then(([sizes, headers]) => ({
        url: response.url(),
        // Chromium reports no body size for a worker's script; its Content-Length is what was sent.
        bodyBytes: sizes.responseBodySize || Number(headers['content-length'] ?? 0),
      })),
    );
  };
  page.on('response', onResponse);
  try {
    await action();
  } finally {
    page.off('response', onResponse);
  }
  return Promise.all(pending);
}
