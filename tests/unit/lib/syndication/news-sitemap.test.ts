import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { NEWS_MAX_ITEMS, renderNewsSitemap, selectNewsArticles } from '../../../../src/lib/syndication/news-sitemap';

const now = new Date('2026-01-01T00:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe('selectNewsArticles', () => {
  it('keeps what was published in the two days before the build, newest first', () => {
    const articles = [
      { id: 'old', date: hoursAgo(48.01), datePrecision: 'instant' as const },
      { id: 'edge', date: hoursAgo(48), datePrecision: 'instant' as const },
      { id: 'fresh', date: hoursAgo(1), datePrecision: 'instant' as const },
      { id: 'day', date: hoursAgo(24), datePrecision: 'day' as const },
    ];
    expect(selectNewsArticles(articles, now).map((a) => a.id)).toEqual(['fresh', 'day', 'edge']);
  });

  it('leaves out articles after the build time and articles known only to the month', () => {
    const articles = [
      { id: 'future', date: new Date(now.getTime() + 1), datePrecision: 'instant' as const },
      { id: 'month', date: hoursAgo(2), datePrecision: 'month' as const },
      { id: 'now', date: now, datePrecision: 'instant' as const },
    ];
    expect(selectNewsArticles(articles, now).map((a) => a.id)).toEqual(['now']);
  });

  it('lists at most 1,000 articles, the newest', () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({
      id: i,
      date: hoursAgo(i / 60),
      datePrecision: 'instant' as const,
    }));
    const selected = selectNewsArticles(many, now);
    expect(selected).toHaveLength(NEWS_MAX_ITEMS);
    expect(selected[0]?.id).toBe(0);
    expect(selected.at(-1)?.id).toBe(999);
  });
});

describe('renderNewsSitemap', () => {
  const parser = new XMLParser({ ignoreAttributes: false });

  it('writes each article with publication name, language, date with offset, title and keywords', () => {
    const xml = renderNewsSitemap(
      [
        {
          url: 'https://example.org/arsip/2025/12/31/a/?x=1&y=2',
          title: 'Harga Beras & <Gula>',
          published: new Date('2025-12-31T01:00:00Z'),
          lang: 'id',
          tags: ['Pangan', 'Harga'],
        },
      ],
      { name: 'Warta', timeZone: 'Asia/Jakarta' },
    );
    const doc = parser.parse(xml);
    expect(doc.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(doc.urlset.url).toEqual({
      loc: 'https://example.org/arsip/2025/12/31/a/?x=1&y=2',
      'news:news': {
        'news:publication': { 'news:name': 'Warta', 'news:language': 'id' },
        'news:publication_date': '2025-12-31T08:00:00+07:00',
        'news:title': 'Harga Beras & <Gula>',
        'news:keywords': 'Pangan, Harga',
      },
    });
  });

  it('is an empty but valid url set when nothing is recent', () => {
    const doc = parser.parse(renderNewsSitemap([], { name: 'Warta', timeZone: 'Asia/Jakarta' }));
    expect(doc.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc.urlset.url).toBeUndefined();
  });
});
