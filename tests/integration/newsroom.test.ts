/**
 * README's "Make it your newsroom", step by step, on a second site: tests/fixtures/newsroom has its
 * own astro.config.mjs (another name, Asia/Makassar, English first, two sections, a tag mapped
 * across languages) and its own articles, and is built for deployment (CI=true) as a host would.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, fixturesDir, listFiles, siteFile, type BuildResult } from '../helpers/build';
import { readIndexedPages } from '../helpers/search-index';

const FIXTURE = path.join(fixturesDir, 'newsroom');
// Astro takes the path of --config from the project's root.
const CONFIG = ['--config', 'tests/fixtures/newsroom/astro.config.mjs'];

// A deploy: CI set, and no permission to keep an example address (the newsroom has its own).
const DEPLOY = { CI: 'true', WARTA_ALLOW_EXAMPLE_URL: '', SOURCE_DATE_EPOCH: '1767225600', TZ: 'UTC' } as const;

let build: BuildResult;

beforeAll(async () => {
  build = await buildArchive(path.join(FIXTURE, 'content'), DEPLOY, CONFIG);
  if (build.exitCode !== 0) throw new Error(`the newsroom fixture did not build:\n${build.output}`);
});
afterAll(() => build?.cleanup());

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

describe('step 1, the name: in each language', () => {
  it('heads every page and titles it, in the page’s language', async () => {
    const home = await build.read('/');
    expect(titleOf(home)).toBe('Eastern Chronicle');
    expect(home).toContain('<a class="site-title" href="/">Eastern Chronicle</a>');
    expect(titleOf(await build.read('/2024/05/04/derby-result/'))).toBe(
      'PSM Makassar Win the Derby — Eastern Chronicle',
    );
    expect(titleOf(await build.read('/2024/05/03/harga-ikan/'))).toBe(
      'Nelayan Sulawesi Selatan Sambut Musim Tuna — Kronik Timur',
    );
    expect(await build.read('/rss.xml')).toContain('<title>Eastern Chronicle</title>');
  });
});

describe('step 2, the address', () => {
  it('makes canonical links and the sitemap point at the newsroom’s own site', async () => {
    expect(await build.read('/2024/05/04/derby-result/')).toContain(
      '<link rel="canonical" href="https://arsip.kroniktimur.id/2024/05/04/derby-result/">',
    );
    expect(await build.read('/sitemap-0.xml')).toContain(
      '<loc>https://arsip.kroniktimur.id/2024/05/02/harbour-prices/</loc>',
    );
    expect(build.output).not.toContain('sample archive');
  });
});

describe('step 3, the time zone', () => {
  it('dates permalinks in Makassar time: 23:30 in Jakarta is the next day there', async () => {
    // Written as 2024-05-01T23:30:00+07:00, which is 00:30 on 2 May in Makassar (UTC+8).
    const article = await build.read('/2024/05/02/harbour-prices/');
    expect(article).toContain('<time datetime="2024-05-02T00:30:00+08:00">');
    const files = await listFiles(build.outDir);
    expect(files).not.toContain('2024/05/01/harbour-prices/index.html');
  });
});

describe('step 4, the languages: English first', () => {
  it('speaks English in the interface, and keeps Indonesian articles in Indonesian', async () => {
    const home = await build.read('/');
    expect(home).toMatch(/<html lang="en"/);
    expect(home).toContain('aria-label="Main navigation"');
    expect(home).toContain('>Archive</a>');
    expect(await build.read('/2024/05/03/harga-ikan/')).toMatch(/<html lang="id"/);
  });
});

describe('step 5, the sections', () => {
  it('gathers each desk’s articles on its own page, named in the interface’s language', async () => {
    const business = await build.read('/sections/business/');
    expect(titleOf(business)).toBe('Business — Eastern Chronicle');
    expect(business).toContain('/2024/05/02/harbour-prices/');
    expect(business).toContain('/2024/05/03/harga-ikan/');
    expect(business).not.toContain('/2024/05/04/derby-result/');
    const sport = await build.read('/sections/sport/');
    expect(sport).toContain('/2024/05/04/derby-result/');
    const files = await listFiles(build.outDir);
    expect(files.filter((file) => file.startsWith('sections/'))).toEqual([
      'sections/business/index.html',
      'sections/sport/index.html',
    ]);
  });
});

describe('step 6, tags mapped across languages', () => {
  it('shows Economy and Ekonomi as one topic, with both names, on its page', async () => {
    const topic = await build.read('/tags/economy-ekonomi/');
    expect(topic).toContain('Economy / Ekonomi');
    expect(topic).toContain('/2024/05/02/harbour-prices/');
    expect(topic).toContain('/2024/05/03/harga-ikan/');
    expect(await build.read('/tags/')).toContain('Economy / Ekonomi');
  });

  it('forwards the page each tag had on its own to the topic’s page', async () => {
    for (const old of ['/tags/economy/', '/tags/ekonomi/']) {
      const page = await build.read(old);
      expect(page).toMatch(/<meta http-equiv="refresh" content="0; url=[^"]*\/tags\/economy-ekonomi\/"/);
      expect(page).toContain('noindex');
    }
    expect(await build.read('/_redirects')).toContain('/tags/economy/ /tags/economy-ekonomi/ 301\n');
  });

  it('gives both articles one search filter, named in both languages', async () => {
    const filter = '<meta name="search:tag" content="Economy / Ekonomi" data-pagefind-filter="tag[content]">';
    expect(await build.read('/2024/05/02/harbour-prices/')).toContain(filter);
    expect(await build.read('/2024/05/03/harga-ikan/')).toContain(filter);
  });

  it('indexes both articles under that one filter value for the search page', async () => {
    const pages = await readIndexedPages(build.outDir);
    const tagged = pages.filter((page) => page.filters['tag']?.includes('Economy / Ekonomi')).map((page) => page.url);
    expect(tagged).toEqual(['/2024/05/02/harbour-prices/', '/2024/05/03/harga-ikan/']);
    expect(pages.flatMap((page) => page.filters['tag'] ?? [])).not.toContain('Economy');
  });

  it('links an article’s own spelling of the tag to the topic’s page, once for both spellings', async () => {
    // harga-ikan.md carries both: tags: [Ekonomi, Economy].
    const article = await build.read('/2024/05/03/harga-ikan/');
    const tagList = /<ul class="tag-list"[^>]*>(.*?)<\/ul>/s.exec(article)?.[1] ?? '';
    expect(tagList.match(/<a [^>]*>[^<]*<\/a>/g)).toEqual(['<a href="/tags/economy-ekonomi/">Ekonomi</a>']);
  });
});

describe('step 6, the pictures, and the feeds', () => {
  it('describes the newsroom’s own logo and preview picture', async () => {
    const home = await build.read('/');
    expect(home).toContain('<meta property="og:image:alt" content="Eastern Chronicle: the harbour at dawn">');
    expect(await build.read('/2024/05/04/derby-result/')).toContain(
      '"logo":{"@type":"ImageObject","url":"https://arsip.kroniktimur.id/logo.png"}',
    );
  });

  it('lists as many articles in a feed as the settings ask for', async () => {
    const rss = await build.read('/rss.xml');
    expect(rss.match(/<item>/g)).toHaveLength(2);
  });
});

describe('step 7, the samples removed', () => {
  it('publishes the newsroom’s articles and nothing of the sample archive', async () => {
    const files = (await listFiles(build.outDir)).filter((file) =>
      /^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(file),
    );
    expect(files).toEqual([
      '2024/05/02/harbour-prices/index.html',
      '2024/05/03/harga-ikan/index.html',
      '2024/05/04/derby-result/index.html',
    ]);
  });
});

describe('steps 8 and 9, a host and the first deploy', () => {
  let hosted: BuildResult;

  beforeAll(async () => {
    // A host that serves the archive under a sub-path hands its address to the build.
    // Rendered on worker threads, which get the settings (the base path of links) from the build.
    hosted = await buildArchive(
      path.join(FIXTURE, 'content'),
      { ...DEPLOY, WARTA_SITE_URL: 'https://kroniktimur.github.io', WARTA_BASE: '/arsip', WARTA_RENDER_WORKERS: '2' },
      CONFIG,
    );
  });
  afterAll(() => hosted?.cleanup());

  it('builds for deployment, with the host’s address and sub-path over astro.config.mjs', async () => {
    expect(hosted.exitCode).toBe(0);
    const article = await readFile(siteFile(hosted.outDir, '/2024/05/04/derby-result/'), 'utf8');
    expect(article).toContain(
      '<link rel="canonical" href="https://kroniktimur.github.io/arsip/2024/05/04/derby-result/">',
    );
    expect(article).toContain('<a class="site-title" href="/arsip/">Eastern Chronicle</a>');
    expect(article).toContain('<a href="/arsip/2024/05/02/harbour-prices/">the harbour auction</a>');
    expect(hosted.output).toMatch(/on 2 threads/);
  });
});
