import { describe, expect, it } from 'vitest';
import { readArticle, type ArticleRecord } from '../../../../src/lib/content/article-file';
import { publishedArticles, selectPublished, type Publishable } from '../../../../src/lib/content/publishing';

interface Item extends Publishable {
  id: string;
}

const now = new Date('2025-01-01T00:00:00Z');
const past: Item = { id: 'past', date: new Date('2024-12-31T23:59:59Z'), draft: false };
const exactlyNow: Item = { id: 'now', date: now, draft: false };
const future: Item = { id: 'future', date: new Date('2025-01-01T00:00:01Z'), draft: false };
const draft: Item = { id: 'draft', date: new Date('2024-06-01T00:00:00Z'), draft: true };
const futureDraft: Item = { id: 'future-draft', date: new Date('2026-01-01T00:00:00Z'), draft: true };
const all = [past, exactlyNow, future, draft, futureDraft];

const ids = (items: Item[]) => items.map((item) => item.id);

describe('selectPublished', () => {
  it('holds back drafts and articles dated after now', () => {
    const result = selectPublished(all, { now, includeDrafts: false, includeFuture: false });
    expect(ids(result.published)).toEqual(['past', 'now']);
    expect(ids(result.drafts)).toEqual(['draft', 'future-draft']);
    expect(ids(result.scheduled)).toEqual(['future']);
  });

  it('publishes drafts when asked to', () => {
    const result = selectPublished(all, { now, includeDrafts: true, includeFuture: false });
    expect(ids(result.published)).toEqual(['past', 'now', 'draft']);
    expect(ids(result.scheduled)).toEqual(['future', 'future-draft']);
    expect(result.drafts).toEqual([]);
  });

  it('publishes future articles when asked to', () => {
    const result = selectPublished(all, { now, includeDrafts: false, includeFuture: true });
    expect(ids(result.published)).toEqual(['past', 'now', 'future']);
    expect(ids(result.drafts)).toEqual(['draft', 'future-draft']);
  });

  it('publishes everything when asked for drafts and future articles', () => {
    expect(ids(selectPublished(all, { now, includeDrafts: true, includeFuture: true }).published)).toEqual(ids(all));
  });

  it('publishes a scheduled article once the build time has reached it', () => {
    const later = new Date('2025-01-01T00:00:01Z');
    expect(
      ids(selectPublished([future], { now: later, includeDrafts: false, includeFuture: false }).published),
    ).toEqual(['future']);
  });
});

describe('publishedArticles', () => {
  function record(file: string, frontmatter: string): ArticleRecord {
    const result = readArticle(file, `---\n${frontmatter}\n---\n\nIsi berita.\n`, {
      defaultLang: 'id',
      timeZone: 'Asia/Jakarta',
    });
    if (!result.article) throw new Error(JSON.stringify(result.problems));
    return result.article;
  }
  const records = [
    record('2024/12/pasar.md', 'title: Pasar\ndate: 2024-12-31T10:00:00+07:00'),
    record('2024/12/rancangan.md', 'title: Rancangan\ndate: 2024-12-30T10:00:00+07:00\ndraft: true'),
    record('2025/01/esok.md', 'title: Esok\ndate: 2025-01-02T10:00:00+07:00'),
  ];

  it('gives what a build publishes, with the collection ids, and no draft', () => {
    const published = publishedArticles(records, { now, includeFuture: false });
    expect(published.map((article) => [article.id, article.title])).toEqual([['2024/12/pasar', 'Pasar']]);
  });

  it('gives future-dated articles when the build asks for them, never drafts', () => {
    const published = publishedArticles(records, { now, includeFuture: true });
    expect(published.map((article) => article.id)).toEqual(['2024/12/pasar', '2025/01/esok']);
  });
});
