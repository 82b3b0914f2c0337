/**
 * What a feed reader, a search engine crawler and a link preview find in the fixture archive built
 * at the root of its host (the shared build): feeds, sitemaps, robots.txt, preview tags, structured
 * data and the "not found" page.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import type { JsonFeedDocument } from '../../src/lib/syndication/feeds';
import { listFiles, openArchive } from '../helpers/build';

const SITE = 'https://warta.example.org';
const build = openArchive(inject('basicOutDir'));
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) });

/** Newest first, as every feed lists them. */
const PUBLISHED = [
  { title: 'Malam Tahun Baru', path: '/2024/01/01/malam-tahun-baru/' },
  { title: 'Arsip yang Hanya Tahu Bulannya', path: '/2023/09/arsip-bulanan/' },
  { title: 'Sanctions Bite', path: '/2022/09/06/sanctions-bite/' },
  { title: 'Korea Utara Jual Peluru ke Rusia', path: '/2022/09/06/korea-utara-jual-peluru/' },
];

/** The site's HTML pages, without the redirect stubs written at old paths (aliases). */
async function htmlPages(): Promise<string[]> {
  const files = (await listFiles(build.outDir)).filter((file) => file.endsWith('.html'));
  const redirects = await Promise.all(
    files.map(async (file) => /http-equiv="refresh"/.test(await build.read(sitePathOf(file)))),
  );
  return files.filter((_, index) => !redirects[index]);
}

function sitePathOf(file: string): string {
  return `/${file.replace(/index\.html$/, '')}`;
}

async function readDocument(sitePath: string): Promise<Document> {
  return parseHTML(await build.read(sitePath)).document;
}

function meta(document: Document, key: string): string | null | undefined {
  return document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
}

function jsonLd(document: Document): Record<string, unknown>[] {
  return [...document.querySelectorAll('script[type="application/ld+json"]')].map(
    (script) => JSON.parse(script.textContent ?? '') as Record<string, unknown>,
  );
}

describe('feeds of the whole archive', () => {
  it('RSS 2.0 lists the published articles newest first, with absolute links, dates, authors and tags', async () => {
    const feed = parseFeed(await build.read('/rss.xml'));
    expect(feed.meta.type).toBe('rss');
    expect(feed.title).toBe('Warta');
    expect(feed.url).toBe(`${SITE}/`);
    expect(feed.self).toBe(`${SITE}/rss.xml`);
    expect(feed.items.map((item) => item.title)).toEqual(PUBLISHED.map((article) => article.title));
    expect(feed.items.map((item) => item.url)).toEqual(PUBLISHED.map((article) => `${SITE}${article.path}`));
    const korea = feed.items[3]!;
    expect(korea.published?.toISOString()).toBe('2022-09-05T17:00:00.000Z');
    expect(korea.authors.map((author) => author.name)).toEqual(['Rina Hartono']);
    expect(korea.categories.map((category) => category.label)).toEqual(['Korea Utara', 'Rusia']);
    expect(korea.description).toBe('Ringkasan singkat tentang penjualan peluru.');
    // Full text by default, with the page-only heading anchors gone and the sanitizer's work kept.
    expect(korea.content).toContain('Intelijen menyebut Rusia membeli persenjataan');
    expect(korea.content).not.toContain('heading-anchor');
    expect(korea.content).not.toMatch(/<script|onerror|javascript:/);
    expect(feed.items[0]!.published?.toISOString()).toBe('2023-12-31T23:30:00.000Z');
  });

  it('Atom 1.0 carries the same entries, with published and updated dates', async () => {
    const feed = parseFeed(await build.read('/atom.xml'));
    expect(feed.meta.type).toBe('atom');
    expect(feed.self).toBe(`${SITE}/atom.xml`);
    expect(feed.items.map((item) => item.url)).toEqual(PUBLISHED.map((article) => `${SITE}${article.path}`));
    const korea = feed.items[3]!;
    expect(korea.published?.toISOString()).toBe('2022-09-05T17:00:00.000Z');
    // The correction of 8 September made it the article's last update.
    expect(korea.updated?.toISOString()).toBe('2022-09-07T17:00:00.000Z');
    expect(korea.categories.map((category) => category.term)).toEqual(['Korea Utara', 'Rusia']);
    expect(feed.items[0]!.authors.map((author) => author.name)).toEqual(['Warta']);
  });

  it('JSON Feed 1.1 carries the same items, with dates in the site offset and each item language', async () => {
    const feed = JSON.parse(await build.read('/feed.json')) as JsonFeedDocument;
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.items.map((item) => item.url)).toEqual(PUBLISHED.map((article) => `${SITE}${article.path}`));
    expect(feed.items[0]).toMatchObject({ date_published: '2024-01-01T06:30:00+07:00', language: 'id' });
    expect(feed.items[2]).toMatchObject({
      language: 'en',
      authors: [{ name: 'Sam Lee' }],
      tags: ['Russia'],
      image: 'https://images.example.net/sanctions/port.jpg',
    });
    // A site path in the article becomes a full address that works in any reader.
    expect(feed.items[2]!.content_html).toContain(`href="${SITE}/2022/09/06/korea-utara-jual-peluru/"`);
  });
});

