/**
 * How an editor's plain text becomes part of each output (issue 23): escaped exactly once where the
 * consumer renders HTML, untouched where it shows text. The feeds are read as a feed reader reads
 * them (an XML parser, then an HTML parser for each field it renders), and a property test sends
 * 1,000 generated hostile articles through every output.
 */
import { describe, expect, it } from 'vitest';
import { renderAtomFeed, renderRssFeed, toFeedEntry, type FeedDocument } from '../../../../src/lib/syndication/feeds';
import {
  escapeHtmlText,
  fieldType,
  htmlForField,
  OUTPUT_FIELDS,
  textForField,
} from '../../../../src/lib/syndication/output-fields';
import { checkHostileArticle, fuzzHostileArticles, type HostileArticle } from '../../../helpers/hostile-articles';
import { elementNames, htmlToText, readAtomFields, readRssFields } from '../../../helpers/output-safety';

const SITE = 'https://example.org/';
const SUMMARY = '"><svg onload=alert(1)>';
const TITLE = 'Harga & Pasokan: <b>naik</b> ]]> lagi';

function feedOf(summary: string, title = 'Judul'): FeedDocument {
  const entry = toFeedEntry(
    { title, date: new Date('2024-01-10T02:00:00Z'), summary, authors: ['Rina'], tags: ['Ekonomi'], lang: 'id' },
    { url: `${SITE}2024/01/10/a/`, html: '<p>Isi.</p>', content: 'summary' },
  );
  return {
    title: 'Warta',
    description: 'Arsip.',
    homeUrl: SITE,
    lang: 'id',
    links: { rss: `${SITE}rss.xml`, atom: `${SITE}atom.xml`, json: `${SITE}feed.json` },
    iconUrl: `${SITE}logo.png`,
    publisher: 'Warta',
    updated: new Date('2024-01-10T02:00:00Z'),
    timeZone: 'Asia/Jakarta',
    entries: [entry],
  };
}

describe('a plain-text summary in the feeds', () => {
  it('reaches an RSS reader that renders the description as HTML as text, with no <svg> in it', async () => {
    const rss = await renderRssFeed(feedOf(SUMMARY));
    const description = readRssFields(rss).find((field) => field.where === 'item 0 description')!;
    expect(description.readAs).toBe('html');
    expect(elementNames(description.value)).toEqual([]);
    expect(htmlToText(description.value)).toBe(SUMMARY);
    // The escape of the escape: "<" is "&#x3C;" in the HTML, and that HTML's "&" is escaped for XML.
    expect(rss).toContain('<description>&quot;&gt;&amp;#x3C;svg onload=alert(1)&gt;</description>');
  });

  it('says the same thing in RSS and Atom', async () => {
    const feed = feedOf(SUMMARY, TITLE);
    const rss = readRssFields(await renderRssFeed(feed));
    const atom = readAtomFields(renderAtomFeed(feed));
    const read = (fields: typeof rss, where: string) => htmlToText(fields.find((f) => f.where === where)!.value);
    expect([read(rss, 'item 0 description'), read(atom, 'entry 0 summary')]).toEqual([SUMMARY, SUMMARY]);
    expect([read(rss, 'item 0 title'), read(atom, 'entry 0 title')]).toEqual([TITLE, TITLE]);
  });

  it('is escaped once, so text that quotes an entity reads back as the entity, not its character', async () => {
    const quoted = 'Tulis &lt; atau &amp; di HTML';
    const rss = readRssFields(await renderRssFeed(feedOf(quoted)));
    expect(htmlToText(rss.find((field) => field.where === 'item 0 description')!.value)).toBe(quoted);
  });
});

describe('textForField', () => {
  it('escapes text for the fields whose readers render HTML, and only for those', () => {
    expect(textForField('rss', 'description', '<i>a</i> & b')).toBe('&#x3C;i>a&#x3C;/i> &#x26; b');
    expect(textForField('atom', 'title', '<i>')).toBe('&#x3C;i>');
    expect(textForField('jsonFeed', 'title', '<i> & b')).toBe('<i> & b');
    expect(textForField('jsonLd', 'headline', '</script>')).toBe('</script>');
    expect(textForField('pageMeta', 'content', '"><b>')).toBe('"><b>');
  });

  it('writes "]]>" as "]]&gt;" in HTML fields, which a CDATA section cannot end on', () => {
    expect(escapeHtmlText('a ]]> b')).toBe('a ]]&gt; b');
    expect(htmlToText(escapeHtmlText('a ]]> b'))).toBe('a ]]> b');
  });

  it('gives back the very text for any HTML field, read as HTML', () => {
    for (const [output, fields] of Object.entries(OUTPUT_FIELDS)) {
      for (const [field, type] of Object.entries(fields)) {
        if (type !== 'html') continue;
        const written = textForField(output as 'rss', field as 'title', TITLE);
        expect(elementNames(written), `${output} ${field}`).toEqual([]);
        expect(htmlToText(written), `${output} ${field}`).toBe(TITLE);
      }
    }
  });
});

describe('htmlForField', () => {
  it('takes sanitized HTML into HTML fields as it is', () => {
    expect(htmlForField('jsonFeed', 'content_html', '<p>a <b>b</b></p>')).toBe('<p>a <b>b</b></p>');
    expect(fieldType('search', 'excerpt')).toBe('html');
  });

  it('refuses a field that readers show as text', () => {
    // @ts-expect-error -- the summary of a JSON Feed is text, so HTML may not go there.
    expect(() => htmlForField('jsonFeed', 'summary', '<p>a</p>')).toThrow('jsonFeed summary is not an HTML field');
  });
});

describe('a hostile article in every output', () => {
  const worst: HostileArticle = {
    title: '</script><script>alert(1)</script> ]]> \u2028 "><svg onload=alert(1)>',
    summary: '"><svg onload=alert(1)> &lt; &amp; <!-- ',
    tags: ['<img src=x onerror=alert(1)>', 'a&amp;b'],
    authors: ['"><script>alert(1)</script>'],
    source: { name: '<a href="javascript:alert(1)">x</a>' },
    image: { src: 'https://cdn.example.org/foto.jpg', alt: '"><img src=x onerror=alert(1)>', caption: '</figure>' },
    corrections: [{ date: '2024-01-11', text: '<script>alert("koreksi")</script>' }],
    body: '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> ]]>',
    feedContent: 'full',
  };

  it('is published, with every output parsed and nothing alive in it', async () => {
    expect(await checkHostileArticle(worst)).toEqual({ verdict: 'published', findings: [] });
  });

  it('is refused, naming the file and the field, when a field holds a NUL or a lone surrogate', async () => {
    expect(await checkHostileArticle({ ...worst, title: 'a\u0000b' })).toEqual({ verdict: 'refused', findings: [] });
    expect(await checkHostileArticle({ ...worst, authors: ['\uD800'] })).toEqual({ verdict: 'refused', findings: [] });
  });

  it('holds for 1,000 generated articles', { timeout: 120_000 }, async () => {
    const tally = await fuzzHostileArticles(1_000);
    expect(tally.tried).toBe(1_000);
    // Both ways out are exercised: some articles are refused, most are published and checked.
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.published).toBeGreaterThan(tally.refused);
  });
});
