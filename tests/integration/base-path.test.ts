/**
 * Builds the fixture archive for a sub-path deploy (`https://example.org/arsip/`) and checks that
 * nothing a browser, feed reader or crawler follows leads out of it: links and assets in every page,
 * every address in feeds, sitemaps and robots.txt. The build clock is set to the day after the
 * newest article, so the news sitemap has something to list.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, fixturesDir, listFiles, siteFile, type BuildResult } from '../helpers/build';
import { BASIC_ENV } from './global-setup';

const CONTENT = path.join(fixturesDir, 'basic', 'content');
const ORIGIN = 'https://example.org';
const ROOT = `${ORIGIN}/arsip/`;
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) });

/** Every attribute of an element that a browser follows or loads. */
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'poster', 'cite'];

/** The URLs in an HTML document: attributes, preview tags and structured data. */
function urlsInHtml(html: string): string[] {
  const { document } = parseHTML(html);
  const urls: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      if (name === 'srcset') urls.push(...value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!));
      else urls.push(value);
    }
  }
  for (const tag of document.querySelectorAll('meta[content]')) {
    const content = tag.getAttribute('content')!;
    if (/^https?:\/\//.test(content)) urls.push(content);
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    urls.push(...urlsInData(JSON.parse(script.textContent ?? 'null')));
  }
  return urls;
}

/** The URLs in parsed XML or JSON: every address-like string, and every address in embedded HTML. */
function urlsInData(value: unknown): string[] {
  if (typeof value === 'string') {
    if (/^https?:\/\//.test(value.trim())) return [value.trim()];
    return value.includes('<') ? urlsInHtml(value) : [];
  }
  if (Array.isArray(value)) return value.flatMap(urlsInData);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urlsInData);
  return [];
}

/** Where a URL found on a page leads, resolved as a browser would. */
function resolve(url: string, pagePath: string): URL | undefined {
  if (url.startsWith('#')) return undefined;
  return new URL(url, `${ORIGIN}/arsip${pagePath}`);
}

/**
 * Full addresses that editors wrote into the fixture articles (a source at example.org/desk): links
 * the editor chose, not ones the build made, so they may point anywhere on the host.
 */