describe('feeds of each tag', () => {
  it('exist in all three formats for every tag of a published article', async () => {
    const files = await listFiles(build.outDir);
    const tagFeeds = files.filter((file) => /^tags\/[^/]+\/(rss\.xml|atom\.xml|feed\.json)$/.test(file));
    const slugs = ['arsip', 'jakarta', 'korea-utara', 'rusia', 'russia'];
    expect(tagFeeds).toEqual(
      slugs.flatMap((slug) => ['atom.xml', 'feed.json', 'rss.xml'].map((f) => `tags/${slug}/${f}`)),
    );
  });

  it('list only that tag’s articles, linking back to the tag page', async () => {
    const rss = parseFeed(await build.read('/tags/rusia/rss.xml'));
    expect(rss.title).toBe('Warta — Topik: Rusia');
    expect(rss.url).toBe(`${SITE}/tags/rusia/`);
    expect(rss.self).toBe(`${SITE}/tags/rusia/rss.xml`);
    expect(rss.items.map((item) => item.title)).toEqual(['Korea Utara Jual Peluru ke Rusia']);
    const atom = parseFeed(await build.read('/tags/russia/atom.xml'));
    expect(atom.items.map((item) => item.title)).toEqual(['Sanctions Bite']);
    const json = JSON.parse(await build.read('/tags/jakarta/feed.json')) as JsonFeedDocument;
    expect(json.items.map((item) => item.title)).toEqual(['Malam Tahun Baru']);
  });

  it('carry each article’s summary, where the archive’s feeds carry its whole text', async () => {
    const tagItem = (JSON.parse(await build.read('/tags/rusia/feed.json')) as JsonFeedDocument).items[0]!;
    const archiveItem = (JSON.parse(await build.read('/feed.json')) as JsonFeedDocument).items.find(
      (item) => item.title === tagItem.title,
    )!;
    expect(tagItem.content_html).toBeUndefined();
    expect(tagItem.content_text).toBe(archiveItem.summary);
    expect(archiveItem.content_html).toContain('<p>');
    expect(await build.read('/tags/rusia/rss.xml')).not.toContain('<content:encoded>');
  });
});

describe('every page', () => {
  it('names the feeds, its canonical address, a description and preview tags', async () => {
    for (const file of await htmlPages()) {
      const document = parseHTML(await build.read(sitePathOf(file))).document;
      const alternates = [...document.querySelectorAll('link[rel="alternate"]')].map((link) => [
        link.getAttribute('type'),
        link.getAttribute('href'),
      ]);
      expect(alternates, file).toEqual(
        expect.arrayContaining([
          ['application/rss+xml', '/rss.xml'],
          ['application/atom+xml', '/atom.xml'],
          ['application/feed+json', '/feed.json'],
        ]),
      );
      expect(meta(document, 'description'), file).toBeTruthy();
      expect(meta(document, 'og:title'), file).toBeTruthy();
      expect(meta(document, 'og:image'), file).toMatch(/^https:\/\//);
      expect(meta(document, 'twitter:card'), file).toBe('summary_large_image');
      if (file !== '404.html') {
        expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), file).toBe(
          `${SITE}${sitePathOf(file)}`,
        );
        expect(meta(document, 'og:url'), file).toBe(`${SITE}${sitePathOf(file)}`);
      }
    }
  });

  it('shows the site picture in previews of pages without an image, and it is shipped', async () => {
    const home = await readDocument('/');
    expect(meta(home, 'og:image')).toBe(`${SITE}/social-card.png`);
    expect(meta(home, 'og:image:width')).toBe('1200');
    expect(meta(home, 'og:type')).toBe('website');
    const files = await listFiles(build.outDir);
    expect(files).toEqual(expect.arrayContaining(['social-card.png', 'logo.png']));
  });
});

