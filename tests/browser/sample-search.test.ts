/**
 * The sample archive in `content/`, built as `npm run build` builds it: every article can be found
 * by a word of its body, and a query fetches the text of only the results it shows.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, recordFetches, serveStatic, type StaticSite } from '../helpers/browser';
import { listFiles } from '../helpers/build';
import { resultTitles, searchFor, waitForAnswer, waitForSearch } from '../helpers/search-page';

const outDir = inject('sampleOutDir');

interface Article {
  url: string;
  title: string;
  lang: string;
  words: Set<string>;
}

// Every article page of the build with the words of its body (from the article text, not the index).
async function readArticles(): Promise<Article[]> {
  // Article slugs are never all digits, so day archives (/2022/09/06/) do not match.
  const files = (await listFiles(outDir)).filter((file) =>
    /^\d{4}\/\d{2}\/(\d{2}\/)?(?!\d+\/)[^/]+\/index\.html$/.test(file),
  );
  return Promise.all(
    files.map(async (file) => {
      const { document } = parseHTML(await readFile(path.join(outDir, file), 'utf8'));
      const body = document.querySelector('.article-body');
      body?.querySelectorAll('.read-also, .heading-anchor').forEach((node) => node.remove());
      const words = (body?.textContent ?? '').toLowerCase().match(/\p{L}{6,}/gu) ?? [];
      return {
        url: `/${file.replace(/index\.html$/, '')}`,
        title: document.querySelector('h1')?.textContent ?? '',
        lang: document.documentElement.lang,
        words: new Set(words),
      };
    }),
  );
}

let site: StaticSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [site, browser] = await Promise.all([serveStatic(outDir), launchBrowser()]);
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('searching the sample archive', () => {
  it('finds every article by a word that only its body uses', async () => {
    const articles = await readArticles();
    await page.goto(site.at('/search/'));
    await waitForAnswer(page);
    expect(articles.length).toBeGreaterThan(10);
    for (const article of articles) {
      // The longest word no other article uses: a reader's likeliest precise query.
      const unique = [...article.words]
        .filter((word) => articles.every((other) => other === article || !other.words.has(word)))
        .sort((a, b) => b.length - a.length || a.localeCompare(b));
      const word = unique[0];
      expect(word, `${article.url} has no word of its own`).toBeDefined();
      await searchFor(page, word!);
      let titles = await resultTitles(page);
      if (article.lang !== 'id' && !titles.includes(article.title)) {
        // An Indonesian article matched too, so the page searched only Indonesian ones; the reader
        // sees that and asks for every language.
        expect(await page.locator('[data-search-scope-text]').textContent()).toBe(
          'Hanya artikel dalam Bahasa Indonesia.',
        );
        await page.getByRole('button', { name: 'Cari di semua bahasa' }).click();
        await waitForSearch(page, `?${new URLSearchParams({ q: word!, language: 'all' }).toString()}`);
        titles = await resultTitles(page);
        await page.goto(site.at('/search/'));
        await waitForAnswer(page);
      }
      expect(titles, `searching "${word}"`).toContain(article.title);
    }
  });

  it('fetches the stored text of the results it shows, and shows more on request', async () => {
    const fresh = await browser.newPage();
    const fetched = await recordFetches(fresh, /\/pagefind\//, async () => {
      // Every language, for more results than one page shows.
      await fresh.goto(site.at('/search/?q=jakarta&language=all'));
      await waitForAnswer(fresh);
    });
    const shown = await fresh.locator('.search-result').count();
    const fragments = fetched.filter((resource) => resource.url.includes('/fragment/'));
    expect(shown).toBeGreaterThan(0);
    // The page shows the interface language's results while the others load, then the merged
    // ranking: the Indonesian results of that first page which the merged page no longer shows
    // were fetched too. Besides those, at most the next result of the other language: placing
    // the last result shown means reading the other language's next one, unless it has run out.
    const firstPage = await browser.newPage();
    await firstPage.goto(site.at('/search/?q=jakarta'));
    await waitForAnswer(firstPage);
    const shownFirst = await firstPage.locator('.search-result').count();
    await firstPage.close();
    const indonesianShown = await fresh.locator('.search-result[lang="id"]').count();
    expect(fragments.length - shown).toBeGreaterThanOrEqual(0);
    expect(fragments.length - shown).toBeLessThanOrEqual(shownFirst - indonesianShown + 1);

    // The rest comes a page at a time, and keyboard readers carry on from the first new result.
    const total = Number((await fresh.locator('#search-status').textContent())?.match(/^\d+/)?.[0]);
    expect(total).toBeGreaterThan(shown);
    const more = fresh.getByRole('button', { name: 'Tampilkan hasil lainnya' });
    await more.click();
    await fresh.waitForFunction((count) => document.querySelectorAll('.search-result').length === count, total);
    const firstNew = await fresh.locator('.search-result h3 a').nth(shown).textContent();
    expect(await fresh.evaluate(() => document.activeElement?.textContent)).toBe(firstNew);
    expect(await more.isVisible()).toBe(false);
    await fresh.close();
  });
});
