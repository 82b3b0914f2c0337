/**
 * The Content-Security-Policy in a real browser (Debian's Chromium, driven by playwright-core):
 * pages of the hostile fixture load with no violation and run nothing of their content; Pagefind
 * search works under the policy; and script injected into a served page (what a sanitizer bug would
 * let through) is refused, whether the host sends `_headers` or only the meta tag reaches it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { chromium, type Browser, type Page } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, fixturesDir, type BuildResult } from '../helpers/build';
import { waitForAnswer } from '../helpers/search-page';

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const HOSTILE_PATH = '/2024/01/10/script-2e-2e-https-evil-example/';

/** Reads the headers of the `/*` rule of a `_headers` file. */
function readHeadersRule(file: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of file.split('\n').slice(1)) {
    const match = /^\s+([^:]+):\s*(.*)$/.exec(line);
    if (!match) break;
    headers[match[1]!] = match[2]!;
  }
  return headers;
}

/** Serves `dir` on 127.0.0.1 as a static host would, with `headers` on every response. */
async function serve(dir: string, headers: Record<string, string>): Promise<{ url: string; server: Server }> {
  const files = sirv(dir, {
    dev: true,
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    },
  });
  const server = createServer((req, res) =>
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Opens a page that records every CSP violation and every dialog a script would open. */
async function openRecordingPage(browser: Browser): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Init scripts come from the browser's debugging protocol, which the page's policy does not govern.
  await page.addInitScript(() => {
    const recorded: string[] = [];
    (window as unknown as { violations: string[] }).violations = recorded;
    document.addEventListener('securitypolicyviolation', (event) =>
      recorded.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  return { page, dialogs };
}

const violationsOf = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

describe('the Content-Security-Policy in Chromium', () => {
  let build: BuildResult;
  let browser: Browser;
  let withHeaders: { url: string; server: Server };
  let metaOnly: { url: string; server: Server };
  let weakened: { url: string; server: Server };

  beforeAll(async () => {
    build = await buildArchive(path.join(fixturesDir, 'hostile', 'renders', 'content'), {
      SOURCE_DATE_EPOCH: '1767225600',
      TZ: 'UTC',
    });
    if (build.exitCode !== 0) throw new Error(build.output);
    // The search index, written as the build's search step does, with Pagefind's Node API.
    const { index, errors } = await pagefind.createIndex({});
    try {
      if (!index) throw new Error(errors.join('\n'));
      const added = await index.addDirectory({ path: build.outDir });
      const written = await index.writeFiles({ outputPath: path.join(build.outDir, 'pagefind') });
      const problems = [...added.errors, ...written.errors];
      if (problems.length > 0) throw new Error(problems.join('\n'));
    } finally {
      await pagefind.close();
    }
    const headers = readHeadersRule(await build.read('/_headers'));
    withHeaders = await serve(build.outDir, headers);
    metaOnly = await serve(build.outDir, {});
    // The same header without 'wasm-unsafe-eval', to show the search test notices a policy too strict.
    const policy = headers['Content-Security-Policy']!.replace(" 'wasm-unsafe-eval'", '');
    weakened = await serve(build.outDir, { 'Content-Security-Policy': policy });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    for (const site of [withHeaders, metaOnly, weakened]) site?.server.close();
    await build?.cleanup();
  });

  it('loads pages with their styles and structured data, and no violation or dialog', async () => {
    for (const sitePath of ['/', HOSTILE_PATH, '/tags/javascript-alert-1/', '/2024/01/12/rtl-emoji/']) {
      const { page, dialogs } = await openRecordingPage(browser);
      const response = await page.goto(`${withHeaders.url}${sitePath}`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      // The archive's stylesheet loaded (a refused one would not be listed).
      expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
      expect(await violationsOf(page), sitePath).toEqual([]);
      expect(dialogs, sitePath).toEqual([]);
      await page.close();
    }
  });

  it('lets Pagefind search, and only because WebAssembly is allowed', async () => {
    const search = async (origin: string) => {
      const { page } = await openRecordingPage(browser);
      await page.goto(`${origin}/`);
      // A string, not a function: the test runner rewrites import() in functions it compiles.
      const result = (await page.evaluate(`(async () => {
        try {
          const pagefind = await import('/pagefind/pagefind.js');
          const found = await pagefind.search('paragraf');
          return { urls: await Promise.all(found.results.map(async (r) => (await r.data()).url)) };
        } catch (error) {
          return { error: String(error) };
        }
      })()`)) as { urls?: string[]; error?: string };
      const violations = await violationsOf(page);
      await page.close();
      return { ...result, violations };
    };
    const allowed = await search(withHeaders.url);
    expect(allowed.error).toBeUndefined();
    expect(allowed.violations).toEqual([]);
    expect(allowed.urls?.length).toBeGreaterThan(0);
    const refused = await search(weakened.url);
    expect(refused.urls ?? []).toEqual([]);
    expect(refused.error).toMatch(/Failed to load the Pagefind WASM[\s\S]*Content Security/);
  });

  it('answers on the search page, from Pagefind’s worker, with no violation', async () => {
    const { page } = await openRecordingPage(browser);
    await page.goto(`${withHeaders.url}/search/?q=paragraf`);
    await waitForAnswer(page);
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    // The search ran in a worker (Pagefind's, in the build's wrapper), under the policy the host sent
    // with the worker's script.
    expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toContain(
      '/pagefind/warta-pagefind-worker.js',
    );
    expect(await violationsOf(page)).toEqual([]);
    await page.close();
  });

  for (const [delivery, site] of [
    ['the _headers header', () => withHeaders],
    ['the meta tag alone', () => metaOnly],
  ] as const) {
    it(`refuses script injected into a page, with ${delivery}`, async () => {
      const { page, dialogs } = await openRecordingPage(browser);
      const origin = site().url;
      // What a sanitizer bug would let through, put straight into the served article.
      await page.route(`${origin}${HOSTILE_PATH}`, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(
          '<div class="article-body"',
          `<script>alert('inline')</script><img src="/nothing.png" onerror="alert('handler')">` +
            `<a id="injected" href="javascript:alert('link')">klik</a><div style="color: red">x</div>` +
            `<div class="article-body"`,
        );
        await route.fulfill({ response, body: html });
      });
      await page.goto(`${origin}${HOSTILE_PATH}`);
      await page.click('#injected');
      // Violations are reported asynchronously: the inline script, the handler and the link.
      await expect
        .poll(async () => (await violationsOf(page)).filter((v) => v.startsWith('script-src')).length, {
          timeout: 10_000,
        })
        .toBeGreaterThanOrEqual(3);
      expect((await violationsOf(page)).some((v) => v.startsWith('style-src'))).toBe(true);
      expect(dialogs).toEqual([]);
      await page.close();
    });
  }
});
