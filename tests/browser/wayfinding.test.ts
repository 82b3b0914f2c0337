/**
 * Reading the sample archive in Chromium: article paragraphs stand apart, every archive, tag and
 * section page shows where the reader is (a breadcrumb trail, `aria-current` on the navigation and
 * the page number), list datelines follow the page's language, the front page leads with a picture
 * without moving while it loads, and a 390 × 844 phone gets a short header, the search filters
 * before the results and an archive table and charts it can read.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, serveStatic, type StaticSite } from '../helpers/browser';
import { sectionPath } from '../../src/lib/core/routes';
import { waitForAnswer } from '../helpers/search-page';

// Pages of the sample archive in content/ (its articles are part of the repository).
const ARTICLE = '/2021/02/08/banjir-rendam-permukiman-jakarta-usai-hujan-semalaman/';
const ENGLISH_ARTICLE = '/2024/10/02/batik-workshops-draw-a-younger-crowd-in-yogyakarta/';

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([serveStatic(inject('sampleOutDir')), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The trail of the page's breadcrumb: each step's text, address and whether it is marked current. */
function readTrail(page: Page) {
  return page.locator('nav.breadcrumbs a').evaluateAll((links) =>
    links.map((link) => ({
      text: link.textContent?.trim(),
      href: link.getAttribute('href'),
      current: link.getAttribute('aria-current'),
    })),
  );
}

describe('an article page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage();
    await page.goto(site.at(ARTICLE));
  });
  afterAll(() => page?.close());

  it('puts at least 0.75em between two consecutive paragraphs', async () => {
    const gaps = await page.evaluate(() =>
      [...document.querySelectorAll('.article-body > p + p')].map((second) => {
        const first = second.previousElementSibling!;
        const fontSize = parseFloat(getComputedStyle(second).fontSize);
        return (second.getBoundingClientRect().top - first.getBoundingClientRect().bottom) / fontSize;
      }),
    );
    expect(gaps.length).toBeGreaterThan(2);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(0.75);
  });

  it('shows the trail home › year › month › day, and its dateline links to the day', async () => {
    expect(await readTrail(page)).toEqual([
      { text: 'Beranda', href: '/', current: null },
      { text: '2021', href: '/2021/', current: null },
      { text: 'Februari', href: '/2021/02/', current: null },
      { text: '8 Februari', href: '/2021/02/08/', current: null },
    ]);
    expect(await page.locator('.byline a.published').getAttribute('href')).toBe('/2021/02/08/');
    expect(await page.locator('.byline a.published time').textContent()).toBe('Senin, 8 Februari 2021');
  });

  it('keeps its own language for its dates', async () => {
    const english = await browser.newPage();
    await english.goto(site.at(ENGLISH_ARTICLE));
    expect(await english.locator('.byline a.published time').textContent()).toBe('Wednesday, 2 October 2024');
    expect(await readTrail(english)).toContainEqual({ text: '2 October', href: '/2024/10/02/', current: null });
    await english.close();
  });
});

describe('archive, tag and section pages', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage();
  });
  afterAll(() => page?.close());

  it.each([
    ['year', '/2021/', ['Beranda', '2021']],
    ['month', '/2021/02/', ['Beranda', '2021', 'Februari']],
    ['day', '/2021/02/08/', ['Beranda', '2021', 'Februari', '8 Februari']],
    ['tag', '/tags/jakarta/', ['Beranda', 'Topik', 'Jakarta']],
    ['author', '/authors/dimas-prasetyo/', ['Beranda', 'Penulis', 'Dimas Prasetyo']],
    ['section', sectionPath('ekonomi'), ['Beranda', 'Ekonomi']],
    ['archive overview', '/archive/', ['Beranda', 'Arsip']],
    ['tag index', '/tags/', ['Beranda', 'Topik']],
    ['corrections', '/corrections/', ['Beranda', 'Koreksi']],
  ])('shows the trail of a %s page, the page itself marked current', async (_type, sitePath, names) => {
    await page.goto(site.at(sitePath));
    const trail = await readTrail(page);
    expect(trail.map((step) => step.text)).toEqual(names);
    expect(trail.map((step) => step.current)).toEqual([...names.slice(1).map(() => null), 'page']);
    expect(trail.at(-1)?.href).toBe(sitePath);
  });

  it('gives the trail as a BreadcrumbList too, with the same addresses', async () => {
    await page.goto(site.at('/2021/02/08/'));
    const items = await page.evaluate(() =>
      [...document.querySelectorAll('script[type="application/ld+json"]')]
        .map((script) => JSON.parse(script.textContent ?? '{}') as { '@type'?: string; itemListElement?: unknown[] })
        .find((data) => data['@type'] === 'BreadcrumbList')
        ?.itemListElement?.map((item) => new URL((item as { item: string }).item).pathname),
    );
    expect(items).toEqual((await readTrail(page)).map((step) => step.href));
  });

  it('marks the navigation item and the page number of the page being read', async () => {
    await page.goto(site.at('/archive/'));
    expect(await page.locator('.site-nav a[aria-current="page"]').textContent()).toBe('Arsip');
    await page.goto(site.at('/page/2/'));
    expect(await page.locator('.pagination a[aria-current="page"]').textContent()).toBe('2');
    expect(await page.locator('.pagination a[aria-current="page"]').getAttribute('href')).toBe('/page/2/');
    await page.goto(site.at('/'));
    expect(await page.locator('.site-nav a[aria-current="page"]').textContent()).toBe('Beranda');
  });

  it('dates every article of a listing in the language of the page', async () => {
    for (const sitePath of ['/', '/2024/', sectionPath('budaya')]) {
      await page.goto(site.at(sitePath));
      const batik = page.locator(`.article-card:has(a[href="${ENGLISH_ARTICLE}"]) .dateline`);
      expect(await batik.textContent(), sitePath).toBe('2 Okt 2024');
      expect(await batik.getAttribute('lang'), sitePath).toBe('id');
    }
    // Indonesian month names everywhere on an Indonesian listing, whatever the article's language.
    await page.goto(site.at('/'));
    const datelines = await page.locator('.dateline time').allTextContents();
    expect(datelines.length).toBeGreaterThan(5);
    for (const label of datelines)
      expect(label).toMatch(/^\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agt|Sep|Okt|Nov|Des) \d{4}$/);
  });
});

