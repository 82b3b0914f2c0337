/**
 * The JSON API's documents and their JSON Schemas: every document the code makes validates against
 * the schema it names (ajv, draft 2020-12), the schemas are closed, hostile text comes back out of
 * the JSON exactly as written, and bodies become readable plain text.
 */
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import * as api from '../../../../src/lib/syndication/api-documents';
import {
  buildApiArticle,
  buildApiIndex,
  buildApiMonth,
  buildApiTag,
  htmlToPlainText,
  serializeApiDocument,
  toUri,
  type ApiArticleInput,
} from '../../../../src/lib/syndication/api-documents';
import { createApiSchemas } from '../../../../src/lib/syndication/api-schemas';
import { apiSchemaIds, createApiValidatorFor } from '../../../helpers/api-schema';
import { hostileText } from '../../../helpers/hostile-articles';

const SITE = 'https://arsip.example.org/arsip/';
const ids = apiSchemaIds(SITE);
const validate = createApiValidatorFor(SITE);
const options = { timeZone: 'Asia/Jakarta', schema: ids.article };

const article: ApiArticleInput = {
  title: 'Korea Utara Jual Peluru ke Rusia',
  date: new Date('2022-09-06T03:30:00Z'),
  datePrecision: 'instant',
  updated: new Date('2022-09-08T00:00:00Z'),
  summary: 'Intelijen AS menilai Moskow membeli peluru dari Pyongyang.',
  lang: 'id',
  draft: false,
  featured: true,
  slug: 'peluru',
  story: 'korut-rusia-2022',
  url: `${SITE}2022/09/06/peluru/`,
  api: `${SITE}api/articles/2022/09/06/peluru.json`,
  aliases: [`${SITE}lama/123/`],
  source: { name: 'Antara', url: 'https://antaranews.com/x' },
  image: { url: `${SITE}_astro/peluru.jpg`, alt: 'Peluru artileri', caption: 'Gudang.', credit: 'AP' },
  corrections: [{ date: new Date('2022-09-08T00:00:00Z'), datePrecision: 'day', text: 'Bulan laporan diperbaiki.' }],
  authors: [{ name: 'Rina Hartono', slug: 'rina-hartono', url: `${SITE}authors/rina-hartono/` }],
  tags: [{ name: 'Rusia', slug: 'rusia', url: `${SITE}tags/rusia/`, api: `${SITE}api/tags/rusia.json` }],
  series: {
    name: 'Korea Utara–Rusia',
    slug: 'korea-utara-rusia',
    url: `${SITE}series/korea-utara-rusia/`,
    part: 1,
    total: 3,
  },
  translations: [
    {
      lang: 'en',
      title: 'North Korea Sells Shells',
      url: `${SITE}2022/09/06/shells/`,
      api: `${SITE}api/articles/2022/09/06/shells.json`,
    },
  ],
};

const minimal: ApiArticleInput = {
  title: 'Tanpa apa-apa',
  date: new Date('2023-09-30T17:00:00Z'),
  datePrecision: 'month',
  lang: 'id',
  draft: false,
  featured: false,
  slug: 'kosong',
  url: `${SITE}2023/10/kosong/`,
  api: `${SITE}api/articles/2023/10/kosong.json`,
  aliases: [],
  corrections: [],
  authors: [],
  tags: [],
  translations: [],
};

function roundTrip(document: object): unknown {
  return JSON.parse(serializeApiDocument(document));
}

