/**
 * `npm run lighthouse`: audits the built site in `dist/` (run `npm run build` first) with Lighthouse
 * on the Chromium the browser tests use, as a phone on a slow network (Lighthouse's default), and
 * prints the performance, accessibility, best-practices and SEO scores of each main page type. Each
 * page is audited three times and the median run reported, as Lighthouse's authors advise for
 * timing metrics on a machine that does other work.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { chromiumPath, serveStatic } from '../../tests/helpers/browser';
import {
  ARCHIVE_PATH,
  CORRECTIONS_PATH,
  searchPath,
  sectionPath,
  SERIES_INDEX_PATH,
  seriesPath,
  STATS_PATH,
  termPath,
} from '../lib/core/routes';
import { slugify } from '../lib/core/slugs';

const root = fileURLToPath(new URL('../..', import.meta.url));

// One page per type the issue names; the article is one with a lead picture, the heaviest kind.
const pages = {
  home: '/',
  article: '/2021/02/08/banjir-rendam-permukiman-jakarta-usai-hujan-semalaman/',
  tag: termPath('tags', 'jakarta'),
  section: sectionPath('ekonomi'),
  archive: ARCHIVE_PATH,
  year: '/2024/',
  search: searchPath(new URLSearchParams({ q: 'jakarta' })),
  statistics: STATS_PATH,
  'series index': SERIES_INDEX_PATH,
  series: seriesPath(slugify('Korea Utara–Rusia')),
  corrections: CORRECTIONS_PATH,
} as const;
const RUNS = 3;
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const site = await serveStatic(path.join(root, 'dist'));
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const rows: string[][] = [];
let lowest = 100;
try {
  for (const [type, sitePath] of Object.entries(pages)) {
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) {
      const result = await lighthouse(site.at(sitePath), {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...categories],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${sitePath}`);
      runs.push(result.lhr);
    }
    const lhr = computeMedianRun(runs);
    const scores = categories.map((category) => Math.round((lhr.categories[category]?.score ?? 0) * 100));
    lowest = Math.min(lowest, ...scores);
    rows.push([type, sitePath, ...scores.map(String)]);
    // Name what cost points, so a score under 100 says where to look.
    for (const category of categories) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9) {
          console.error(`  ${type}: ${category}: ${audit.id} (${audit.score}) ${audit.displayValue ?? ''}`);
        }
      }
    }
  }
} finally {
  chrome.kill();
  await site.close();
}

console.log(`| page | path | ${categories.join(' | ')} |`);
console.log(`| --- | --- | ${categories.map(() => '---:').join(' | ')} |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
// A score below 95 fails the run, so the script can guard a release.
if (lowest < 95) {
  console.error(`lowest score ${lowest} is below 95`);
  process.exitCode = 1;
}