describe('the front page', () => {
  it('leads with a picture, lists the latest and each section, and does not move while loading', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { shifts: number[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(site.at('/'), { waitUntil: 'networkidle' });
    const lead = page.locator('.lead-story');
    expect(await lead.locator('img').getAttribute('loading')).toBe('eager');
    const picture = await lead.locator('img').boundingBox();
    expect(picture?.width).toBeGreaterThan(500);
    expect(await page.locator('.front-latest .article-card').count()).toBe(9);
    expect(await page.locator('.front-section h2 a').allTextContents()).toEqual([
      'Politik',
      'Ekonomi',
      'Lingkungan & Bencana',
      'Budaya & Olahraga',
    ]);
    expect(await page.locator('.front-years a').first().getAttribute('href')).toBe('/2025/');
    expect(await page.locator('.front-topics a').count()).toBeGreaterThan(0);
    const shifted = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
    expect(shifted.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.01);
    await page.close();
  });

  it('shows a thumbnail beside a listed article that has a picture, its box known before it loads', async () => {
    const page = await browser.newPage();
    await page.goto(site.at('/tags/jakarta/'));
    const card = page.locator(`.article-card:has(a[href="${ARTICLE}"])`);
    const thumbnail = card.locator('img.thumbnail');
    expect(await thumbnail.getAttribute('loading')).toBe('lazy');
    expect(await thumbnail.getAttribute('width')).toMatch(/^\d+$/);
    expect(await thumbnail.evaluate((img) => getComputedStyle(img).aspectRatio)).toBe('3 / 2');
    // Articles without a picture get none.
    expect(await page.locator('.article-card:not(.has-thumbnail) img').count()).toBe(0);
    // The front page's lead story shows its picture in the same 3:2 shape, across the column.
    await page.goto(site.at('/'));
    const lead = await page.locator('.lead-story img').boundingBox();
    expect(lead!.width / lead!.height).toBeCloseTo(1.5, 1);
    await page.close();
  });
});

describe('a 390 × 844 phone', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  });
  afterAll(() => context?.close());

  it('gets a header at most 120 px tall on every page type', async () => {
    const page = await context.newPage();
    for (const sitePath of ['/', ARTICLE, '/archive/', '/2021/02/', '/tags/jakarta/', '/search/']) {
      await page.goto(site.at(sitePath));
      const height = await page.locator('.site-header').evaluate((header) => header.getBoundingClientRect().height);
      expect(height, sitePath).toBeLessThanOrEqual(120);
    }
    await page.close();
  });

  it('reaches the search filters before the results, on screen and in the tab order', async () => {
    const page = await context.newPage();
    await page.goto(site.at('/search/?q=jakarta'));
    await waitForAnswer(page);
    const toggle = page.locator('.search-filter-panel summary');
    const firstResult = page.locator('.search-result').first();
    const [toggleBox, resultBox] = await Promise.all([toggle.boundingBox(), firstResult.boundingBox()]);
    expect(toggleBox!.y + toggleBox!.height).toBeLessThanOrEqual(resultBox!.y);
    expect(toggleBox!.y + toggleBox!.height).toBeLessThanOrEqual(844);
    const before = await page.evaluate(() => {
      const summary = document.querySelector('.search-filter-panel summary')!;
      const result = document.querySelector('.search-result')!;
      return Boolean(summary.compareDocumentPosition(result) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(before).toBe(true);
    await page.close();
  });

  it('says that the archive table scrolls, lets a keyboard scroll it, and draws chart labels of 11 px or more', async () => {
    const page = await context.newPage();
    await page.goto(site.at('/archive/'));
    const table = page.locator('.archive-calendar');
    const { scrolls, tabIndex } = await table.evaluate((box) => ({
      scrolls: box.scrollWidth > box.clientWidth,
      tabIndex: (box as HTMLElement).tabIndex,
    }));
    expect(scrolls).toBe(true);
    expect(tabIndex).toBe(0);
    expect(await page.locator('.archive-calendar__hint').isVisible()).toBe(true);
    for (const width of [320, 390, 700, 1280]) {
      await page.setViewportSize({ width, height: 844 });
      const sizes = await page.evaluate(() =>
        [...document.querySelectorAll<SVGSVGElement>('.chart svg')]
          .filter((svg) => svg.getBoundingClientRect().width > 0)
          .flatMap((svg) => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
          }),
      );
      expect(sizes.length, `${width}px`).toBeGreaterThan(0);
      expect(Math.min(...sizes), `${width}px`).toBeGreaterThanOrEqual(11);
    }
    await page.close();
  });
});
