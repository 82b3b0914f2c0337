import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleEntry } from '../../../src/data/articles';
import { articleEntry } from '../../helpers/article-entries';

// The collection the query module reads; each test sets it before importing the modules afresh,
// since they keep their indexes for the whole build.
const collection = vi.hoisted(() => ({ entries: [] as unknown[] }));

vi.mock('astro:content', () => ({ getCollection: () => Promise.resolve(collection.entries) }));

// Imports the cache-key module over a fresh build of `entries`, and returns it with the entries.
async function build(entries: ArticleEntry[]) {
  collection.entries = entries;
  vi.resetModules();
  const keys = await import('../../../src/data/cache-keys');
  const byId = (id: string) => entries.find((candidate) => candidate.id === id)!;
  return { ...keys, byId };
}

describe('page cache keys', () => {
  beforeEach(() => vi.stubEnv('SOURCE_DATE_EPOCH', '1767225600'));
  afterEach(() => vi.unstubAllEnvs());

  it('gives the same page the same key in two builds of the same content', async () => {
    const first = await build([articleEntry('a', { tags: ['Rusia'] }), articleEntry('b')]);
    const key = await first.pageCacheKey('home', { items: [first.byId('a'), first.byId('b')], number: 1 });
    const second = await build([articleEntry('a', { tags: ['Rusia'] }), articleEntry('b')]);
    expect(await second.pageCacheKey('home', { items: [second.byId('a'), second.byId('b')], number: 1 })).toBe(key);
    expect(
      await second.pageCacheKey('year-archive', { items: [second.byId('a'), second.byId('b')], number: 1 }),
    ).not.toBe(key);
  });

  it('re-renders a list when an article it shows gets a new title, not when only its body changes', async () => {
    const before = await build([articleEntry('a'), articleEntry('b')]);
    const listKey = await before.pageCacheKey('home', [before.byId('a')]);
    const pageKey = await before.articlePageCacheKey(before.byId('a'), {});
    const feedKey = await before.pageCacheKey('feed', [before.byId('a')], { bodies: true });

    const edited = await build([articleEntry('a', { digest: 'body-a-edited' }), articleEntry('b')]);
    expect(await edited.pageCacheKey('home', [edited.byId('a')])).toBe(listKey);
    expect(await edited.articlePageCacheKey(edited.byId('a'), {})).not.toBe(pageKey);
    expect(await edited.pageCacheKey('feed', [edited.byId('a')], { bodies: true })).not.toBe(feedKey);

    const retitled = await build([articleEntry('a', { title: 'Judul baru' }), articleEntry('b')]);
    expect(await retitled.pageCacheKey('home', [retitled.byId('a')])).not.toBe(listKey);
  });

  it("re-renders a list when another article's tag changes the slug of a tag it links to", async () => {
    // "C" and "C++" both slugify to "c"; the first key in order gets it, the other "c-2".
    const both = await build([articleEntry('a', { tags: ['C++'] }), articleEntry('b', { tags: ['C'] })]);
    const key = await both.pageCacheKey('home', [both.byId('a')]);
    const alone = await build([articleEntry('a', { tags: ['C++'] })]);
    expect(await alone.pageCacheKey('home', [alone.byId('a')])).not.toBe(key);
    const untouched = await build([
      articleEntry('a', { tags: ['C++'] }),
      articleEntry('b', { tags: ['C'] }),
      articleEntry('c'),
    ]);
    expect(await untouched.pageCacheKey('home', [untouched.byId('a')])).toBe(key);
  });

  it('counts the author slugs of the articles a page shows', async () => {
    const named = await build([articleEntry('a', { authors: ['Rina'] })]);
    const key = await named.pageCacheKey('home', [named.byId('a')]);
    const renamed = await build([
      articleEntry('a', { authors: ['Rina'] }),
      articleEntry('b', { authors: ['rina'], day: 2 }),
    ]);
    // The same author under another spelling is one author with one slug: nothing to re-render.
    expect(await renamed.pageCacheKey('home', [renamed.byId('a')])).toBe(key);
  });

  it('re-renders every page when scheduled articles are published', async () => {
    const held = await build([articleEntry('a')]);
    const key = await held.pageCacheKey('home', [held.byId('a')]);
    vi.stubEnv('WARTA_INCLUDE_FUTURE', '1');
    const { resetBuildContext } = await import('../../../src/integrations/build-context');
    resetBuildContext();
    const published = await build([articleEntry('a')]);
    expect(await published.pageCacheKey('home', [published.byId('a')])).not.toBe(key);
  });
});
