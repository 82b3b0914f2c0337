/**
 * `npm run dev` looks like the built site: the development server's pages get the site's
 * stylesheet (Vite injects it inline, which the built site's Content-Security-Policy forbids), and
 * the browser reports no policy violation for them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, serveStatic, type StaticSite } from '../helpers/browser';
import { projectRoot } from '../helpers/build';
import { startDevServer, type DevServer } from '../helpers/dev-server';
import { SAMPLE_SETTINGS } from './global-setup';

let work: string;
let server: DevServer;
let built: StaticSite;
let browser: Browser;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'warta-dev-styles-'));
  [server, built, browser] = await Promise.all([
    startDevServer({
      // The same articles and settings as the sample build the browser tests share.
      ...SAMPLE_SETTINGS,
      WARTA_CONTENT_DIR: path.join(projectRoot, 'content'),
      WARTA_OUT_DIR: path.join(work, 'dist'),
      WARTA_CACHE_DIR: path.join(work, 'cache'),
      TZ: 'UTC',
    }),
    serveStatic(inject('sampleOutDir')),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await built?.close();
  await server?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

/** What the stylesheet sets on the page: the body's font and background, the header's background. */
async function readStyles(page: Page) {
  return page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const header = document.querySelector('.site-header');
    return {
      font: body.fontFamily,
      background: body.backgroundColor,
      header: header ? getComputedStyle(header).backgroundColor : 'none',
    };
  });
}

describe('the development server', () => {
  it('applies the site stylesheet as the built site does, with no policy violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(built.at('/'));
    const expected = await readStyles(page);
    // The browser's own default: a page without the stylesheet would show this.
    expect(expected.background).not.toBe('rgba(0, 0, 0, 0)');
    await page.goto(server.url, { waitUntil: 'load' });
    await expect.poll(() => readStyles(page), { timeout: 20_000 }).toEqual(expected);
    expect(violations).toEqual([]);
    await page.close();
  });
});
