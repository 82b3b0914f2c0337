/**
 * The two language versions of the sample's North Korea shells story in a reader's browser: a search
 * finds both, neither hiding the other, each page's language link leads to the other version, and
 * both pages stay free of accessibility violations with the link, in either theme.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, serveStatic, type StaticSite } from '../helpers/browser';
import { resultTitles, searchFor } from '../helpers/search-page';

const INDONESIAN = {
  path: '/2022/09/06/korea-utara-jual-peluru-artileri-ke-rusia/',
  title: 'Korea Utara Jual Jutaan Peluru Artileri ke Rusia',
};
const ENGLISH = {
  path: '/2022/09/06/north-korea-sells-artillery-shells-to-russia/',
  title: 'North Korea Is Selling Millions of Artillery Shells to Russia, US Says',
};

// The later parts of the series the Indonesian version opens, which tell of Pyongyang too.
const LATER_PARTS = [
  'Kim Jong Un dan Putin Bertemu di Kosmodrom Vostochny',
  'Rusia dan Korea Utara Teken Pakta Saling Bantu bila Diserang',
];

let site: StaticSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [site, browser] = await Promise.all([serveStatic(inject('sampleOutDir')), launchBrowser()]);
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('a story in two languages', () => {
  it('is found in both versions by a name both tell of', async () => {
    await page.goto(site.at('/search/'));
    await searchFor(page, 'Pyongyang');
    expect((await resultTitles(page)).sort()).toEqual([INDONESIAN.title, ENGLISH.title, ...LATER_PARTS].sort());
  });

  it('puts first, for a word of one language, the version written in it', async () => {
    // An index without the word answers with looser matches; the one holding it as written ranks first.
    // The series' later parts use the word too, and are in Indonesian: an Indonesian article leads,
    // and the Indonesian version comes before the English one.
    await searchFor(page, 'amunisi');
    const ranked = await resultTitles(page);
    expect([INDONESIAN.title, ...LATER_PARTS]).toContain(ranked[0]);
    expect(ranked).toContain(INDONESIAN.title);
    if (ranked.includes(ENGLISH.title)) {
      expect(ranked.indexOf(INDONESIAN.title)).toBeLessThan(ranked.indexOf(ENGLISH.title));
    }
    await searchFor(page, 'ammunition');
    expect((await resultTitles(page))[0]).toBe(ENGLISH.title);
  });

  it('leads from each version to the other by its language link', async () => {
    await page.goto(site.at(INDONESIAN.path));
    await page.getByRole('link', { name: /^Baca dalam bahasa Inggris/ }).click();
    await page.waitForURL(site.at(ENGLISH.path));
    await expect(page.locator('h1').textContent()).resolves.toBe(ENGLISH.title);
    await page.getByRole('link', { name: /^Read in Indonesian/ }).click();
    await page.waitForURL(site.at(INDONESIAN.path));
    await expect(page.locator('h1').textContent()).resolves.toBe(INDONESIAN.title);
  });

  it('keeps both pages free of WCAG 2.2 A and AA and best-practice violations, in both themes', async () => {
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      const themed = await context.newPage();
      for (const { path } of [INDONESIAN, ENGLISH]) {
        await themed.goto(site.at(path));
        const results = await new AxeBuilder({ page: themed })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        for (const violation of results.violations) {
          found.push(`${colorScheme} ${path}: ${violation.id} — ${violation.help}`);
        }
      }
      await context.close();
    }
    expect(found).toEqual([]);
  }, 120_000);
});
