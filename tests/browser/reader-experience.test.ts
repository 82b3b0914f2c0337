/**
 * The sample archive as readers meet it: axe-core finds no WCAG 2.2 AA violation on any page type
 * in either theme, the theme switch remembers the choice, the keyboard reaches everything from the
 * skip link on, nothing scrolls sideways on a 320 px phone, and reading pages run no script besides
 * the theme switch.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, serveStatic, type StaticSite } from '../helpers/browser';
import { listFiles } from '../helpers/build';
import { sectionPath } from '../../src/lib/core/routes';
import { waitForAnswer } from '../helpers/search-page';

const outDir = inject('sampleOutDir');

let site: StaticSite;
let browser: Browser;
let pages: Record<string, string>;

// One real address per page type, taken from the build so the test follows the sample content.
async function findPageTypes(): Promise<Record<string, string>> {
  const files = await listFiles(outDir);
  const first = (pattern: RegExp): string => {
    const file = files.filter((name) => pattern.test(name)).sort()[0];
    if (!file) throw new Error(`the sample build has no page like ${pattern}`);
    return `/${file.replace(/index\.html$/, '')}`;
  };
  return {
    home: '/',
    article: first(/^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/),
    'archive overview': '/archive/',
    year: first(/^\d{4}\/index\.html$/),
    month: first(/^\d{4}\/\d{2}\/index\.html$/),
    day: first(/^\d{4}\/\d{2}\/\d{2}\/index\.html$/),
    'tag index': '/tags/',
    tag: first(/^tags\/[^/]+\/index\.html$/),
    // A desk of src/site.config.ts with articles in the sample.
    section: sectionPath('ekonomi'),
    'home, page 2': '/page/2/',
    'author index': '/authors/',
    author: first(/^authors\/[^/]+\/index\.html$/),
    statistics: '/stats/',
    corrections: '/corrections/',
    'series index': '/series/',
    series: first(/^series\/[^/]+\/index\.html$/),
    // Its part navigation, language link and correction box, on the sample's series.
    'article in a series': '/2022/09/06/korea-utara-jual-peluru-artileri-ke-rusia/',
    'search with results': '/search/?q=jakarta',
    // A link with a filter opens the filter panel, so its controls are checked too.
    'search with filters': '/search/?q=jakarta&tag=jakarta',
    'not found': '/404.html',
  };
}

beforeAll(async () => {
  [site, browser, pages] = await Promise.all([serveStatic(outDir), launchBrowser(), findPageTypes()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

// Opens a page and waits until what a reader sees is complete (search results, for the search page).
async function open(page: Page, sitePath: string): Promise<void> {
  await page.goto(site.at(sitePath));
  if (sitePath.startsWith('/search/')) await waitForAnswer(page);
}

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (colorScheme) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ colorScheme });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('has no WCAG 2.2 A or AA violation, nor a best-practice one, on any page type', async () => {
    const page = await context.newPage();
    const found: string[] = [];
    for (const [type, sitePath] of Object.entries(pages)) {
      await open(page, sitePath);
      if (sitePath.startsWith('/search/')) expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
      const results = await new AxeBuilder({ page })
        // WCAG 2.2 A and AA, plus axe's best practices, which hold the rules on heading order,
        // landmarks and the skip link that the issue asks for by name.
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      for (const violation of results.violations) {
        const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
        found.push(`${type} (${sitePath}): ${violation.id} — ${violation.help} — ${targets}`);
      }
    }
    expect(found).toEqual([]);
    await page.close();
    // Twenty pages, each loaded and checked by axe: more than the default minute on a busy machine.
  }, 150_000);
});

describe('theme switch', () => {
  it('turns the dark theme on and keeps it on the next page', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(site.at('/'));
    const toggle = page.getByRole('button', { name: 'Tema gelap' });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await background()).not.toBe(light);
    await page.goto(site.at(pages['article']!));
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await background()).not.toBe(light);
    await context.close();
  });

  it('follows the system setting until the reader chooses', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(site.at('/'));
    const toggle = page.getByRole('button', { name: 'Tema gelap' });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.press('Enter');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    await context.close();
  });
});

describe('keyboard and small screens', () => {
  it('offers the skip link first and moves focus to the content', async () => {
    const page = await browser.newPage();
    await page.goto(site.at(pages['article']!));
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    expect(await skip.textContent()).toBe('Langsung ke isi');
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    // The next stop after the skip link is inside the main content, not the header.
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await page.close();
  });

  it('shows a focus outline on every link and button a keyboard reaches in the header', async () => {
    const page = await browser.newPage();
    await page.goto(site.at('/'));
    for (let stop = 0; stop < 10; stop += 1) {
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      expect(outline).toMatch(/^solid [2-9]/);
    }
    await page.close();
  });

  it('never scrolls sideways at 320 px', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const [type, sitePath] of Object.entries(pages)) {
      await open(page, sitePath);
      // Wider than the screen: the page itself, or anything that sticks out of it unscrolled.
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${type}: ${width}px`);
      const poking = await page.evaluate(() =>
        [...document.querySelectorAll('header *, main > *')]
          .filter((node) => node.getBoundingClientRect().right > 320.5 && node.closest('.archive-calendar') === null)
          .map((node) => node.className || node.tagName),
      );
      if (poking.length > 0) wide.push(`${type}: ${poking.join(', ')}`);
    }
    expect(wide).toEqual([]);
    await context.close();
  });
});

describe('printing', () => {
  it('prints an article alone, without the site header, navigation or footer', async () => {
    const page = await browser.newPage();
    await page.goto(site.at(pages['article']!));
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const shown = (selector: string) => page.locator(selector).first().isVisible();
    expect(await shown('.article-body')).toBe(true);
    expect(await shown('.article-header h1')).toBe(true);
    for (const selector of ['.site-header', '.site-footer', '.article-nav', '.theme-toggle']) {
      expect(await shown(selector), selector).toBe(false);
    }
    // Black on white on paper, whatever theme the screen was in.
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return [style.color, style.backgroundColor];
    });
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    await page.close();
  });
});

describe('scripts', () => {
  it('runs only the theme switch on article, archive and tag pages', async () => {
    const page = await browser.newPage();
    for (const type of ['article', 'year', 'month', 'day', 'archive overview', 'tag', 'home'] as const) {
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      await page.goto(site.at(pages[type]!));
      page.removeAllListeners('request');
      expect(scripts, type).toEqual(['/theme.js']);
      expect(await page.locator('script:not([src]):not([type="application/ld+json"])').count(), type).toBe(0);
    }
    await page.close();
  });

  it('requests nothing from another origin', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(site.url) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    for (const sitePath of Object.values(pages)) await open(page, sitePath);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
