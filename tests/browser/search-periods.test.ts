/**
 * A large archive's search reads the newest articles first: the search fixture, whose index is built
 * in parts of two articles, with its budget of pages per search lowered to one part, so its older
 * Indonesian articles (2021–2022) are left until the reader asks for them or nothing newer matches.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, recordFetches, serveStatic, type StaticSite } from '../helpers/browser';
import { resultTitles, statusText, waitForAnswer, waitForSearch } from '../helpers/search-page';

const JUAL = 'Korea Utara Jual Peluru Artileri ke Rusia';
const LATIHAN = 'Korea Selatan Gelar Latihan Militer Gabungan';
const DIPLOMAT = 'Diplomat Korea Utara Bertemu Utusan Rusia di Moskow';
const BANJIR = 'Banjir Rendam Permukiman di Jakarta Timur';

let copy: string;
let site: StaticSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  copy = await mkdtemp(path.join(tmpdir(), 'warta-periods-'));
  await cp(inject('searchOutDir'), copy, { recursive: true });
  const entryFile = path.join(copy, 'pagefind', 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as { warta_recent_pages?: number };
  expect(entry.warta_recent_pages).toBe(5_000);
  await writeFile(entryFile, JSON.stringify({ ...entry, warta_recent_pages: 2 }));
  [site, browser] = await Promise.all([serveStatic(copy, inject('searchBase')), launchBrowser()]);
  page = await browser.newPage();
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(copy, { recursive: true, force: true });
});

const periodLine = async () =>
  (await page.locator('[data-search-period]').isVisible())
    ? await page.locator('[data-search-period-text]').textContent()
    : '';

describe('searching an archive larger than one search reads', () => {
  it('reads the newest articles, says since when, and searches the older ones on request', async () => {
    const fetched = await recordFetches(page, /\/pagefind\//, async () => {
      await page.goto(site.at('/search/?q=korea'));
      await waitForAnswer(page);
    });
    expect((await resultTitles(page)).sort()).toEqual([DIPLOMAT, LATIHAN].sort());
    expect(await periodLine()).toBe('Hanya artikel sejak 2023.');
    // Only the newest Indonesian part's page list was fetched.
    expect(fetched.filter((resource) => resource.url.endsWith('.pf_meta'))).toHaveLength(1);

    await page.getByRole('button', { name: 'Cari juga di arsip 2021–2022' }).click();
    await waitForSearch(page, '?q=korea&period=all');
    expect((await resultTitles(page)).sort()).toEqual([DIPLOMAT, JUAL, LATIHAN].sort());
    expect(await statusText(page)).toBe('3 hasil untuk “korea”');
    expect(await periodLine()).toBe('');
    await page.goBack();
    await waitForSearch(page, '?q=korea');
    expect((await resultTitles(page)).sort()).toEqual([DIPLOMAT, LATIHAN].sort());
  });

  it('searches the older articles by itself when the newest have no match', async () => {
    await page.goto(site.at('/search/?q=banjir'));
    await waitForAnswer(page);
    expect(await resultTitles(page)).toEqual([BANJIR]);
    expect(await periodLine()).toBe('Tidak ada hasil di artikel terbaru, jadi seluruh arsip dicari.');
  });

  it('reads the parts that hold a chosen year, however old', async () => {
    await page.goto(site.at('/search/?q=korea&year=2022'));
    await waitForAnswer(page);
    expect(await resultTitles(page)).toEqual([JUAL]);
    expect(await periodLine()).toBe('');
  });
});
