/**
 * `npm run screenshots`: photographs the main pages of the built site in `dist/` (run `npm run
 * build` first) with the Chromium the browser tests use, in light and dark and on a 390 px phone,
 * into `docs/screenshots/` for the README.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { launchBrowser, serveStatic } from '../../tests/helpers/browser';
import { SEARCH_PATH, searchPath, sectionPath } from '../lib/core/routes';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = path.join(root, 'docs', 'screenshots');

// Which page, in which theme, at which width: the README shows each of them.
const shots = [
  { name: 'home-light', path: '/', colorScheme: 'light', width: 1280 },
  { name: 'home-dark', path: '/', colorScheme: 'dark', width: 1280 },
  {
    name: 'article-light',
    path: '/2021/02/08/banjir-rendam-permukiman-jakarta-usai-hujan-semalaman/',
    colorScheme: 'light',
    width: 1280,
  },
  { name: 'home-phone-light', path: '/', colorScheme: 'light', width: 390 },
  {
    name: 'article-phone-dark',
    path: '/2023/08/28/jalur-lrt-baru-mulai-melayani-penumpang-di-jabodebek/',
    colorScheme: 'dark',
    width: 390,
  },
  { name: 'section-light', path: sectionPath('lingkungan'), colorScheme: 'light', width: 1280 },
  { name: 'day-dark', path: '/2024/02/14/', colorScheme: 'dark', width: 1280 },
  {
    name: 'search-phone-light',
    path: searchPath(new URLSearchParams({ q: 'jakarta' })),
    colorScheme: 'light',
    width: 390,
  },
  { name: 'archive-dark', path: '/archive/', colorScheme: 'dark', width: 1280 },
  { name: 'stats-light', path: '/stats/', colorScheme: 'light', width: 1280 },
  { name: 'search-light', path: searchPath(new URLSearchParams({ q: 'jakarta' })), colorScheme: 'light', width: 1280 },
] as const;

const site = await serveStatic(path.join(root, 'dist'));
const browser = await launchBrowser();
try {
  for (const shot of shots) {
    const phone = shot.width < 500;
    const context = await browser.newContext({
      viewport: { width: shot.width, height: phone ? 844 : 900 },
      colorScheme: shot.colorScheme,
    });
    const page = await context.newPage();
    await page.goto(site.at(shot.path), { waitUntil: 'networkidle' });
    // Search results arrive from a worker after the page has loaded.
    if (shot.path.startsWith(SEARCH_PATH)) await page.waitForSelector('.search-result');
    // A phone's first screen: what a reader sees before scrolling.
    const png = await page.screenshot();
    await context.close();
    // Palette PNGs at half the pixels keep the repository light; the README shows them small anyway.
    const file = path.join(outDir, `${shot.name}.png`);
    const resized = phone ? sharp(png) : sharp(png).resize({ width: 960 });
    const info = await resized.png({ palette: true, quality: 80, compressionLevel: 9 }).toFile(file);
    console.log(`docs/screenshots/${shot.name}.png: ${info.width}×${info.height}, ${info.size} bytes`);
  }
} finally {
  await browser.close();
  await site.close();
}
