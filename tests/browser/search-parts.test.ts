/**
 * An index in parts is searched whole: the search fixture, whose index is built in parts of two
 * articles (WARTA_SEARCH_PART_PAGES, as a newsroom may split a very large archive), answers from
 * its oldest parts as from its newest, with no click, and a chosen year finds its articles in
 * whichever part holds them (that only those parts are searched is tested in search-parts unit tests).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFetches, type StaticSite } from '../helpers/browser';
import {
  SEARCH_HEADLINES,
  openOfflinePage,
  openSearchFixture,
  resultTitles,
  statusText,
  waitForAnswer,
} from '../helpers/search-page';

const { JUAL, LATIHAN, DIPLOMAT, TALKS, BANJIR } = SEARCH_HEADLINES;

let site: StaticSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [site, browser] = await openSearchFixture();
  page = await openOfflinePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function search(params: string) {
  return recordFetches(page, /\/pagefind\//, async () => {
    await page.goto(site.at(`/search/${params}`));
    await waitForAnswer(page);
  });
}

describe('searching an index in parts', () => {
  it('reads every part, the oldest too, without the reader asking', async () => {
    const fetched = await search('?q=korea');
    expect((await resultTitles(page)).sort()).toEqual([DIPLOMAT, JUAL, LATIHAN, TALKS].sort());
    expect(await statusText(page)).toBe('4 hasil untuk “korea”');
    // Both Indonesian parts (2021–2022 and 2023–2024) and the English one.
    expect(fetched.filter((resource) => resource.url.endsWith('.pf_meta'))).toHaveLength(3);
  });

  it('finds a word only the oldest article has', async () => {
    await search('?q=banjir');
    expect(await resultTitles(page)).toEqual([BANJIR]);
    expect(await statusText(page)).toBe('1 hasil untuk “banjir”');
  });

  it('finds the articles of a chosen year, however old', async () => {
    await search('?q=korea&year=2022&language=id');
    expect(await resultTitles(page)).toEqual([JUAL]);
    expect(await statusText(page)).toBe('1 hasil untuk “korea”');
  });
});
