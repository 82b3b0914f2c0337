/**
 * Language versions of one story, built as `npm run build` builds them under a sub-path: each
 * version links to the other in its reader's words, both heads and the sitemap list the same
 * `hreflang` alternates with `x-default`, a version not yet published is not linked, both versions
 * are searchable in their own language; and a folder with a link to no file, a version in the same
 * language and a conflicting chain fails `npm run check` and the build with every problem named.
 */
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildArchive, fixturesDir, openArchive, projectRoot, run, type BuildResult } from '../helpers/build';
import { readIndexedPages } from '../helpers/search-index';

const SITE = 'https://warta.example.org/arsip';
const ENV = {
  WARTA_SITE_URL: 'https://warta.example.org',
  WARTA_BASE: '/arsip/',
  SOURCE_DATE_EPOCH: '1767225600',
  TZ: 'UTC',
};

const KORUT = '/2022/09/06/korut-jual-peluru/';
const NORTH_KOREA = '/2022/09/06/north-korea-sells-shells/';
const BANJIR = '/2023/05/10/banjir-pesisir/';
const FLOOD = '/2023/05/11/coastal-flood/';
const CABAI = '/2024/01/15/harga-cabai/';

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'xhtml:link'].includes(name) });

let build: BuildResult;

beforeAll(async () => {
  build = await buildArchive(path.join(fixturesDir, 'translations', 'content'), ENV);
  if (build.exitCode !== 0) throw new Error(`the translations fixture did not build:\n${build.output}`);
});

afterAll(async () => {
  await build?.cleanup();
});

async function open(sitePath: string): Promise<Document> {
  return parseHTML(await build.read(sitePath)).document;
}

/** The `hreflang` alternates of a page's head, as [hreflang, href] pairs. */
function headAlternates(page: Document): [string, string][] {
  return [...page.querySelectorAll('head link[rel="alternate"][hreflang]')].map((link) => [
    link.getAttribute('hreflang')!,
    link.getAttribute('href')!,
  ]);
}

/** The alternates both versions of a pair carry: each version, then x-default, the Indonesian one. */
function pairAlternates(indonesian: string, english: string): [string, string][] {
  return [
    ['id', `${SITE}${indonesian}`],
    ['en', `${SITE}${english}`],
    ['x-default', `${SITE}${indonesian}`],
  ];
}

