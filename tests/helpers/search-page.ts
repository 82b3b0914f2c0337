/**
 * Reading the search page in a real browser: waiting for a search to finish and collecting what a
 * reader sees.
 */
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser, serveStatic, type StaticSite } from './browser';

/** Headlines of articles of the search fixture (tests/fixtures/search), as its results show them. */
export const SEARCH_HEADLINES = {
  JUAL: 'Korea Utara Jual Peluru Artileri ke Rusia',
  LATIHAN: 'Korea Selatan Gelar Latihan Militer Gabungan',
  DIPLOMAT: 'Diplomat Korea Utara Bertemu Utusan Rusia di Moskow',
  BANJIR: 'Banjir Rendam Permukiman di Jakarta Timur',
  TALKS: 'Korea Talks Stall in Geneva',
  SANCTIONS: 'Western Measures Bite in Moscow',
} as const;

/**
 * Serves the search fixture archive that the browser tests' global setup built (under its sub-path)
 * and opens Chromium, both at once.
 */
export function openSearchFixture(): Promise<[StaticSite, Browser]> {
  return Promise.all([serveStatic(inject('searchOutDir'), inject('searchBase')), launchBrowser()]);
}

/** Opens a page that reaches no other host: results' images point at one, and the tests stay offline. */
export async function openOfflinePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  return page;
}

/**
 * Waits until the search page has answered: the results and, when the filter panel is open, its
 * counts are not busy, and the status says something.
 */
export async function waitForAnswer(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const list = document.querySelector('[data-search-results]');
    const filters = document.querySelector('[data-search-filters]');
    const status = document.querySelector('#search-status');
    return (
      list !== null &&
      !list.hasAttribute('aria-busy') &&
      !filters?.hasAttribute('aria-busy') &&
      (status?.textContent ?? '') !== ''
    );
  });
}

/** Opens the filter panel, as a reader clicks "Saring hasil", and waits until its values and counts show. */
export async function openFilters(page: Page): Promise<void> {
  const panel = page.locator('[data-search-filter-panel]');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  await waitForFilters(page);
}

/** Waits until the open filter panel shows its values and counts. */
export async function waitForFilters(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const box = document.querySelector('[data-search-filters]');
    return box !== null && !box.hasAttribute('aria-busy') && box.querySelector('fieldset') !== null;
  });
}

/** Waits until the page's URL has the query string `search` (`?q=korea&sort=date`), then for the answer. */
export async function waitForSearch(page: Page, search: string): Promise<void> {
  await page.waitForFunction((expected) => location.search === expected, search);
  await waitForAnswer(page);
}

/** The headlines of the results shown, in order. */
export function resultTitles(page: Page): Promise<string[]> {
  return page.locator('.search-result h3').allInnerTexts();
}

/** The status line above the results. */
export async function statusText(page: Page): Promise<string> {
  return (await page.locator('#search-status').textContent()) ?? '';
}

/** Types `query` into the search page's box and presses Enter, then waits for the answer. */
export async function searchFor(page: Page, query: string): Promise<void> {
  const box = page.locator('#search-query');
  await box.fill(query);
  await box.press('Enter');
  await waitForSearch(page, `?${new URLSearchParams({ q: query.trim() }).toString()}`);
}
