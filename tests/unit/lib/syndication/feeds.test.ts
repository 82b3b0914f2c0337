import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import {
  buildFeedDocument,
  FEED_ITEM_LIMIT,
  latestChange,
  prepareFeedHtml,
  renderAtomFeed,
  renderJsonFeed,
  renderRssFeed,
  toFeedEntry,
  type FeedArticle,
  type FeedDocument,
  type JsonFeedDocument,
} from '../../../../src/lib/syndication/feeds';

const SITE = 'https://example.org/arsip/';
const ARTICLE_URL = `${SITE}2022/09/06/korut/`;

const html =
  '<p>Teks <a href="/arsip/2022/09/07/lain/">lain</a>, <a href="#latar">bawah</a> dan <img src="foto.jpg" alt="Foto" srcset="foto.jpg 1x, /arsip/foto@2x.jpg 2x">.</p>' +
  '<h2 id="latar">Latar<a class="heading-anchor" href="#latar" aria-hidden="true">#</a></h2>' +
  '<p>Lihat <a href="https://other.example/x">sumber</a> atau <a href="mailto:redaksi@example.org">redaksi</a>.</p>';

const korut: FeedArticle = {
  title: 'Korea Utara & Rusia: <Peluru> "Dijual"',
  date: new Date('2022-09-06T03:30:00Z'),
  updated: new Date('2022-09-07T17:00:00Z'),
  summary: 'Intelijen AS: Moskow membeli peluru dari Pyongyang & menambal stok.',
  authors: ['Rina Hartono', 'Arif Nugroho'],
  tags: ['Korea Utara', 'Rusia & Ukraina'],
  lang: 'id',
};

const sanctions: FeedArticle = {
  title: 'Sanctions Bite',
  date: new Date('2022-09-06T02:00:00Z'),
  authors: [],
  tags: [],
  lang: 'en',
};

function feedOf(content: 'full' | 'summary'): FeedDocument {
  const entries = [
    toFeedEntry(korut, {
      url: ARTICLE_URL,
      html,
      content,
      image: { url: 'https://cdn.example.org/korut.jpg', alt: 'Peluncuran rudal' },
    }),
    toFeedEntry(sanctions, { url: `${SITE}2022/09/06/sanctions-bite/`, html: '<p>Western sanctions.</p>', content }),
  ];
  return {
    title: 'Warta',
    description: 'Arsip berita.',
    homeUrl: SITE,
    lang: 'id',
    links: { rss: `${SITE}rss.xml`, atom: `${SITE}atom.xml`, json: `${SITE}feed.json` },
    iconUrl: `${SITE}logo.png`,
    publisher: 'Warta',
    updated: latestChange(entries, new Date('2026-01-01T00:00:00Z')),
    timeZone: 'Asia/Jakarta',
    entries,
  };
}

describe('prepareFeedHtml', () => {
  const prepared = prepareFeedHtml(html, ARTICLE_URL);

  it('makes every link and image address absolute, resolved against the article', () => {
    expect(prepared).toContain('href="https://example.org/arsip/2022/09/07/lain/"');
    expect(prepared).toContain('href="https://example.org/arsip/2022/09/06/korut/#latar"');
    expect(prepared).toContain('src="https://example.org/arsip/2022/09/06/korut/foto.jpg"');
    expect(prepared).toContain(
      'srcset="https://example.org/arsip/2022/09/06/korut/foto.jpg 1x, https://example.org/arsip/foto@2x.jpg 2x"',
    );
  });

  it('keeps external and mail links as they are', () => {
    expect(prepared).toContain('href="https://other.example/x"');
    expect(prepared).toContain('href="mailto:redaksi@example.org"');
  });

  it('drops the "#" heading anchors, which only make sense on the page', () => {
    expect(prepared).toContain('<h2 id="latar">Latar</h2>');
    expect(prepared).not.toContain('heading-anchor');
  });
});