describe('an article told in two languages', () => {
  it('carries the same hreflang alternates on both pages, with x-default on the Indonesian version', async () => {
    const expected = pairAlternates(KORUT, NORTH_KOREA);
    expect(headAlternates(await open(KORUT))).toEqual(expected);
    expect(headAlternates(await open(NORTH_KOREA))).toEqual(expected);
  });

  it('pairs articles that share a story key as it pairs linked ones, across folders', async () => {
    const expected = pairAlternates(BANJIR, FLOOD);
    expect(headAlternates(await open(BANJIR))).toEqual(expected);
    expect(headAlternates(await open(FLOOD))).toEqual(expected);
  });

  it('links each version to the other, worded for the page’s reader, with the other headline in its language', async () => {
    const korut = (await open(KORUT)).querySelector('.article-header .language-versions a');
    expect(korut?.getAttribute('href')).toBe(`/arsip${NORTH_KOREA}`);
    expect(korut?.getAttribute('hreflang')).toBe('en');
    expect(korut?.querySelector('strong')?.textContent).toBe('Baca dalam bahasa Inggris');
    expect(korut?.querySelector('span[lang="en"]')?.textContent).toBe('North Korea Sells Shells to Russia');

    const english = (await open(NORTH_KOREA)).querySelector('.article-header .language-versions a');
    expect(english?.getAttribute('href')).toBe(`/arsip${KORUT}`);
    expect(english?.getAttribute('hreflang')).toBe('id');
    expect(english?.querySelector('strong')?.textContent).toBe('Read in Indonesian');
    expect(english?.querySelector('span[lang="id"]')?.textContent).toBe('Korea Utara Jual Peluru ke Rusia');
    // The link is kept out of the search index's text, so neither version is found by the other's headline.
    expect(english?.closest('[data-pagefind-ignore="all"]')).not.toBeNull();
  });

  it('links no version that is still a draft, and gives a lone article no alternates', async () => {
    const cabai = await open(CABAI);
    expect(cabai.querySelector('.language-versions')).toBeNull();
    expect(headAlternates(cabai)).toEqual([]);
    await expect(build.read('/2024/01/15/chilli-prices-draft/')).rejects.toThrow();
    // The build says why, as npm run check does.
    expect(build.output).toContain(
      'harga-cabai.md:5: translations: warning: /en/chilli-prices-draft.md is a draft (tests/fixtures/translations/content/en/chilli-prices-draft.md); the two versions are linked once it is published',
    );
  });

  it('lists the same alternates in the sitemap, as xhtml:link entries', async () => {
    const urlset = xml.parse(await build.read('/sitemap-0.xml')).urlset as {
      '@_xmlns:xhtml': string;
      url: { loc: string; 'xhtml:link'?: { '@_rel': string; '@_hreflang': string; '@_href': string }[] }[];
    };
    expect(urlset['@_xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
    const linksOf = (sitePath: string) => {
      const entry = urlset.url.find((url) => url.loc === `${SITE}${sitePath}`);
      expect(entry, `${sitePath} is in the sitemap`).toBeDefined();
      return (entry!['xhtml:link'] ?? []).map((link) => {
        expect(link['@_rel']).toBe('alternate');
        return [link['@_hreflang'], link['@_href']];
      });
    };
    expect(linksOf(KORUT)).toEqual(pairAlternates(KORUT, NORTH_KOREA));
    expect(linksOf(NORTH_KOREA)).toEqual(pairAlternates(KORUT, NORTH_KOREA));
    expect(linksOf(BANJIR)).toEqual(pairAlternates(BANJIR, FLOOD));
    expect(linksOf(FLOOD)).toEqual(pairAlternates(BANJIR, FLOOD));
    expect(linksOf(CABAI)).toEqual([]);
    expect(linksOf('/')).toEqual([]);
  });

  it('keeps both versions in the search index, each in its own language and found by its own words', async () => {
    const pages = await readIndexedPages(build.outDir);
    // Pagefind records addresses from the output folder; the search page adds the base path.
    const page = (sitePath: string) => pages.find((indexed) => indexed.url.endsWith(sitePath));
    const korut = page(KORUT);
    const english = page(NORTH_KOREA);
    expect(korut?.filters['language']).toEqual(['Bahasa Indonesia']);
    expect(english?.filters['language']).toEqual(['English']);
    expect(korut?.content).toContain('Pyongyang disebut menjual peluru artileri');
    expect(english?.content).toContain('Pyongyang is said to be selling artillery shells');
    // Each is found by the name both tell of, and neither carries the other's headline as its own text.
    expect(korut?.content).toContain('Pyongyang');
    expect(english?.content).toContain('Pyongyang');
    expect(korut?.content).not.toContain('North Korea Sells Shells');
    expect(english?.content).not.toContain('Korea Utara Jual Peluru');
    // One index per language: the Indonesian one holds three articles, the English one two.
    const entry = JSON.parse(await build.read('/pagefind/pagefind-entry.json')) as {
      warta_parts: { language: string; pages: number }[];
    };
    expect(entry.warta_parts.map(({ language, pages }) => [language, pages]).sort()).toEqual([
      ['en', 2],
      ['id', 3],
    ]);
  });
});

describe('the sample archive', () => {
  it('publishes the North Korea shells story in Indonesian and English as one story', async () => {
    const sample = openArchive(inject('sampleOutDir'));
    const indonesian = '/2022/09/06/korea-utara-jual-peluru-artileri-ke-rusia/';
    const english = '/2022/09/06/north-korea-sells-artillery-shells-to-russia/';
    const expected = [
      ['id', `https://warta.example.org${indonesian}`],
      ['en', `https://warta.example.org${english}`],
      ['x-default', `https://warta.example.org${indonesian}`],
    ];
    for (const sitePath of [indonesian, english]) {
      expect(headAlternates(parseHTML(await sample.read(sitePath)).document)).toEqual(expected);
    }
    const link = parseHTML(await sample.read(indonesian)).document.querySelector('.language-versions a');
    expect(link?.textContent).toBe(
      'Baca dalam bahasa Inggris: North Korea Is Selling Millions of Artillery Shells to Russia, US Says',
    );
  });
});

describe('a content folder whose language versions are wrong', () => {
  const dir = path.join(fixturesDir, 'translations-broken', 'content');
  const at = (file: string) => path.relative(projectRoot, path.join(dir, file));
  const expected = () => [
    `${at('hilang.md')}:5: translations: missing-english.md points to no article file (looked for ${at('missing-english.md')}); give the path of the other version relative to this file, or from the content folder starting with "/"`,
    ...['rantai-a.md', 'rantai-b.md'].map(
      (file) =>
        `${at(file)}:5: translations: joins this article into one story with 2 Indonesian versions (${at('rantai-a.md')}, ${at('rantai-c.md')}): ${at('rantai-a.md')} names ${at('rantai-b.md')}; ${at('rantai-b.md')} names ${at('rantai-c.md')}; a story has one version per language, so correct or remove the link or key that joins the wrong article`,
    ),
    `${at('sama.md')}:5: translations: hilang.md (${at('hilang.md')}) is in Indonesian too (lang: id); a translation is the same story in another language: correct "lang:" in the one that is not Indonesian, or remove this entry`,
  ];

  it('fails npm run check, naming every problem with its file, line, field and fix', async () => {
    const check = await run([
      path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'src/cli/check.ts',
      '--dir',
      dir,
    ]);
    expect(check.exitCode).toBe(1);
    const lines = check.output.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toEqual([
      ...expected(),
      '5 files checked in ' + /\d+\.\d s/.exec(check.output)![0] + ': 4 errors, 0 warnings.',
    ]);
  });

  it('fails the build with the same problems, every one in one run', async () => {
    const broken = await buildArchive(dir, ENV);
    try {
      expect(broken.exitCode).not.toBe(0);
      expect(broken.output).toContain('4 problems in 4 articles');
      for (const line of expected()) expect(broken.output).toContain(line);
    } finally {
      await broken.cleanup();
    }
  });
});
