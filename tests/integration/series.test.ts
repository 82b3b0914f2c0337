/**
 * Series (running stories) on a fixture of three parts of one story, one of them spelling its name
 * in other case, and one article outside it: the part navigation on each article, the timeline page
 * oldest first, the index of series and the series' feeds.
 */
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, fixturesDir, type BuildResult } from '../helpers/build';
import { BASIC_ENV } from './global-setup';

let build: BuildResult;

const PARTS = [
  ['/2022/09/06/peluru/', 'Pyongyang Disebut Memasok Peluru ke Moskow'],
  ['/2023/09/13/pertemuan/', 'Kim dan Putin Bertemu di Timur Jauh Rusia'],
  ['/2024/06/19/pakta/', 'Rusia dan Korea Utara Meneken Pakta Saling Bantu'],
] as const;

async function open(sitePath: string): Promise<Document> {
  return parseHTML(await build.read(sitePath)).document;
}

beforeAll(async () => {
  build = await buildArchive(path.join(fixturesDir, 'series', 'content'), BASIC_ENV);
  if (build.exitCode !== 0) throw new Error(`the series fixture did not build:\n${build.output}`);
});
afterAll(() => build?.cleanup());

describe('a series', () => {
  it('tells each part where it stands, with the parts before and after and the whole series', async () => {
    const middle = await open(PARTS[1][0]);
    const nav = middle.querySelector('nav.series-nav');
    expect(nav?.querySelector('p')?.textContent).toBe('Korea Utara–Rusia: Bagian 2 dari 3');
    expect(nav?.querySelector('p a')?.getAttribute('href')).toBe('/series/korea-utara-rusia/');
    const links = [...(nav?.querySelectorAll('li a') ?? [])].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).toEqual([
      [PARTS[0][0], `Bagian sebelumnya ${PARTS[0][1]}`],
      [PARTS[2][0], `Bagian berikutnya ${PARTS[2][1]}`],
    ]);
    const first = await open(PARTS[0][0]);
    expect(first.querySelector('nav.series-nav p')?.textContent).toBe('Korea Utara–Rusia: Bagian 1 dari 3');
    expect(first.querySelectorAll('nav.series-nav li')).toHaveLength(1);
    const outside = await open('/2024/07/02/lain/');
    expect(outside.querySelector('nav.series-nav')).toBeNull();
  });

  it('has a timeline, oldest part first, paginated (two a page here), with its feeds', async () => {
    const page = await open('/series/korea-utara-rusia/');
    const titles = (document: Document) => [...document.querySelectorAll('.article-list h2')].map((h) => h.textContent);
    expect(page.querySelector('h1')?.textContent).toBe('Korea Utara–Rusia');
    expect(titles(page)).toEqual([PARTS[0][1], PARTS[1][1]]);
    expect(titles(await open('/series/korea-utara-rusia/2/'))).toEqual([PARTS[2][1]]);
    expect(page.querySelector('link[rel="alternate"][href="/series/korea-utara-rusia/rss.xml"]')).not.toBeNull();
  });

  it('is listed on the index of series with its number of parts', async () => {
    const page = await open('/series/');
    const item = page.querySelector('.series-list li');
    expect(item?.querySelector('a')?.getAttribute('href')).toBe('/series/korea-utara-rusia/');
    expect(item?.querySelector('.count')?.textContent).toBe('3 bagian');
  });

  it("has feeds of its newest parts, which a reader's parser reads", async () => {
    const feed = parseFeed(await build.read('/series/korea-utara-rusia/rss.xml'));
    expect(feed.items.map((item) => item.title)).toEqual(PARTS.map(([, title]) => title).reverse());
    const json = JSON.parse(await build.read('/series/korea-utara-rusia/feed.json')) as { items: unknown[] };
    expect(json.items).toHaveLength(3);
    // Listed with every other feed of the site.
    expect(await build.read('/feeds.opml')).toContain(
      'xmlUrl="https://warta.example.org/series/korea-utara-rusia/rss.xml"',
    );
  });
});
