/**
 * The hostile fixture's search page in Chromium (issue 23): queries that hit the hostile articles
 * show their results, headlines, excerpts and summaries as text. No payload opens a dialog, no
 * result carries a handler or a script address, and the browser asks nothing of the payloads' host.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, serveStatic, type StaticSite } from '../helpers/browser';
import { resultTitles, waitForAnswer } from '../helpers/search-page';

// Every payload of the fixture that loads something points at this host.
const PAYLOAD_HOST = 'evil.example';
const HOSTILE_TITLE =
  '<script>alert("judul")</script> ]]> ]]> Judul <img src=x onerror=alert(1)> & "kutip" </title><svg onload=alert(1)>';

let site: StaticSite;
let browser: Browser;
let page: Page;
let dialogs: string[];
let requested: string[];

beforeAll(async () => {
  [site, browser] = await Promise.all([serveStatic(inject('hostileOutDir')), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
beforeEach(async () => {
  page = await browser.newPage();
  dialogs = [];
  requested = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => requested.push(request.url()));
  // Recorded, then refused: the test stays offline, and a request it would have made still counts.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
});
afterEach(() => page.close());

/** Searches, waits for the answer, and scrolls every result into view so lazy images load. */
async function search(params: string): Promise<void> {
  await page.goto(site.at(`/search/${params}`));
  await waitForAnswer(page);
  for (const result of await page.locator('.search-result').all()) await result.scrollIntoViewIfNeeded();
  // Give a handler, a refresh or an image time to fire.
  await page.waitForTimeout(500);
}

/** What in the results could run or load something: handlers, script addresses, inline styles. */
function liveMarkupInResults(): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('[data-search-results] *')) {
      const tag = element.tagName.toLowerCase();
      if (['script', 'style', 'link', 'meta', 'base', 'iframe', 'object', 'embed', 'svg'].includes(tag)) {
        found.push(`<${tag}>`);
      }
      for (const { name, value } of element.attributes) {
        if (name.startsWith('on') || name === 'style' || name === 'srcdoc') found.push(`${tag} ${name}`);
        if (/^\s*(javascript|vbscript|data):/i.test(value)) found.push(`${tag} ${name}=${value}`);
      }
    }
    return found;
  });
}

describe('searching the hostile archive', () => {
  for (const query of ['muatanjahat', 'alert', 'script', 'onerror', 'svg onload', 'entitas', 'javascript']) {
    it(`shows results for “${query}” with nothing alive and nothing asked of the payloads' host`, async () => {
      await search(`?q=${encodeURIComponent(query)}`);
      expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
      expect(dialogs).toEqual([]);
      expect(await liveMarkupInResults()).toEqual([]);
      expect(requested.filter((url) => new URL(url).hostname.endsWith(PAYLOAD_HOST))).toEqual([]);
    });
  }

  it('shows a hostile headline, and one written with entities, exactly as the editor wrote them', async () => {
    await search('?q=muatanjahat');
    expect((await resultTitles(page)).length).toBeGreaterThanOrEqual(10);
    await search('?q=entitas');
    expect(await resultTitles(page)).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Entitas muatanjahat');
    await search('?q=terstruktur');
    expect(await resultTitles(page)).toContain('</script><script>alert("ld")</script> <!--<script> muatanjahat');
    await search('?q=judul%20kutip');
    expect(await resultTitles(page)).toContain(HOSTILE_TITLE);
  });

  it('shows an excerpt with the entities the editor wrote, and the payloads around them, as text', async () => {
    await search('?q=entitas%20muatanjahat');
    const result = page.locator('.search-result', { hasText: 'Entitas muatanjahat' }).first();
    const excerpt = (await result.locator('.search-result__text').textContent()) ?? '';
    // Read as HTML, the excerpt would turn "&#x3C;img" into "<img" and "&amp;" into "&".
    expect(excerpt).toContain('&amp; Entitas muatanjahat');
    expect(excerpt).toContain('&#x3C;img src=x onerror=alert(1)&#x3E;');
    expect(await result.locator('mark').allTextContents()).toContain('Entitas');
    await search('?q=judul%20kutip');
    const hostile = page.locator('.search-result', { hasText: '"kutip"' }).first();
    expect(await hostile.locator('.search-result__text').textContent()).toContain(
      '<script>alert("judul")</script> ]]> ]]> Judul <img src=x onerror=alert(1)> & "kutip"',
    );
    expect(dialogs).toEqual([]);
    expect(await liveMarkupInResults()).toEqual([]);
  });

  it('shows the summary of issue 23 as text when results list summaries', async () => {
    // With a filter and no query, results show each article's summary instead of an excerpt.
    await search('?tag=umpan&language=all');
    const text = page.locator('.search-result .search-result__text');
    expect(await text.allTextContents()).toEqual(['"><svg onload=alert(1)>']);
    expect(dialogs).toEqual([]);
    expect(await liveMarkupInResults()).toEqual([]);
  });
});
