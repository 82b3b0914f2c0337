/**
 * Builds tests/fixtures/hostile/renders (27 articles: script payloads in every field, attribute
 * break-outs, `javascript:`/`data:`/`vbscript:` addresses written many ways, mXSS forms, outside
 * stylesheets, CSP and refresh meta, direction overrides and zero-width characters in titles and
 * slugs, right-to-left and emoji headlines, CRLF, lone-CR and BOM files, year 1, year 9999) plus a
 * generated 5 MB article, and reads every output as its consumer would: pages, every feed through
 * an XML parser and each field readers render as HTML through an HTML parser, the JSON-LD of every
 * page, link-preview tags and the search index. Each must be safe, show the text the editor wrote,
 * and stay inside the output folder. Then builds an article nested too deeply
 * to render and checks that the build names it instead of crashing.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHeadersFile, getCspMetaContent } from '../../src/data/security';
import type { JsonFeedDocument } from '../../src/lib/syndication/feeds';
import { EMBED_HOSTS } from '../../src/markdown/rehype-embeds';
import { checkSiteLinks } from '../../src/verify/site-links';
import { createApiValidatorFor } from '../helpers/api-schema';
import { checkBrowsePromises, readBuiltArchive } from '../helpers/archive-pages';
import { buildArchive, fixturesDir, listFiles, projectRoot, type BuildResult } from '../helpers/build';
import {
  elementNames,
  findLiveMarkup,
  htmlToText,
  readAtomFields,
  readJsonFeedFields,
  readJsonLd,
  readMetaContents,
  readRssFields,
  type FeedField,
} from '../helpers/output-safety';
import { findScriptRisks, isDangerousUrl } from '../helpers/page-safety';
import { readIndexedPages } from '../helpers/search-index';
import { BASIC_ENV } from './global-setup';

const HOSTILE_TITLE =
  '<script>alert("judul")</script> ]]> ]]> Judul <img src=x onerror=alert(1)> & "kutip" </title><svg onload=alert(1)>';
const HOSTILE_PATH = '/2024/01/10/script-2e-2e-https-evil-example/';
const RTL_TITLE = '🎉 عاجل: \u202Etxt.exe خبر عربي 👨‍👩‍👧 שלום';
const BIG_PATH = '/2024/01/17/lima-megabita/';
// The theme switch is the site's own file in public/, loaded on every page.
const safety = { frameHosts: EMBED_HOSTS, siteScripts: ['/theme.js'] };

/** Lists the files below `dir` that are not inside any of `skip` (folder names at its top). */
async function filesOutside(dir: string, skip: readonly string[]): Promise<string[]> {
  return (await listFiles(dir)).filter((file) => !skip.some((folder) => file.startsWith(`${folder}/`)));
}

function gitStatus(): string {
  return execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
}

