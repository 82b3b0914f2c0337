/**
 * The search page of the search fixture archive, served under the sub-path `/arsip/`, in Chromium:
 * what a reader finds, in which languages, how filters and order change it, that the URL carries
 * it all, and what a query costs in requests.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordFetches, type StaticSite } from '../helpers/browser';
import {
  SEARCH_HEADLINES,
  openFilters,
  openOfflinePage,
  openSearchFixture,
  resultTitles,
  searchFor,
  statusText,
  waitForAnswer,
  waitForFilters,
  waitForSearch,
} from '../helpers/search-page';

const { JUAL, SANCTIONS, LATIHAN, DIPLOMAT, TALKS } = SEARCH_HEADLINES;

let site: StaticSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [site, browser] = await openSearchFixture();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
beforeEach(async () => {
  page = await openOfflinePage(browser);
});
afterEach(() => page.close());

async function search(params: string): Promise<void> {
  await page.goto(site.at(`/search/${params}`));
  await waitForAnswer(page);
}

const checkbox = (label: string) => page.getByRole('checkbox', { name: label });

describe('searching the archive', () => {
  it('finds an article by a word of its body and shows its date and the matched words', async () => {
    await search('?q=tentara');
    expect(await resultTitles(page)).toEqual([LATIHAN]);
    expect(await statusText(page)).toBe('1 hasil untuk “tentara”');
    const result = page.locator('.search-result').first();
    expect(await result.locator('.dateline time').textContent()).toBe('Jumat, 10 Maret 2023');
    expect(await result.locator('mark').allTextContents()).toEqual(['tentara']);
    expect(await result.locator('h3 a').getAttribute('href')).toBe('/arsip/2023/03/10/latihan-militer-korea-selatan/');
  });

  it('matches an Indonesian word in another form by its stem', async () => {
    await search('?q=senjata');
    expect(await resultTitles(page)).toEqual([JUAL]);
    expect(await page.locator('.search-result mark').allTextContents()).toContain('persenjataan');
  });

  it('matches English word forms in English articles from the same page', async () => {
    await search('?q=sanction');
    expect(await resultTitles(page)).toEqual([SANCTIONS]);
    expect(await statusText(page)).toBe('1 hasil untuk “sanction”');
    expect(await page.locator('.search-result mark').allTextContents()).toContain('sanctions');
    expect(await page.locator('.search-result').first().getAttribute('lang')).toBe('en');
    expect(await page.locator('.search-result .dateline').first().textContent()).toBe('Wednesday, 7 September 2022');
  });

  it('says so when nothing matches', async () => {
    await search('?q=zzyzx');
    expect(await resultTitles(page)).toEqual([]);
    expect(await statusText(page)).toBe('Tidak ada hasil untuk “zzyzx”. Coba kata lain, atau hapus sebagian saringan.');
  });

  it('finds nothing in "read also" asides or drafts', async () => {
    await search('');
    for (const word of ['cabai', 'Draf']) {
      await searchFor(page, word);
      expect(await resultTitles(page), word).toEqual([]);
    }
  });

  it('shows the image of an article that has one', async () => {
    await search('?q=perdagangan');
    const image = page.locator('.search-result img');
    expect(await image.getAttribute('src')).toBe('https://images.example.org/moskow.jpg');
    expect(await image.getAttribute('alt')).toBe('Dua diplomat berjabat tangan di depan bendera');
  });

  it('puts the query in both search boxes', async () => {
    await search('?q=tentara');
    expect(await page.locator('#search-query').inputValue()).toBe('tentara');
    expect(await page.locator('#site-search').inputValue()).toBe('tentara');
    expect(await page.title()).toBe('tentara — Cari — Warta');
  });
});

describe('languages', () => {
  it('searches every language, shows the interface language first, then all in one ranking', async () => {
    // Held back, the English index shows the Indonesian results first and says more are coming.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/pagefind\/pagefind\.en_/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(site.at('/search/?q=korea'));
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 3);
    expect((await resultTitles(page)).sort()).toEqual([DIPLOMAT, JUAL, LATIHAN].sort());
    expect(await statusText(page)).toBe('Hasil pertama; bahasa lain masih dicari…');
    expect(await page.locator('[data-search-results]').getAttribute('aria-busy')).toBe('true');
    release();
    await waitForAnswer(page);
    expect((await resultTitles(page)).sort()).toEqual([DIPLOMAT, JUAL, LATIHAN, TALKS].sort());
    expect(await statusText(page)).toBe('4 hasil untuk “korea”');
  });

  it('answers a plain query with each language’s index once and no filter data', async () => {
    const fetched = await recordFetches(page, /\/pagefind\//, () => search('?q=korea'));
    const paths = fetched.map((resource) => new URL(resource.url).pathname.replace(/^\/arsip\/pagefind\//, ''));
    expect(paths.filter((file) => file.startsWith('filter/'))).toEqual([]);
    // The page talks to Pagefind's worker; Pagefind's main-thread script is not loaded at all.
    expect(paths).toContain('pagefind-worker.js');
    expect(paths).not.toContain('pagefind.js');
    // The page list of each Indonesian part of the index (two articles to a part in this build),
    // and each language's WebAssembly once: a second part's request for it is answered from the cache.
    expect(paths.filter((file) => /\.id-x-\d+_\w+\.pf_meta$/.test(file))).toHaveLength(2);
    for (const language of ['id', 'en']) {
      const wasm = fetched.filter((resource) => resource.url.includes(`/wasm.${language}.`));
      expect(
        wasm.filter((resource) => resource.bodyBytes > 0),
        language,
      ).toHaveLength(1);
    }
    // The fragments of the four results shown, and of no other article.
    expect(paths.filter((file) => file.startsWith('fragment/'))).toHaveLength(4);
    // Nothing more follows once the answer is on screen.
    const later = await recordFetches(page, /\/pagefind\//, () => page.waitForTimeout(500));
    expect(later).toEqual([]);
  });
});

describe('without a worker', () => {
  it('still searches, through Pagefind’s own script, where the worker cannot load', async () => {
    await page.route(/pagefind-worker\.js$/, (route) => route.abort());
    const fetched = await recordFetches(page, /\/pagefind\//, () => search('?q=tentara'));
    expect(fetched.map((resource) => new URL(resource.url).pathname)).toContain('/arsip/pagefind/pagefind.js');
    expect(await resultTitles(page)).toEqual([LATIHAN]);
    expect(await statusText(page)).toBe('1 hasil untuk “tentara”');
  });
});

describe('filters and order', () => {
  it('loads the filters when the reader opens them, with counts for every value', async () => {
    await search('?q=korea');
    const panel = page.locator('[data-search-filter-panel]');
    expect(await panel.getAttribute('open')).toBeNull();
    expect(await page.locator('[data-search-filters] fieldset').count()).toBe(0);
    const fetched = await recordFetches(page, /\/pagefind\//, () => openFilters(page));
    expect(fetched.some((resource) => resource.url.includes('/filter/'))).toBe(true);
    const groups = await page.locator('[data-search-filters] fieldset legend').allTextContents();
    expect(groups).toEqual(['Topik', 'Tahun', 'Penulis', 'Bahasa']);
    const labels = async (group: string) =>
      (await page.getByRole('group', { name: group }).locator('label').allTextContents()).map((label) =>
        label.replace(/\s+/g, ' ').trim(),
      );
    // Counts are of the results shown (every language), and each language counts what it would give.
    expect(await labels('Topik')).toEqual([
      'Korea Utara (3)',
      'Rusia (2)',
      'Diplomacy (1)',
      'Diplomasi (1)',
      'Korea Selatan (1)',
    ]);
    expect(await labels('Bahasa')).toEqual(['Semua (4)', 'Bahasa Indonesia (3)', 'English (1)']);
    const languages = page.getByRole('group', { name: 'Bahasa' });
    expect(await languages.getByRole('radio', { name: 'Semua (4)' }).isChecked()).toBe(true);
  });

  it('narrows the results with a topic, showing how many each topic has', async () => {
    await search('?q=korea&language=all');
    expect((await resultTitles(page)).sort()).toEqual([DIPLOMAT, JUAL, LATIHAN, TALKS].sort());
    await openFilters(page);
    expect(await checkbox('Rusia (2)').count()).toBe(1);
    await checkbox('Rusia (2)').check();
    await waitForSearch(page, '?q=korea&tag=rusia&language=all');
    expect((await resultTitles(page)).sort()).toEqual([DIPLOMAT, JUAL].sort());
    expect(await statusText(page)).toBe('2 hasil untuk “korea”');
    // Within those two, another topic narrows further.
    await checkbox('Diplomasi (1)').check();
    await waitForSearch(page, '?q=korea&tag=rusia&tag=diplomasi&language=all');
    expect(await resultTitles(page)).toEqual([DIPLOMAT]);
    expect(await page.locator('[data-search-filters-active]').textContent()).toBe('2 aktif');
  });

  it('narrows to one language or year and lets the reader switch between them', async () => {
    await search('?q=korea&language=en');
    expect(await resultTitles(page)).toEqual([TALKS]);
    // A link with a filter opens with the filters shown.
    await waitForFilters(page);
    await page.getByRole('radio', { name: 'Bahasa Indonesia (3)' }).check();
    await waitForSearch(page, '?q=korea&language=id');
    expect((await resultTitles(page)).sort()).toEqual([DIPLOMAT, JUAL, LATIHAN].sort());
    await page.getByRole('radio', { name: '2023 (1)' }).check();
    await waitForSearch(page, '?q=korea&year=2023&language=id');
    expect(await resultTitles(page)).toEqual([LATIHAN]);
    const labels = await page.getByRole('group', { name: 'Bahasa' }).locator('label').allTextContents();
    expect(labels.map((label) => label.replace(/\s+/g, ' ').trim())).toEqual([
      'Semua (2)',
      'Bahasa Indonesia (1)',
      'English (1)',
    ]);
    await page.getByRole('group', { name: 'Tahun' }).getByRole('radio', { name: 'Semua (3)' }).check();
    await waitForSearch(page, '?q=korea&language=id');
  });

  it('lists results newest first, across languages, when asked', async () => {
    await search('?q=korea&language=all');
    await page.getByRole('radio', { name: 'Terbaru dulu' }).check();
    await waitForSearch(page, '?q=korea&language=all&sort=date');
    expect(await resultTitles(page)).toEqual([DIPLOMAT, TALKS, LATIHAN, JUAL]);
    expect(await page.locator('.search-result .dateline').allTextContents()).toEqual([
      'Kamis, 2 Mei 2024',
      'Monday, 20 November 2023',
      'Jumat, 10 Maret 2023',
      'Selasa, 6 September 2022',
    ]);
  });

  it('browses a topic without a query, newest first', async () => {
    await search('?tag=korea-utara&language=all');
    expect(await resultTitles(page)).toEqual([DIPLOMAT, TALKS, JUAL]);
    expect(await statusText(page)).toBe('3 berita cocok dengan saringan');
    expect(await page.getByRole('radio', { name: 'Paling relevan' }).isDisabled()).toBe(true);
    await search('?tag=korea-utara&language=id');
    expect(await resultTitles(page)).toEqual([DIPLOMAT, JUAL]);
  });
});

describe('the URL', () => {
  it('opens a shared link with its query, filter and order, and back and forward restore each step', async () => {
    await search('?q=korea&tag=rusia&sort=date');
    expect(await page.locator('#search-query').inputValue()).toBe('korea');
    expect(await page.locator('[data-search-filter-panel]').getAttribute('open')).not.toBeNull();
    expect(await checkbox('Rusia (2)').isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Terbaru dulu' }).isChecked()).toBe(true);
    expect(await resultTitles(page)).toEqual([DIPLOMAT, JUAL]);

    await checkbox('Rusia (2)').uncheck();
    await waitForSearch(page, '?q=korea&sort=date');
    expect(await resultTitles(page)).toEqual([DIPLOMAT, TALKS, LATIHAN, JUAL]);

    await page.getByRole('group', { name: 'Bahasa' }).getByRole('radio', { name: 'Bahasa Indonesia (3)' }).check();
    await waitForSearch(page, '?q=korea&language=id&sort=date');
    expect(await resultTitles(page)).toEqual([DIPLOMAT, LATIHAN, JUAL]);

    await page.goBack();
    await waitForSearch(page, '?q=korea&sort=date');
    expect(await resultTitles(page)).toEqual([DIPLOMAT, TALKS, LATIHAN, JUAL]);
    await page.goBack();
    await waitForSearch(page, '?q=korea&tag=rusia&sort=date');
    expect(await checkbox('Rusia (2)').isChecked()).toBe(true);
    expect(await resultTitles(page)).toEqual([DIPLOMAT, JUAL]);

    await page.goForward();
    await waitForSearch(page, '?q=korea&sort=date');
    expect(await resultTitles(page)).toEqual([DIPLOMAT, TALKS, LATIHAN, JUAL]);
    await page.goForward();
    await waitForSearch(page, '?q=korea&language=id&sort=date');
    expect(await resultTitles(page)).toEqual([DIPLOMAT, LATIHAN, JUAL]);
  });

  it('records a typed query as one history entry', async () => {
    await search('?q=tentara');
    await page.locator('#search-query').fill('');
    await page.locator('#search-query').pressSequentially('banjir', { delay: 20 });
    await waitForSearch(page, '?q=banjir');
    expect(await resultTitles(page)).toEqual(['Banjir Rendam Permukiman di Jakarta Timur']);
    await page.goBack();
    await waitForSearch(page, '?q=tentara');
    expect(await page.locator('#search-query').inputValue()).toBe('tentara');
  });

  it('answers the header search box of any page', async () => {
    await page.goto(site.at('/'));
    await page.locator('#site-search').fill('senjata');
    await page.locator('#site-search').press('Enter');
    await waitForSearch(page, '?q=senjata');
    expect(await resultTitles(page)).toEqual([JUAL]);
  });
});

describe('using only the keyboard', () => {
  it('reaches the box, searches, changes the order, filters and opens a result', async () => {
    await page.goto(site.at('/search/'));
    await waitForAnswer(page);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return {
          id: el?.id ?? '',
          name: el?.getAttribute('name') ?? '',
          value: el?.value ?? '',
          text: el?.textContent ?? '',
        };
      });
    const tabUntil = async (matches: (el: Awaited<ReturnType<typeof focused>>) => boolean, key = 'Tab') => {
      for (let presses = 0; presses < 40; presses += 1) {
        await page.keyboard.press(key);
        if (matches(await focused())) return;
      }
      throw new Error(`${key} never reached the element`);
    };

    await tabUntil((el) => el.id === 'search-query');
    await page.keyboard.type('korea');
    await page.keyboard.press('Enter');
    await waitForSearch(page, '?q=korea');

    await tabUntil((el) => el.name === 'sort');
    await page.keyboard.press('ArrowRight');
    await waitForSearch(page, '?q=korea&sort=date');

    // After the order, the first result.
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe(DIPLOMAT);

    await tabUntil((el) => el.text.trim().startsWith('Saring hasil'));
    await page.keyboard.press('Enter');
    await waitForFilters(page);
    await tabUntil((el) => el.name === 'filter-tag' && el.value === 'rusia');
    await page.keyboard.press('Space');
    await waitForSearch(page, '?q=korea&tag=rusia&sort=date');
    // The filters were redrawn with new counts; focus stays on the box the reader ticked.
    expect(await focused()).toMatchObject({ name: 'filter-tag', value: 'rusia' });

    await tabUntil((el) => el.text === JUAL, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(site.at('/2022/09/06/korea-utara-jual-peluru/'));
    expect(await page.locator('h1').textContent()).toBe(JUAL);
  });
});