describe('toFeedEntry', () => {
  it('carries the prepared full text when feeds are full-text', () => {
    const entry = toFeedEntry(korut, { url: ARTICLE_URL, html, content: 'full' });
    expect(entry.contentHtml).toBe(prepareFeedHtml(html, ARTICLE_URL));
    expect(entry.summary).toBe(korut.summary);
  });

  it('carries only the summary when feeds are summaries', () => {
    const entry = toFeedEntry(korut, { url: ARTICLE_URL, html, content: 'summary' });
    expect(entry.contentHtml).toBeUndefined();
    expect(entry.summary).toBe(korut.summary);
  });

  it('takes the publication date as the last change of an article never updated', () => {
    const entry = toFeedEntry(sanctions, { url: ARTICLE_URL, html: '', content: 'full' });
    expect(entry.updated).toEqual(sanctions.date);
  });
});

describe('latestChange', () => {
  it('is the newest update among the entries', () => {
    expect(latestChange(feedOf('full').entries, new Date(0)).toISOString()).toBe('2022-09-07T17:00:00.000Z');
  });

  it('falls back to the given time for an empty feed', () => {
    expect(latestChange([], new Date('2026-01-01T00:00:00Z')).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('buildFeedDocument', () => {
  const header = (({ entries: _entries, updated: _updated, ...rest }) => rest)(feedOf('full'));
  const now = new Date('2026-01-01T00:00:00Z');

  it('keeps the newest 50 of a longer list, in order', () => {
    const days = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2025, 0, 60 - i)));
    const feed = buildFeedDocument(
      header,
      days,
      (date) => toFeedEntry({ ...sanctions, date }, { url: `${SITE}${date.getTime()}/`, html: '', content: 'full' }),
      now,
    );
    expect(feed.entries).toHaveLength(FEED_ITEM_LIMIT);
    expect(feed.entries[0]?.published).toEqual(days[0]);
    expect(feed.entries.at(-1)?.published).toEqual(days[49]);
    expect(feed.updated).toEqual(days[0]);
  });

  it('keeps as many as the settings ask for (feeds.items)', () => {
    const days = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2025, 0, 30 - i)));
    const feed = buildFeedDocument(
      header,
      days,
      (date) => toFeedEntry({ ...sanctions, date }, { url: `${SITE}${date.getTime()}/`, html: '', content: 'full' }),
      now,
      20,
    );
    expect(feed.entries).toHaveLength(20);
    expect(feed.entries.at(-1)?.published).toEqual(days[19]);
  });

  it('dates an empty feed by the build time', () => {
    const feed = buildFeedDocument(header, [], () => feedOf('full').entries[0]!, now);
    expect(feed.entries).toEqual([]);
    expect(feed.updated).toEqual(now);
  });
});

describe('renderRssFeed', () => {
  it('writes RSS 2.0 that a feed parser reads back item for item', async () => {
    const xml = await renderRssFeed(feedOf('full'));
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('rss');
    expect(feed.title).toBe('Warta');
    expect(feed.url).toBe(SITE);
    expect(feed.self).toBe(`${SITE}rss.xml`);
    expect(feed.language).toBe('id');
    expect(feed.updated?.toISOString()).toBe('2022-09-07T17:00:00.000Z');
    expect(feed.items.map((item) => item.title)).toEqual([korut.title, sanctions.title]);
    const [first, second] = feed.items;
    expect(first?.url).toBe(ARTICLE_URL);
    expect(first?.id).toBe(ARTICLE_URL);
    expect(first?.published?.toISOString()).toBe('2022-09-06T03:30:00.000Z');
    expect(first?.authors.map((author) => author.name)).toEqual(['Rina Hartono', 'Arif Nugroho']);
    expect(first?.categories.map((category) => category.label)).toEqual(['Korea Utara', 'Rusia & Ukraina']);
    expect(first?.description).toBe(korut.summary);
    expect(first?.content).toContain('href="https://example.org/arsip/2022/09/07/lain/"');
    expect(first?.media.map((media) => media.url)).toEqual(['https://cdn.example.org/korut.jpg']);
    expect(second?.authors).toEqual([]);
    expect(second?.media).toEqual([]);
  });

  it('gives dates as RFC 822 with the zone spelt out', async () => {
    const xml = await renderRssFeed(feedOf('full'));
    expect(xml).toContain('<pubDate>Tue, 06 Sep 2022 03:30:00 GMT</pubDate>');
  });

  it('leaves the full text out of a summary feed', async () => {
    const feed = parseFeed(await renderRssFeed(feedOf('summary')));
    expect(feed.items[0]?.description).toBe(korut.summary);
    expect(feed.items[0]?.content).toBeNull();
  });
});