describe('article pages', () => {
  it('preview with the article’s own image and publication facts', async () => {
    const document = await readDocument('/2022/09/06/sanctions-bite/');
    expect(meta(document, 'og:type')).toBe('article');
    expect(meta(document, 'og:image')).toBe('https://images.example.net/sanctions/port.jpg');
    expect(meta(document, 'og:image:alt')).toBe('Cranes idle at a Baltic port');
    expect(meta(document, 'twitter:image')).toBe('https://images.example.net/sanctions/port.jpg');
    expect(meta(document, 'og:locale')).toBe('en_GB');
    expect(meta(document, 'article:published_time')).toBe('2022-09-06T09:00:00+07:00');
    expect(meta(document, 'article:tag')).toBe('Russia');
  });

  it('carry a complete NewsArticle and a BreadcrumbList', async () => {
    const [article, breadcrumbs, ...rest] = jsonLd(await readDocument('/2022/09/06/korea-utara-jual-peluru/'));
    expect(rest).toEqual([]);
    const url = `${SITE}/2022/09/06/korea-utara-jual-peluru/`;
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      url,
      headline: 'Korea Utara Jual Peluru ke Rusia',
      description: 'Ringkasan singkat tentang penjualan peluru.',
      datePublished: '2022-09-06T00:00:00+07:00',
      dateModified: '2022-09-08T00:00:00+07:00',
      author: [{ '@type': 'Person', name: 'Rina Hartono' }],
      publisher: { '@type': 'Organization', name: 'Warta', logo: { '@type': 'ImageObject', url: `${SITE}/logo.png` } },
      image: [`${SITE}/social-card.png`],
      inLanguage: 'id',
      keywords: ['Korea Utara', 'Rusia'],
      correction: [
        { '@type': 'CorrectionComment', text: 'Judul diperbaiki.', datePublished: '2022-09-08T00:00:00+07:00' },
      ],
    });
    expect(breadcrumbs).toMatchObject({ '@type': 'BreadcrumbList' });
    const items = breadcrumbs!['itemListElement'] as { position: number; name: string; item: string }[];
    expect(items.map((item) => [item.position, item.name, item.item])).toEqual([
      [1, 'Beranda', `${SITE}/`],
      [2, '2022', `${SITE}/2022/`],
      [3, 'September 2022', `${SITE}/2022/09/`],
      [4, 'Selasa, 6 September 2022', `${SITE}/2022/09/06/`],
      [5, 'Korea Utara Jual Peluru ke Rusia', url],
    ]);
  });

  it('trail a month-only article to its month, named in the article’s language', async () => {
    const [, breadcrumbs] = jsonLd(await readDocument('/2023/09/arsip-bulanan/'));
    const items = breadcrumbs!['itemListElement'] as { name: string }[];
    expect(items.map((item) => item.name)).toEqual([
      'Beranda',
      '2023',
      'September 2023',
      'Arsip yang Hanya Tahu Bulannya',
    ]);
  });
});

describe('sitemaps and robots.txt', () => {
  it('the sitemap index names every part and the news sitemap', async () => {
    const index = xml.parse(await build.read('/sitemap-index.xml'));
    const locs = (index.sitemapindex.sitemap as { loc: string }[]).map((entry) => entry.loc);
    expect(locs).toEqual([`${SITE}/news-sitemap.xml`, `${SITE}/sitemap-0.xml`]);
  });

  it('lists every HTML page except "not found", and dates articles by their last update', async () => {
    const urls = xml.parse(await build.read('/sitemap-0.xml')).urlset.url as { loc: string; lastmod?: string }[];
    const expected = (await htmlPages())
      .filter((file) => file !== '404.html')
      .map((file) => `${SITE}${sitePathOf(file)}`);
    expect(urls.map((url) => url.loc).sort()).toEqual(expected.sort());
    const lastmod = new Map(urls.map((url) => [url.loc, url.lastmod]));
    expect(lastmod.get(`${SITE}/2022/09/06/korea-utara-jual-peluru/`)).toBe('2022-09-07T17:00:00.000Z');
    expect(lastmod.get(`${SITE}/2022/09/06/sanctions-bite/`)).toBe('2022-09-06T02:00:00.000Z');
    expect(lastmod.get(`${SITE}/`)).toBe('2023-12-31T23:30:00.000Z');
  });

  it('the news sitemap is empty when nothing was published in the two days before the build', async () => {
    const news = xml.parse(await build.read('/news-sitemap.xml'));
    expect(news.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(news.urlset.url).toBeUndefined();
  });

  it('robots.txt names both sitemaps by their full address', async () => {
    const robots = await build.read('/robots.txt');
    expect(robots).toContain('User-agent: *');
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
    expect(robots).toContain(`Sitemap: ${SITE}/news-sitemap.xml`);
  });
});

describe('the "not found" page', () => {
  it('offers a search box and the way home, and keeps itself out of search engines', async () => {
    const document = await readDocument('/404.html');
    expect(document.querySelector('h1')?.textContent).toBe('Halaman tidak ditemukan');
    const form = document.querySelector('main form[role="search"]');
    expect(form?.getAttribute('action')).toBe('/search/');
    expect(form?.getAttribute('method')).toBe('get');
    expect(form?.querySelector('input[type="search"]')?.getAttribute('name')).toBe('q');
    expect(form?.querySelector('label')?.getAttribute('for')).toBe(form?.querySelector('input')?.getAttribute('id'));
    const links = [...document.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/', '/archive/']);
    expect(meta(document, 'robots')).toBe('noindex');
    expect(document.querySelector('link[rel="canonical"]')).toBeNull();
  });
});
