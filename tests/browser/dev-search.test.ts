/**
 * Search under `npm run dev`: it uses the index of the last build, and says so when there is none.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { fixturesDir } from '../helpers/build';
import { startDevServer, type DevServer } from '../helpers/dev-server';
import { resultTitles, statusText, waitForAnswer } from '../helpers/search-page';

let work: string;
let server: DevServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // The dev server's output folder starts without a build, as on a fresh checkout.
  work = await mkdtemp(path.join(tmpdir(), 'warta-dev-'));
  [server, browser] = await Promise.all([
    startDevServer({
      WARTA_CONTENT_DIR: path.join(fixturesDir, 'search', 'content'),
      WARTA_OUT_DIR: path.join(work, 'dist'),
      WARTA_CACHE_DIR: path.join(work, 'cache'),
      TZ: 'UTC',
    }),
    launchBrowser(),
  ]);
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('search in the development server', () => {
  it('says that there is no index until the archive has been built', async () => {
    await page.goto(`${server.url}search/?q=sanction`);
    await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') !== '');
    expect(await statusText(page)).toContain('belum ada build. Jalankan npm run build sekali');
    expect(await page.locator('#search-query').inputValue()).toBe('sanction');
    // Without an index there is nothing to sort or filter.
    expect(await page.getByRole('group', { name: 'Urutkan' }).isVisible()).toBe(false);
  });

  it('searches the index of the last build', async () => {
    await cp(path.join(inject('searchOutDir'), 'pagefind'), path.join(work, 'dist', 'pagefind'), { recursive: true });
    await page.goto(`${server.url}search/?q=sanction`);
    await waitForAnswer(page);
    expect(await resultTitles(page)).toEqual(['Western Measures Bite in Moscow']);
    expect(await page.locator('.search-notice').textContent()).toContain('memakai indeks dari npm run build terakhir');
  });
});