async function readEditorAddresses(): Promise<Set<string>> {
  const files = await listFiles(CONTENT);
  const texts = await Promise.all(files.map((file) => readFile(path.join(CONTENT, file), 'utf8')));
  return new Set(texts.flatMap((text) => [...text.matchAll(/https?:\/\/[^\s)"'\]]+/g)].map((match) => match[0])));
}

let editorAddresses: Set<string>;

function outsideTheArchive(url: URL | undefined): boolean {
  if (url === undefined || editorAddresses.has(url.href)) return false;
  return url.origin === ORIGIN && !url.pathname.startsWith('/arsip/');
}

describe('an archive deployed under a sub-path', () => {
  let build: BuildResult;
  let files: string[];

  beforeAll(async () => {
    editorAddresses = await readEditorAddresses();
    build = await buildArchive(CONTENT, {
      ...BASIC_ENV,
      WARTA_BASE: '/arsip/',
      WARTA_SITE_URL: ORIGIN,
      // The day after "Malam Tahun Baru" (2023-12-31T23:30Z): it is news in this build.
      SOURCE_DATE_EPOCH: '1704153600',
      WARTA_SITEMAP_PART_SIZE: '3',
    });
    if (build.exitCode !== 0) throw new Error(`the sub-path build failed:\n${build.output}`);
    files = await listFiles(build.outDir);
  });
  afterAll(() => build?.cleanup());

  /** Whether a URL of this site points at a file the build wrote. */
  async function exists(url: URL): Promise<boolean> {
    const path = url.pathname.replace(/^\/arsip/, '');
    return access(siteFile(build.outDir, path)).then(
      () => true,
      () => false,
    );
  }

  it('keeps every link, asset and preview address of every page inside the sub-path', async () => {
    const pages = files.filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      const pagePath = `/${file.replace(/index\.html$/, '')}`;
      const urls = urlsInHtml(await build.read(pagePath));
      const escaping = urls.filter((url) => outsideTheArchive(resolve(url, pagePath)));
      expect(escaping, `${file} links outside /arsip/`).toEqual([]);
    }
  });

  it('loads stylesheets, icons and scripts that the build really wrote', async () => {
    for (const file of files.filter((name) => name.endsWith('.html'))) {
      const { document } = parseHTML(await build.read(`/${file.replace(/index\.html$/, '')}`));
      const assets = [
        ...[...document.querySelectorAll('link[rel="stylesheet"], link[rel="icon"]')].map((el) =>
          el.getAttribute('href'),
        ),
        ...[...document.querySelectorAll('script[src], img[src]')].map((el) => el.getAttribute('src')),
      ].filter((url): url is string => url !== null && url.startsWith('/'));
      for (const asset of assets) expect(await exists(new URL(asset, ORIGIN)), `${file}: ${asset}`).toBe(true);
    }
  });

  it('gives canonical and preview addresses with the sub-path', async () => {
    const { document } = parseHTML(await build.read('/2022/09/06/korea-utara-jual-peluru/'));
    const url = `${ROOT}2022/09/06/korea-utara-jual-peluru/`;
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
    expect(document.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(url);
    expect(document.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(`${ROOT}social-card.png`);
    expect(document.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href')).toBe(
      '/arsip/rss.xml',
    );
  });

  it('puts the sub-path before site links that editors wrote in articles', async () => {
    const { document } = parseHTML(await build.read('/2022/09/06/sanctions-bite/'));
    expect(document.querySelector('.article-body a')?.getAttribute('href')).toBe(
      '/arsip/2022/09/06/korea-utara-jual-peluru/',
    );
  });

  it('writes only full addresses inside the sub-path into feeds, and they lead to built pages', async () => {
    const feedFiles = files.filter((file) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(file));
    // The archive's and the corrections log's, and each tag's, in three formats.
    expect(feedFiles.length).toBe(3 * 7);
    for (const file of feedFiles) {
      const text = await build.read(`/${file}`);
      const data: unknown = file.endsWith('.json') ? JSON.parse(text) : xml.parse(text);
      const urls = urlsInData(data).filter((url) => !url.startsWith('http://purl.org') && !url.includes('w3.org'));
      expect(urls.length, file).toBeGreaterThan(0);
      for (const url of urls) {
        expect(url, `${file}: every address in a feed is absolute`).toMatch(/^(https?:|mailto:)/);
        expect(outsideTheArchive(new URL(url)), `${file}: ${url}`).toBe(false);
      }
    }
    const feed = parseFeed(await build.read('/rss.xml'));
    expect(feed.url).toBe(ROOT);
    expect(feed.self).toBe(`${ROOT}rss.xml`);
    for (const item of feed.items) expect(await exists(new URL(item.url!)), item.url!).toBe(true);
    const json = JSON.parse(await build.read('/feed.json')) as { items: { content_html: string }[] };
    expect(json.items.find((item) => item.content_html.includes('Pyongyang'))?.content_html).toContain(
      `href="${ROOT}2022/09/06/korea-utara-jual-peluru/"`,
    );
  });

  it('splits the sitemap into parts under the sub-path that together list every page', async () => {
    const index = xml.parse(await build.read('/sitemap-index.xml'));
    const parts = (index.sitemapindex.sitemap as { loc: string }[]).map((entry) => entry.loc);
    const indexFiles = files.filter((file) => file.endsWith('index.html'));
    // Redirect stubs at old paths (aliases) are not pages a sitemap should list.
    const stubs = await Promise.all(
      indexFiles.map(async (file) =>
        /http-equiv="refresh"/.test(await readFile(path.join(build.outDir, file), 'utf8')),
      ),
    );
    const pages = indexFiles
      .filter((_, index) => !stubs[index])
      .map((file) => `${ROOT}${file.replace(/index\.html$/, '')}`);
    // Parts of at most three pages each (WARTA_SITEMAP_PART_SIZE), numbered from 0.
    const partCount = Math.ceil(pages.length / 3);
    expect(partCount).toBeGreaterThan(1);
    expect(parts).toEqual([
      `${ROOT}news-sitemap.xml`,
      ...Array.from({ length: partCount }, (_, n) => `${ROOT}sitemap-${n}.xml`),
    ]);
    const listed: string[] = [];
    for (const part of parts.slice(1)) {
      const urls = xml.parse(await build.read(new URL(part).pathname.replace(/^\/arsip/, ''))).urlset.url as {
        loc: string;
      }[];
      expect(urls.length).toBeLessThanOrEqual(3);
      listed.push(...urls.map((url) => url.loc));
    }
    expect(listed.sort()).toEqual(pages.sort());
    for (const url of listed) expect(await exists(new URL(url)), url).toBe(true);
  });

  it('lists the article of the last two days in the news sitemap', async () => {
    const news = xml.parse(await build.read('/news-sitemap.xml'));
    expect(news.urlset.url).toEqual([
      {
        loc: `${ROOT}2024/01/01/malam-tahun-baru/`,
        'news:news': {
          'news:publication': { 'news:name': 'Warta', 'news:language': 'id' },
          'news:publication_date': '2024-01-01T06:30:00+07:00',
          'news:title': 'Malam Tahun Baru',
          'news:keywords': 'Jakarta',
        },
      },
    ]);
  });

  it('names the sitemaps under the sub-path in robots.txt', async () => {
    const robots = await build.read('/robots.txt');
    const sitemaps = [...robots.matchAll(/^Sitemap: (.+)$/gm)].map((match) => match[1]);
    expect(sitemaps).toEqual([`${ROOT}sitemap-index.xml`, `${ROOT}news-sitemap.xml`]);
  });

  it('points JSON-LD breadcrumbs and the publisher logo inside the sub-path', async () => {
    const { document } = parseHTML(await build.read('/2024/01/01/malam-tahun-baru/'));
    const [article, breadcrumbs] = [...document.querySelectorAll('script[type="application/ld+json"]')].map(
      (script) => JSON.parse(script.textContent ?? '') as Record<string, unknown>,
    );
    expect(article).toMatchObject({
      publisher: { logo: { url: `${ROOT}logo.png` } },
      url: `${ROOT}2024/01/01/malam-tahun-baru/`,
    });
    const items = breadcrumbs!['itemListElement'] as { item: string }[];
    expect(items.map((item) => item.item)).toEqual([
      ROOT,
      `${ROOT}2024/`,
      `${ROOT}2024/01/`,
      `${ROOT}2024/01/01/`,
      `${ROOT}2024/01/01/malam-tahun-baru/`,
    ]);
  });
});
