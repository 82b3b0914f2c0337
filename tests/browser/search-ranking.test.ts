/**
 * Search finds the right article anywhere in a large archive, in a real browser: a generated archive
 * of 5,000 articles over 25 years (Indonesian and English) with rare words planted in one article
 * each, half of them in the oldest fifth, built as `npm run build` builds it. The same article pages
 * are indexed by plain Pagefind in the same test, as the reference for the ranking of common words
 * (docs/search.md states the tolerance: the same ten articles, at most one pair of neighbours
 * swapped).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive, type PlantedWord } from '../../src/bench/generate-archive';
import { COMMON_INDONESIAN, COMMON_SHARED, ENGLISH, PHRASES } from '../../src/bench/search-queries';
import { launchBrowser, serveStatic, type StaticSite } from '../helpers/browser';
import { buildArchive, type BuildResult } from '../helpers/build';
import { runPlainQuery, writePlainIndex } from '../helpers/search-measure';
import { statusText, waitForAnswer } from '../helpers/search-page';
import { BROWSER_ENV } from './global-setup';

const ARTICLES = 5000;

let contentDir: string;
let built: BuildResult;
let planted: PlantedWord[];
let site: StaticSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  contentDir = await mkdtemp(path.join(tmpdir(), 'warta-ranking-'));
  // Short bodies: the number of articles and their spread over the years is what this test is about.
  ({ planted } = await generateArchive({
    articles: ARTICLES,
    seed: 16,
    directory: contentDir,
    plantedWords: 44,
    bodyWords: [80, 250],
  }));
  built = await buildArchive(contentDir, BROWSER_ENV, [], { timeoutMs: 590_000 });
  if (built.exitCode !== 0) throw new Error(`the generated archive did not build:\n${built.output.slice(-4000)}`);
  await writePlainIndex(built.outDir);
  [site, browser] = await Promise.all([serveStatic(built.outDir), launchBrowser()]);
  page = await browser.newPage();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await built?.cleanup();
  await rm(contentDir, { recursive: true, force: true });
});

/** Opens the search page with `query` as a link would, and returns the result paths once complete. */
async function searchPaths(query: string): Promise<string[]> {
  await page.goto(site.at(`/search/?q=${encodeURIComponent(query)}`));
  await waitForAnswer(page);
  return page
    .locator('.search-result h3 a')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

describe('a rare word, anywhere in the archive', () => {
  it('plants enough words, half of them in the oldest fifth, some with Indonesian near-misses', () => {
    expect(planted.length).toBeGreaterThanOrEqual(40);
    expect(planted.filter((word) => word.oldest).length).toBeGreaterThanOrEqual(planted.length / 2);
    expect(planted.filter((word) => word.nearMisses.length > 0).length).toBeGreaterThanOrEqual(4);
  });

  it('shows the one article that holds it first, with no click, for every planted word', async () => {
    const misses: string[] = [];
    for (const { word, permalink } of planted) {
      const paths = await searchPaths(word);
      if (paths[0] !== permalink) misses.push(`${word}: expected ${permalink}, got ${paths[0] ?? 'nothing'}`);
    }
    expect(misses).toEqual([]);
  }, 300_000);

  it('finds a word of the oldest articles only, and says the results are complete', async () => {
    const oldest = planted.filter((word) => word.oldest && word.nearMisses.length === 0);
    for (const { word, permalink } of oldest.slice(0, 3)) {
      expect(await searchPaths(word)).toEqual([permalink]);
      expect(Number(permalink.slice(1, 5))).toBeLessThanOrEqual(2006);
      expect(await statusText(page)).toBe(`1 hasil untuk “${word}”`);
    }
  });

  it('puts the English article holding an English word above Indonesian near-misses on the Indonesian page', async () => {
    for (const { word, permalink, nearMisses } of planted.filter((planted) => planted.nearMisses.length > 0)) {
      const paths = await searchPaths(word);
      expect(paths[0], word).toBe(permalink);
      // The near-misses are still there, after it.
      expect(paths.slice(1).sort(), word).toEqual([...nearMisses].sort());
    }
  }, 120_000);
});

describe('common words', () => {
  it('ranks the first ten as plain Pagefind does over the same pages', async () => {
    const queries = [...COMMON_INDONESIAN, ...COMMON_SHARED, ...PHRASES];
    expect(queries.length).toBeGreaterThanOrEqual(10);
    for (const query of queries) {
      const warta = await searchPaths(query);
      const plain = await runPlainQuery(browser, site, built.outDir, query, { languages: ['id', 'en'] });
      expect(warta, query).toHaveLength(10);
      // The same ten articles, and at most one pair of neighbours swapped (ties of score).
      expect([...warta].sort(), query).toEqual([...plain.paths].sort());
      expect(warta.filter((result, at) => plain.paths[at] !== result).length, query).toBeLessThanOrEqual(2);
    }
  }, 300_000);

  it('ranks the English articles holding English words first on the Indonesian page', async () => {
    for (const query of ENGLISH) {
      await searchPaths(query);
      const languages = await page
        .locator('.search-result')
        .evaluateAll((cards) => cards.map((card) => card.getAttribute('lang')));
      expect(languages, query).toEqual(Array.from({ length: 10 }, () => 'en'));
    }
  });
});
