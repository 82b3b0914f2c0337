/**
 * The corrections log of the fixture archive: every correction on one page with the article it
 * corrects, linked at the correction on the article's page, which links back; and its feeds, read
 * as a feed reader reads them; and /feeds.opml, the list of every feed.
 */
import { readFile } from 'node:fs/promises';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { siteFile } from '../helpers/build';

const ARTICLE = '/2022/09/06/korea-utara-jual-peluru/';

async function read(sitePath: string): Promise<string> {
  return readFile(siteFile(inject('basicOutDir'), sitePath), 'utf8');
}

describe('the corrections log', () => {
  it('lists each correction with its date, its text and a link to it on the corrected article', async () => {
    const { document } = parseHTML(await read('/corrections/'));
    expect(document.querySelector('h1')?.textContent).toBe('Koreksi');
    const items = [...document.querySelectorAll('.corrections-log > li')];
    expect(items).toHaveLength(1);
    expect(items[0]?.querySelector('time')?.getAttribute('datetime')).toBe('2022-09-08');
    expect(items[0]?.querySelector('.correction-text')?.textContent).toBe('Judul diperbaiki.');
    const link = items[0]?.querySelector('.correction-article a');
    expect(link?.getAttribute('href')).toBe(`${ARTICLE}#correction-1`);
    expect(link?.textContent).toBe('Korea Utara Jual Peluru ke Rusia');
    expect(document.querySelector('link[rel="alternate"][href="/corrections/rss.xml"]')).not.toBeNull();
  });

  it("is linked from the corrected article's correction box, whose entries carry the anchors", async () => {
    const { document } = parseHTML(await read(ARTICLE));
    expect(document.querySelector('.corrections li#correction-1')?.textContent).toContain('Judul diperbaiki.');
    expect(document.querySelector('.corrections-all a')?.getAttribute('href')).toBe('/corrections/');
  });

  it('is a feed in every format, each item dated when the correction was made', async () => {
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
      const text = await read(`/corrections/${file}`);
      const items =
        file === 'feed.json'
          ? (JSON.parse(text) as { items: { url: string; title: string; date_published: string }[] }).items.map(
              (item) => ({ url: item.url, title: item.title, published: new Date(item.date_published) }),
            )
          : parseFeed(text).items.map((item) => ({ url: item.url, title: item.title, published: item.published }));
      expect(items, file).toEqual([
        {
          url: `https://warta.example.org${ARTICLE}#correction-1`,
          title: 'Koreksi: Korea Utara Jual Peluru ke Rusia',
          published: new Date('2022-09-08T00:00:00+07:00'),
        },
      ]);
    }
  });
});

describe('the list of every feed', () => {
  it('names the archive, corrections and every topic feed, each a file the build wrote', async () => {
    const xml = await read('/feeds.opml');
    const urls = [...xml.matchAll(/xmlUrl="([^"]+)"/g)].map((match) => match[1]!);
    expect(urls).toContain('https://warta.example.org/rss.xml');
    expect(urls).toContain('https://warta.example.org/corrections/rss.xml');
    expect(urls.filter((url) => url.includes('/tags/')).length).toBeGreaterThan(2);
    for (const url of urls) await expect(read(new URL(url).pathname), url).resolves.toContain('<rss');
  });
});
