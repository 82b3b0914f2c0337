/**
 * Feeds stay well-formed XML whatever an article quotes: the Atom library wraps HTML in CDATA and
 * splits only the first "]]>", so every one is written as "]]&gt;" before it gets there.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { escapeCdataEnd } from '../../../../src/lib/syndication/output-fields';
import { renderAtomFeed, renderRssFeed, toFeedEntry, type FeedDocument } from '../../../../src/lib/syndication/feeds';

const SITE = 'https://example.org/';
const title = 'Dua penutup ]]> dan ]]> di judul';
const html = '<p>Teks ]]> satu</p><pre><code>&#x3C;a>]]>\n]]></code></pre>';

function feed(): FeedDocument {
  const entry = toFeedEntry(
    { title, date: new Date('2024-01-01T00:00:00Z'), summary: 'Ringkasan ]]> ]]>', authors: [], tags: [], lang: 'id' },
    { url: `${SITE}2024/01/01/a/`, html, content: 'full' },
  );
  return {
    title: 'Warta',
    description: 'Arsip.',
    homeUrl: SITE,
    lang: 'id',
    links: { rss: `${SITE}rss.xml`, atom: `${SITE}atom.xml`, json: `${SITE}feed.json` },
    iconUrl: `${SITE}logo.png`,
    publisher: 'Warta',
    updated: new Date('2024-01-01T00:00:00Z'),
    timeZone: 'Asia/Jakarta',
    entries: [entry],
  };
}

describe('feeds of an article that quotes "]]>" more than once', () => {
  it('are well-formed XML in Atom and RSS', async () => {
    for (const xml of [renderAtomFeed(feed()), await renderRssFeed(feed())]) {
      expect(() => SyntaxValidator.validate(xml)).not.toThrow();
    }
  });

  it('read back as the text the editor wrote', () => {
    const [entry] = parseFeed(renderAtomFeed(feed())).items;
    expect(entry?.title).toBe(title);
    // One "]]>" in the paragraph and two in the code block, none lost or cut short.
    expect(entry?.content?.match(/\]\]>/g)).toHaveLength(3);
    expect(entry?.content).toContain('Teks ]]> satu');
  });

  it('write "]]>" as "]]&gt;", which HTML reads the same', () => {
    expect(escapeCdataEnd('a ]]> b ]]>')).toBe('a ]]&gt; b ]]&gt;');
  });
});
