import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { articleEntry } from '../../helpers/article-entries';

// The collection the query module reads: two published articles and a draft.
const collection = vi.hoisted(() => ({ entries: [] as unknown[] }));

vi.mock('astro:content', () => ({ getCollection: () => Promise.resolve(collection.entries) }));

describe('the term index of a build', () => {
  beforeAll(() => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1767225600');
    vi.stubEnv('WARTA_PAGE_SIZE', '1');
    collection.entries = [
      articleEntry('a', { day: 1, tags: ['Korea Utara', '・'], authors: ['—'] }),
      articleEntry('b', { day: 2, tags: ['korea  utara'], authors: ['Rina Hartono', '—'] }),
      articleEntry('c', { day: 3, tags: ['Rahasia'], authors: ['Rahasia'], draft: true }),
    ];
    vi.resetModules();
  });
  afterAll(() => vi.unstubAllEnvs());

  it('lists each published tag and author once, with the slug of its page, fallbacks included', async () => {
    const { getTermIndex } = await import('../../../src/data/articles');
    const slugs = async (kind: 'tags' | 'authors') =>
      [...(await getTermIndex(kind)).values()].map((term) => [term.name, term.slug, term.items.map((a) => a.id)]);
    expect(await slugs('tags')).toEqual([
      // Two spellings used once each: the newer article's wins, its spacing folded.
      ['korea utara', 'korea-utara', ['b', 'a']],
      ['・', 'tag', ['a']],
    ]);
    expect(await slugs('authors')).toEqual([
      ['Rina Hartono', 'rina-hartono', ['b']],
      ['—', 'author', ['b', 'a']],
    ]);
  });

  it('links any spelling of a term to its page', async () => {
    const { getTermPath } = await import('../../../src/data/articles');
    expect(await getTermPath('tags', 'KOREA UTARA')).toBe('/tags/korea-utara/');
    expect(await getTermPath('authors', '—')).toBe('/authors/author/');
  });

  it('pages a term archive at <slug>/N/', async () => {
    const { getTermRoutes } = await import('../../../src/data/archives');
    const later = await getTermRoutes('authors', true);
    expect(later.map((route) => [route.params, route.props.page.url])).toEqual([
      [{ slug: 'author', page: '2' }, '/authors/author/2/'],
    ]);
  });
});