describe('building the hostile archive', () => {
  let work: string;
  let build: BuildResult;
  let statusBefore: string;
  let contentFiles: string[];
  const read = async (sitePath: string) => parseHTML(await build.read(sitePath)).document;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'warta-hostile-'));
    const content = path.join(work, 'content');
    await cp(path.join(fixturesDir, 'hostile', 'renders', 'content'), content, { recursive: true });
    // About 5 MB of prose, generated rather than committed; the last sentence shows it arrived whole.
    const paragraph = 'Harga beras naik di pasar induk pekan ini, kata pedagang setempat yang ditemui. '.repeat(30);
    const paragraphs = Array.from({ length: Math.ceil((5 * 1024 * 1024) / paragraph.length) }, () => paragraph);
    await writeFile(
      path.join(content, '2024', '01', 'lima-megabita.md'),
      `---\ntitle: Artikel Lima Megabita\ndate: 2024-01-17\ntags: [Panjang]\n---\n\n${paragraphs.join('\n\n')}\n\nKALIMAT TERAKHIR.\n`,
    );
    contentFiles = await listFiles(work);
    statusBefore = gitStatus();
    // Titles are compared as written in every output; the year an age label adds to link previews
    // is tested in age-labels.test.ts.
    // With the JSON API on, so that its files are read as a program would read them too.
    build = await buildArchive(content, { ...BASIC_ENV, WARTA_AGE_LABEL_YEARS: '0', WARTA_API: '1' });
  });
  afterAll(async () => {
    await build?.cleanup();
    await rm(work, { recursive: true, force: true });
  });

  it('builds, publishing every article but the one dated in year 9999', async () => {
    expect(build.exitCode, build.output).toBe(0);
    const files = await listFiles(build.outDir);
    const articlePages = files.filter((file) => /^\d{4}\/\d{2}\/\d{2}\/(?!\d+\/)[^/]+\/index\.html$/.test(file));
    expect(articlePages).toEqual([
      '0001/01/01/tahun-satu/index.html',
      '2024/01/10/script-2e-2e-https-evil-example/index.html',
      '2024/01/12/rtl-emoji/index.html',
      '2024/01/13/baris-crlf/index.html',
      '2024/01/14/baris-cr/index.html',
      '2024/01/15/dengan-bom/index.html',
      '2024/01/16/unicode-campuran/index.html',
      '2024/01/17/lima-megabita/index.html',
      '2024/02/01/ringkasan-rss/index.html',
      '2024/02/02/atribut-keluar/index.html',
      '2024/02/03/tautan-lima-cara/index.html',
      '2024/02/04/data-vbscript/index.html',
      '2024/02/05/mxss/index.html',
      '2024/02/06/gaya-luar/index.html',
      '2024/02/07/meta-csp/index.html',
      // Direction overrides and zero-width characters never reach a slug.
      '2024/02/08/arah-teks-aman/index.html',
      '2024/02/09/slug-nol-lebar/index.html',
      '2024/02/10/koreksi-berbahaya/index.html',
      '2024/02/13/sumber-berbahaya/index.html',
      '2024/02/14/penulis-berbahaya/index.html',
      '2024/02/15/tag-berbahaya/index.html',
      '2024/02/16/json-ld-keluar/index.html',
      '2024/02/17/templat/index.html',
      '2024/02/18/svg-math/index.html',
      '2024/02/19/bingkai/index.html',
      '2024/02/20/entitas/index.html',
      '2024/02/21/tanpa-ringkasan/index.html',
      '2024/02/22/formulir/index.html',
    ]);
    expect(files.some((file) => file.startsWith('9999/'))).toBe(false);
    expect(build.output).not.toMatch(/^\s+at /m);
  });

  it('writes nothing outside its output folder', async () => {
    expect(contentFiles).toContain('content/2024/01/lima-megabita.md');
    expect(await listFiles(work)).toEqual(contentFiles);
    // Beside the output folder, only Astro's cache (the build helper points it there).
    expect(await filesOutside(path.dirname(build.outDir), ['dist', 'cache'])).toEqual([]);
    expect(gitStatus()).toBe(statusBefore);
    // Every page sits in a folder named by digits, a known section, or a slug of letters, digits,
    // emoji and hyphens: no slug or tag opened a "..", a "%2e" or a host name as a folder.
    for (const file of await listFiles(build.outDir)) {
      for (const segment of file.split('/').slice(0, -1)) {
        expect(segment, file).toMatch(
          /^(_astro|[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}\u200d-]+)$/u,
        );
      }
    }
  });

  it('puts no script, handler, script address, srcdoc, refresh or inline style in any page', async () => {
    const pages = (await listFiles(build.outDir)).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(40);
    for (const page of pages) {
      expect(findScriptRisks(await readFile(path.join(build.outDir, page), 'utf8'), safety), page).toEqual([]);
    }
  });

  it('keeps every feed well-formed and every entry free of script', async () => {
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'entry'].includes(name) });
    const files = await listFiles(build.outDir);
    const feeds = files.filter((file) => /(rss|atom)\.xml$/.test(file));
    // The archive's own feeds, the corrections log's and those of its 40 published tags, in RSS and Atom.
    expect(feeds.length).toBe(2 * (1 + 1 + 40));
    for (const file of files.filter((name) => name.endsWith('.xml'))) {
      const text = await readFile(path.join(build.outDir, file), 'utf8');
      expect(() => SyntaxValidator.validate(text), file).not.toThrow();
    }
    const rss = xml.parse(await build.read('/rss.xml')) as { rss: { channel: { item: Record<string, string>[] } } };
    const atom = xml.parse(await build.read('/atom.xml')) as {
      feed: { entry: { title: { '#text': string }; content: { '#text': string } }[] };
    };
    const json = JSON.parse(await build.read('/feed.json')) as JsonFeedDocument;
    const contents = [
      ...rss.rss.channel.item.map((item) => item['content:encoded'] ?? ''),
      ...atom.feed.entry.map((entry) => entry.content['#text']),
      ...json.items.map((item) => item.content_html ?? ''),
    ];
    expect(contents).toHaveLength(3 * 28);
    for (const content of contents) expect(findScriptRisks(content, safety)).toEqual([]);
    const hostile = json.items.find((item) => item.url.endsWith(HOSTILE_PATH));
    expect(hostile?.title).toBe(HOSTILE_TITLE);
    // RSS titles are rendered as HTML by readers, as Atom's are: read as HTML, they say what the editor wrote.
    const rssTitles = readRssFields(await build.read('/rss.xml')).filter((field) => field.where.endsWith(' title'));
    expect(rssTitles.map((field) => htmlToText(field.value))).toContain(HOSTILE_TITLE);
    // Atom titles are HTML: read back as HTML, they say exactly what the editor wrote.
    const atomTitle = atom.feed.entry.find((entry) => entry.title['#text'].includes('"kutip"'))!.title['#text'];
    expect(parseHTML(`<p>${atomTitle}</p>`).document.querySelector('p')?.textContent).toBe(HOSTILE_TITLE);
  });

  it('gives feed readers no live payload in any field they render as HTML, in any feed', async () => {
    const files = (await listFiles(build.outDir)).filter((file) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(file));
    // The archive's, the corrections log's and each of the 40 tags', in three formats.
    expect(files.length).toBe(3 * (1 + 1 + 40));
    let htmlFields = 0;
    for (const file of files) {
      const body = await readFile(path.join(build.outDir, file), 'utf8');
      if (file.endsWith('.xml')) expect(parseFeed(body).items.length, file).toBeGreaterThan(0);
      const fields = file.endsWith('rss.xml')
        ? readRssFields(body)
        : file.endsWith('atom.xml')
          ? readAtomFields(body)
          : readJsonFeedFields(body);
      for (const field of fields.filter((f) => f.readAs === 'html')) {
        htmlFields += 1;
        expect(findLiveMarkup(field.value, EMBED_HOSTS), `${file} ${field.where}`).toEqual([]);
        // Titles and summaries are the editor's plain text: escaped, they hold no element at all.
        if (!/content/.test(field.where)) expect(elementNames(field.value), `${file} ${field.where}`).toEqual([]);
      }
    }
    // Titles, summaries and bodies of the 28 articles, across the archive's feeds and its tags'.
    expect(htmlFields).toBeGreaterThan(250);
  });

  it('writes the summary of issue 23 so that RSS and Atom readers both show it as text', async () => {
    const summary = '"><svg onload=alert(1)>';
    const rss = readRssFields(await build.read('/rss.xml'));
    const atom = readAtomFields(await build.read('/atom.xml'));
    const index = (fields: FeedField[], where: RegExp, text: string) =>
      fields.find((field) => where.test(field.where) && htmlToText(field.value).startsWith(text))!.where.split(' ')[1];
    const rssItem = index(rss, / title$/, 'Ringkasan yang Menyerang RSS');
    const atomEntry = index(atom, / title$/, 'Ringkasan yang Menyerang RSS');
    const rssDescription = rss.find((field) => field.where === `item ${rssItem} description`)!;
    const atomSummary = atom.find((field) => field.where === `entry ${atomEntry} summary`)!;
    for (const field of [rssDescription, atomSummary]) {
      expect(field.readAs).toBe('html');
      expect(elementNames(field.value)).toEqual([]);
      expect(htmlToText(field.value)).toBe(summary);
    }
  });

  it('puts JSON-LD that parses in every page, each article saying its headline as written', async () => {
    const pages = (await listFiles(build.outDir)).filter((file) => file.endsWith('.html'));
    let blocks = 0;
    for (const page of pages) {
      const html = await readFile(path.join(build.outDir, page), 'utf8');
      const data = readJsonLd(html) as { '@context'?: string; '@type'?: string; headline?: string }[];
      blocks += data.length;
      for (const item of data) expect(item['@context'], page).toBe('https://schema.org');
      const article = data.find((item) => item['@type'] === 'NewsArticle');
      if (article) expect(article.headline, page).toBe(parseHTML(html).document.querySelector('h1')?.textContent);
    }
    expect(blocks).toBeGreaterThan(pages.length);
  });

  it('gives link previews every title as the text the editor wrote, escaped once', async () => {
    const articles = (await listFiles(build.outDir)).filter((file) =>
      /^\d{4}\/\d{2}\/\d{2}\/(?!\d+\/)[^/]+\/index\.html$/.test(file),
    );
    expect(articles).toHaveLength(28);
    for (const file of articles) {
      const html = await readFile(path.join(build.outDir, file), 'utf8');
      const title = parseHTML(html).document.querySelector('h1')?.textContent;
      const metas = readMetaContents(html);
      for (const key of ['og:title', 'twitter:title']) {
        expect(
          metas.filter((meta) => meta.key === key).map((meta) => meta.content),
          `${file} ${key}`,
        ).toEqual([title]);
      }
    }
    const entities = readMetaContents(await build.read('/2024/02/20/entitas/'));
    expect(entities.find((meta) => meta.key === 'og:title')?.content).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; Entitas muatanjahat',
    );
    expect(entities.find((meta) => meta.key === 'og:description')?.content).toBe(
      '&#x3C;img src=x onerror=alert(1)&#x3E; dan &#60;b&#62;',
    );
  });

  it('records every article in the search index with its title and summary as text', async () => {
    const indexed = await readIndexedPages(build.outDir);
    const titles = new Map(indexed.map((page) => [page.url, page.meta['title']]));
    expect(titles.get('/2024/02/20/entitas/')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Entitas muatanjahat');
    expect(titles.get(HOSTILE_PATH)).toBe(HOSTILE_TITLE);
    expect(titles.get('/2024/02/16/json-ld-keluar/')).toBe(
      '</script><script>alert("ld")</script> <!--<script> muatanjahat',
    );
    // The search page shows these as text; what Pagefind offers as an image is never a script address.
    for (const page of indexed) {
      if (page.meta['image']) expect(isDangerousUrl(page.meta['image']), page.url).toBe(false);
    }
    const words = indexed.filter((page) => page.content.includes('muatanjahat'));
    expect(words.length).toBeGreaterThanOrEqual(20);
  });

  it('shows every hostile field as the text the editor wrote, in the page and its structured data', async () => {
    const document = await read(HOSTILE_PATH);
    expect(document.querySelector('h1')?.textContent).toBe(HOSTILE_TITLE);
    expect(document.querySelector('title')?.textContent).toBe(`${HOSTILE_TITLE} — Warta`);
    expect(document.querySelector('.lede')?.textContent).toContain('</script><script>alert(1)</script> Ringkasan');
    expect([...document.querySelectorAll('.authors a')].map((a) => a.textContent)).toEqual([
      '<img src=x onerror=alert(1)>',
      'Rina "><script>alert(1)</script>',
    ]);
    expect([...document.querySelectorAll('.article-footer .tag-list a')].map((a) => a.textContent)).toEqual([
      '<svg onload=alert(1)>',
      'javascript:alert(1)',
      '"><iframe srcdoc="<script>alert(1)</script>">',
      '../../etc/passwd',
      '%2e%2e',
    ]);
    expect(document.querySelector('.source a')?.textContent).toBe('<a href="javascript:alert(1)">Sumber</a>');
    expect(document.querySelector('.corrections li')?.textContent).toContain('<script>alert("koreksi")</script>');
    const [article] = [...document.querySelectorAll('script[type="application/ld+json"]')].map(
      (script) => JSON.parse(script.textContent ?? '') as { headline?: string; keywords?: string[] },
    );
    expect(article?.headline).toBe(HOSTILE_TITLE);
    expect(article?.keywords).toContain('"><iframe srcdoc="<script>alert(1)</script>">');
    expect(document.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(HOSTILE_TITLE);
  });

  it('keeps what is safe in the body as text, and an allowed embed without srcdoc or handlers', async () => {
    const body = (await read(HOSTILE_PATH)).querySelector('.article-body')!;
    expect(body.textContent).toContain('Kode sebaris </script><script>alert(1)</script> dan penutup CDATA ]]>');
    expect(body.querySelector('pre code')?.textContent).toBe('<script>alert("blok kode")</script>\n]]>\n');
    const frames = [...body.querySelectorAll('iframe')];
    expect(frames.map((frame) => frame.getAttribute('src'))).toEqual(['https://www.youtube-nocookie.com/embed/abc123']);
    expect(frames[0]?.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-presentation allow-popups');
    expect(body.querySelector('a[id="content"], [name="getElementById"]')).toBeNull();
    expect([...body.querySelectorAll('a')].find((a) => a.textContent === 'tautan mentah')?.hasAttribute('href')).toBe(
      false,
    );
  });

  it('lists the hostile tags and authors on pages of their own, each linked from the article', async () => {
    const archive = await readBuiltArchive(build.outDir);
    expect(checkBrowsePromises(archive, Number(BASIC_ENV.WARTA_PAGE_SIZE))).toEqual([]);
    // The only addresses that lead nowhere are the payloads' own pictures, `<img src="x">` and
    // `<img src="1">`, kept by the sanitizer as harmless (broken) relative images.
    const broken = (await checkSiteLinks(build.outDir)).broken.map((link) => link.url);
    expect(broken).toEqual([expect.stringMatching(/^\/2024\/01\/10\/[^/]+\/x$/), '/2024/02/05/mxss/1']);
    const tag = await read('/tags/javascript-alert-1/');
    expect(tag.querySelector('h1')?.textContent).toContain('javascript:alert(1)');
  });

  it('isolates a right-to-left headline with a direction override, so the site name keeps its place', async () => {
    const document = await read('/2024/01/12/rtl-emoji/');
    expect(document.querySelector('h1')?.textContent).toBe(RTL_TITLE);
    expect(document.querySelector('title')?.textContent).toBe(`\u2068${RTL_TITLE}\u2069 — Warta`);
    expect([...document.querySelectorAll('.article-footer .tag-list a')].map((a) => a.textContent)).toEqual([
      'عربي',
      '🇮🇩',
      'Ёлка',
      '東京',
    ]);
  });

  it('reads CRLF, lone-CR and byte-order-marked files as ordinary articles', async () => {
    for (const [sitePath, title] of [
      ['/2024/01/13/baris-crlf/', 'Baris CRLF'],
      ['/2024/01/14/baris-cr/', 'Baris CR Saja'],
      ['/2024/01/15/dengan-bom/', 'Dengan BOM'],
    ] as const) {
      const document = await read(sitePath);
      expect(document.querySelector('h1')?.textContent).toBe(title);
      expect(document.querySelectorAll('.article-body p').length, sitePath).toBe(sitePath.includes('bom') ? 1 : 2);
    }
  });

  it('files an article of year 1 under /0001/, and merges spellings that differ in Unicode form only', async () => {
    const document = await read('/0001/01/01/tahun-satu/');
    expect(document.querySelector('.published time')?.textContent).toBe('Senin, 1 Januari 0001');
    expect(document.querySelector('.published time')?.getAttribute('datetime')).toBe('0001-01-01');
    expect((await read('/0001/')).querySelector('h1')?.textContent).toContain('0001');
    const cafe = await read('/tags/cafe/');
    expect(cafe.querySelectorAll('.article-card').length).toBe(1);
  });

  it('renders the 5 MB article whole', async () => {
    const html = await build.read(BIG_PATH);
    expect(html.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(parseHTML(html).document.querySelector('.article-body p:last-of-type')?.textContent).toBe(
      'KALIMAT TERAKHIR.',
    );
  });

  it("writes the JSON API as valid JSON that validates against its schemas, each body's HTML free of script", async () => {
    const validate = createApiValidatorFor('https://warta.example.org/');
    const files = (await listFiles(build.outDir)).filter(
      (file) => file.startsWith('api/') && !file.startsWith('api/schema/'),
    );
    // One file per published article, and the index, months and tags besides.
    expect(files.filter((file) => file.startsWith('api/articles/'))).toHaveLength(28);
    for (const file of files) {
      const document = JSON.parse(await readFile(path.join(build.outDir, file), 'utf8')) as { $schema: string };
      const kind = (['index', 'article', 'month', 'tag'] as const).find((name) =>
        document.$schema.endsWith(`/api/schema/${name}.json`),
      );
      expect(kind, file).toBeDefined();
      expect(validate(kind!, document), file).toEqual([]);
      if (kind === 'article') {
        const { body } = document as unknown as { body: { html: string } };
        expect(findLiveMarkup(body.html, EMBED_HOSTS), file).toEqual([]);
      }
    }
    const fiveMegabytes = JSON.parse(await build.read('/api/articles/2024/01/17/lima-megabita.json')) as {
      body: { text: string };
    };
    expect(fiveMegabytes.body.text.endsWith('KALIMAT TERAKHIR.')).toBe(true);
  });

  it('ships the Content-Security-Policy first in every page head, and in _headers', async () => {
    expect(await build.read('/_headers')).toBe(getHeadersFile('/', true));
    for (const sitePath of ['/', HOSTILE_PATH, '/tags/', '/archive/', '/404.html']) {
      const head = (await read(sitePath)).querySelector('head')!;
      const [charset, policy] = [...head.children];
      expect(charset?.getAttribute('charset'), sitePath).toBe('utf-8');
      expect(policy?.getAttribute('http-equiv'), sitePath).toBe('Content-Security-Policy');
      expect(policy?.getAttribute('content'), sitePath).toBe(getCspMetaContent());
    }
  });
});

describe('building an article nested too deeply to render', () => {
  let work: string;
  let build: BuildResult;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'warta-nested-'));
    await writeFile(path.join(work, 'baik.md'), '---\ntitle: Baik\ndate: 2024-01-01\n---\nIsi.\n');
    await writeFile(
      path.join(work, 'bersarang.md'),
      `---\ntitle: Bersarang\ndate: 2024-01-02\n---\n${'>'.repeat(50_000)} terlalu dalam\n`,
    );
    build = await buildArchive(work, BASIC_ENV);
  });
  afterAll(async () => {
    await build?.cleanup();
    await rm(work, { recursive: true, force: true });
  });

  it('fails, naming the file, line and body, without a stack trace', () => {
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain('1 problem in 1 article');
    expect(build.output).toContain(
      'bersarang.md:5: body: nests block quotes, lists or HTML elements 50000 levels deep; at most 100 can be rendered',
    );
    expect(build.output).not.toContain('baik.md:');
    expect(build.output).not.toMatch(/^\s+at /m);
  });
});