describe('renderAtomFeed', () => {
  it('writes Atom 1.0 that a feed parser reads back, with published and updated dates', () => {
    const feed = parseFeed(renderAtomFeed(feedOf('full')));
    expect(feed.meta.type).toBe('atom');
    expect(feed.self).toBe(`${SITE}atom.xml`);
    expect(feed.url).toBe(SITE);
    expect(feed.updated?.toISOString()).toBe('2022-09-07T17:00:00.000Z');
    const [first, second] = feed.items;
    // Atom titles are typed HTML; the escaping must bring the editor's "&", "<" and quotes back intact.
    expect(first?.title).toBe(korut.title);
    expect(first?.url).toBe(ARTICLE_URL);
    expect(first?.id).toBe(ARTICLE_URL);
    expect(first?.published?.toISOString()).toBe('2022-09-06T03:30:00.000Z');
    expect(first?.updated?.toISOString()).toBe('2022-09-07T17:00:00.000Z');
    expect(first?.authors.map((author) => author.name)).toEqual(['Rina Hartono', 'Arif Nugroho']);
    expect(first?.categories.map((category) => category.term)).toEqual(['Korea Utara', 'Rusia & Ukraina']);
    expect(first?.description).toBe(korut.summary);
    expect(first?.content).toContain('src="https://example.org/arsip/2022/09/06/korut/foto.jpg"');
    // An article without a byline falls back to the feed's author, the publisher.
    expect(second?.authors.map((author) => author.name)).toEqual(['Warta']);
  });

  it('writes no content element in a summary feed', () => {
    const xml = renderAtomFeed(feedOf('summary'));
    expect(xml).not.toContain('<content');
    expect(parseFeed(xml).items[0]?.description).toBe(korut.summary);
  });
});

describe('renderJsonFeed', () => {
  const full = JSON.parse(renderJsonFeed(feedOf('full'))) as JsonFeedDocument;

  it('writes a JSON Feed 1.1 document with the feed links', () => {
    expect(full.version).toBe('https://jsonfeed.org/version/1.1');
    expect(full.home_page_url).toBe(SITE);
    expect(full.feed_url).toBe(`${SITE}feed.json`);
    expect(full.language).toBe('id');
    expect(full.authors).toEqual([{ name: 'Warta', url: SITE }]);
  });

  it('gives each item its url, dates with the site offset, authors, tags, language and image', () => {
    const [first, second] = full.items;
    expect(first).toMatchObject({
      id: ARTICLE_URL,
      url: ARTICLE_URL,
      title: korut.title,
      summary: korut.summary,
      date_published: '2022-09-06T10:30:00+07:00',
      date_modified: '2022-09-08T00:00:00+07:00',
      authors: [{ name: 'Rina Hartono' }, { name: 'Arif Nugroho' }],
      tags: ['Korea Utara', 'Rusia & Ukraina'],
      language: 'id',
      image: 'https://cdn.example.org/korut.jpg',
    });
    expect(first?.content_html).toContain('href="https://example.org/arsip/2022/09/07/lain/"');
    expect(second?.language).toBe('en');
    expect(second?.authors).toBeUndefined();
  });

  it('carries plain text, never HTML, in a summary feed', () => {
    const summary = JSON.parse(renderJsonFeed(feedOf('summary'))) as JsonFeedDocument;
    expect(summary.items[0]?.content_html).toBeUndefined();
    expect(summary.items[0]?.content_text).toBe(korut.summary);
    // Every item needs content; an article without a summary offers its headline.
    expect(summary.items[1]?.content_text).toBe(sanctions.title);
  });
});