describe('the JSON API documents', () => {
  it('exports the document builders, the plain-text reader and the kinds of file', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'API_SCHEMA_NAMES',
        'buildApiArticle',
        'buildApiIndex',
        'buildApiMonth',
        'buildApiTag',
        'htmlToPlainText',
        'serializeApiDocument',
        'toApiArticleSummary',
        'toUri',
      ].sort(),
    );
  });

  it('gives an article every field, dates with the site offset, and its body as HTML and text', () => {
    const document = roundTrip(buildApiArticle(article, '<p>Satu.</p><p>Dua &amp; tiga.</p>', options));
    expect(validate('article', document)).toEqual([]);
    expect(document).toMatchObject({
      $schema: ids.article,
      date: '2022-09-06T10:30:00+07:00',
      updated: '2022-09-08T07:00:00+07:00',
      series: { part: 1, total: 3 },
      translations: [{ lang: 'en' }],
      corrections: [{ date: '2022-09-08T07:00:00+07:00', datePrecision: 'day' }],
      body: { html: '<p>Satu.</p><p>Dua &amp; tiga.</p>', text: 'Satu.\n\nDua & tiga.' },
    });
    // Absent optional fields are left out, never null.
    const bare = roundTrip(buildApiArticle(minimal, '', options)) as Record<string, unknown>;
    expect(validate('article', bare)).toEqual([]);
    expect(Object.keys(bare)).not.toContain('summary');
    expect(Object.keys(bare)).not.toContain('series');
  });

  it('lists months and tags without bodies, and the index with counts and every address', () => {
    const month = roundTrip(
      buildApiMonth(
        { year: '2022', month: '09', url: `${SITE}2022/09/`, api: `${SITE}api/2022/09.json` },
        [article, minimal],
        { timeZone: 'Asia/Jakarta', schema: ids.month },
      ),
    ) as { count: number; articles: object[] };
    expect(validate('month', month)).toEqual([]);
    expect(month.count).toBe(2);
    expect(month.articles[0]).not.toHaveProperty('body');
    const tag = roundTrip(
      buildApiTag(
        { name: 'Rusia', slug: 'rusia', url: `${SITE}tags/rusia/`, api: `${SITE}api/tags/rusia.json` },
        [article],
        {
          timeZone: 'Asia/Jakarta',
          schema: ids.tag,
        },
      ),
    );
    expect(validate('tag', tag)).toEqual([]);
    const index = roundTrip(
      buildApiIndex({
        $schema: ids.index,
        api: `${SITE}api/index.json`,
        site: { name: 'Warta', description: 'Arsip.', url: SITE, languages: ['id', 'en'], timeZone: 'Asia/Jakarta' },
        articles: 2,
        months: [{ year: '2022', month: '09', count: 2, url: `${SITE}2022/09/`, api: `${SITE}api/2022/09.json` }],
        tags: [
          { name: 'Rusia', slug: 'rusia', url: `${SITE}tags/rusia/`, api: `${SITE}api/tags/rusia.json`, count: 1 },
        ],
        series: [
          { name: 'Korea Utara–Rusia', slug: 'korea-utara-rusia', url: `${SITE}series/korea-utara-rusia/`, parts: 3 },
        ],
        schemas: ids,
        feeds: { rss: `${SITE}rss.xml`, atom: `${SITE}atom.xml`, json: `${SITE}feed.json`, opml: `${SITE}feeds.opml` },
      }),
    );
    expect(validate('index', index)).toEqual([]);
    expect(index).toMatchObject({ counts: { articles: 2, months: 1, tags: 1, series: 1 } });
  });

  it('has closed schemas of draft 2020-12: an unknown or a missing field fails', () => {
    const schemas = createApiSchemas(ids);
    for (const [name, schema] of Object.entries(schemas)) {
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema['$id']).toBe(ids[name as keyof typeof ids]);
    }
    const document = roundTrip(buildApiArticle(article, '<p>x</p>', options)) as Record<string, unknown>;
    expect(validate('article', { ...document, extra: 1 })).toEqual([
      expect.stringContaining('must NOT have additional properties'),
    ]);
    const { title: _title, ...untitled } = document;
    expect(validate('article', untitled)).toEqual([expect.stringContaining("must have required property 'title'")]);
    expect(validate('article', { ...document, date: '6 September 2022' })).toEqual([
      expect.stringContaining('/date: must match format "date-time"'),
    ]);
  });

  it("writes an editor's address as a URI the schema's format accepts, leading to the same place", () => {
    const hostile = 'https://example.org/"onmouseover="alert(1)"/?a=<script>{x}|^`';
    expect(toUri(hostile)).toBe('https://example.org/%22onmouseover=%22alert(1)%22/?a=%3Cscript%3E%7Bx%7D%7C%5E%60');
    expect(new URL(toUri(hostile)).pathname).toBe(new URL(hostile).pathname);
    const document = roundTrip(
      buildApiArticle(
        { ...article, source: { name: 'X', url: hostile }, image: { url: hostile, alt: 'a' } },
        '',
        options,
      ),
    );
    expect(validate('article', document)).toEqual([]);
    expect(toUri('https://example.org/ok?a=1#b')).toBe('https://example.org/ok?a=1#b');
  });

  it('keeps hostile text exactly as written, as text, in valid JSON', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (title, name) => {
        const input = {
          ...article,
          title: title.trim() === '' ? 'x' : title,
          summary: title,
          authors: [{ ...article.authors[0]!, name: name.trim() === '' ? 'x' : name }],
        };
        const text = serializeApiDocument(buildApiArticle(input, '<p>x</p>', options));
        // One line of JSON: a U+2028 or a newline in a field is escaped or inside a string.
        const document = JSON.parse(text) as { title: string; summary: string; authors: { name: string }[] };
        expect(document.title).toBe(input.title);
        expect(document.summary).toBe(title);
        expect(document.authors[0]!.name).toBe(input.authors[0]!.name);
        expect(validate('article', document)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('htmlToPlainText', () => {
  it('separates paragraphs and headings by a blank line, and puts list items and rows on lines', () => {
    expect(
      htmlToPlainText(
        '<h2 id="a">Judul</h2><p>Satu <em>dua</em>\n tiga.</p><ul><li>a</li><li>b</li></ul>' +
          '<table><tr><th>x</th><th>y</th></tr><tr><td>1</td><td>2</td></tr></table><p>Akhir<br>baris</p>',
      ),
    ).toBe('Judul\n\nSatu dua tiga.\n\na\nb\n\nx\ty\n1\t2\n\nAkhir\nbaris');
  });

  it('keeps preformatted text, reads images by their alt text, and drops what has no text to read', () => {
    expect(htmlToPlainText('<pre><code>a  b\n  c\n</code></pre><p><img src="x.jpg" alt="Gudang peluru"></p>')).toBe(
      'a  b\n  c\n\nGudang peluru',
    );
    expect(htmlToPlainText('<p>a</p><script>alert(1)</script><iframe src="https://x"></iframe><p>b</p>')).toBe(
      'a\n\nb',
    );
  });

  it('reads a large body in little more time than parsing its HTML takes', () => {
    // 2.6 MB of HTML in 1,000 paragraphs. Looking back over the text written so far at each
    // paragraph made a 5 MB body take minutes; reading it now costs about half again its parsing.
    const html = `<p>${'Harga beras naik di pasar induk pekan ini. '.repeat(60)}</p>`.repeat(1000);
    const time = (read: () => unknown) => {
      const started = performance.now();
      read();
      return performance.now() - started;
    };
    const parsing = time(() => fromHtml(html, { fragment: true }));
    let text = '';
    expect(time(() => (text = htmlToPlainText(html)))).toBeLessThan(5 * parsing + 500);
    expect(text.split('\n\n')).toHaveLength(1000);
  }, 60_000);

  it('reads markup as deeply nested as an article may be', () => {
    // The input checks refuse bodies nested more than 100 levels.
    const depth = 100;
    expect(htmlToPlainText(`${'<span>'.repeat(depth)}dalam${'</span>'.repeat(depth)}`)).toBe('dalam');
  });
});
