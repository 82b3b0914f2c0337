import { describe, expect, it } from 'vitest';
import {
  API_INDEX_PATH,
  apiArticlePath,
  apiMonthPath,
  apiSchemaPath,
  apiTagPath,
  articlePath,
  buildTermSlugTable,
  datePagePath,
  datePath,
  feedPaths,
  homePagePath,
  listingPagePath,
  parseSitePath,
  searchPath,
  sectionPath,
  termIndexPath,
  termPath,
} from '../../../../src/lib/core/routes';

describe('building site paths', () => {
  it('builds date archives, articles and their later pages under page/', () => {
    expect(datePath({ year: '2022' })).toBe('/2022/');
    expect(datePath({ year: '2022', month: '09', day: '06' })).toBe('/2022/09/06/');
    expect(articlePath({ year: '2022', month: '09', day: '06' }, 'korut')).toBe('/2022/09/06/korut/');
    expect(articlePath({ year: '2023', month: '09' }, 'arsip')).toBe('/2023/09/arsip/');
    expect(datePagePath('/2022/09/', 1)).toBe('/2022/09/');
    expect(datePagePath('/2022/09/', 10)).toBe('/2022/09/page/10/');
    expect(homePagePath(2)).toBe('/page/2/');
  });

  it('builds tag and author pages, paged by a bare number, and their feeds', () => {
    expect(termIndexPath('authors')).toBe('/authors/');
    expect(termPath('tags', '東京')).toBe('/tags/東京/');
    expect(termPath('tags', 'rusia', 2)).toBe('/tags/rusia/2/');
    expect(feedPaths(termPath('tags', 'rusia'))).toEqual({
      rss: '/tags/rusia/rss.xml',
      atom: '/tags/rusia/atom.xml',
      json: '/tags/rusia/feed.json',
    });
    expect(searchPath(new URLSearchParams({ tag: 'rusia' }))).toBe('/search/?tag=rusia');
    expect(searchPath()).toBe('/search/');
  });

  it('builds section pages, paged by a bare number as terms are', () => {
    expect(sectionPath('ekonomi')).toBe('/sections/ekonomi/');
    expect(sectionPath('ekonomi', 1)).toBe('/sections/ekonomi/');
    expect(sectionPath('ekonomi', 2)).toBe('/sections/ekonomi/2/');
  });

  it("builds the JSON API's files beside the pages, an article's from its permalink", () => {
    expect(API_INDEX_PATH).toBe('/api/index.json');
    expect(apiArticlePath('/2022/09/06/korut/')).toBe('/api/articles/2022/09/06/korut.json');
    expect(apiArticlePath('/2023/09/arsip/')).toBe('/api/articles/2023/09/arsip.json');
    expect(apiMonthPath('2022', '09')).toBe('/api/2022/09.json');
    expect(apiTagPath('東京')).toBe('/api/tags/東京.json');
    expect(apiSchemaPath('article')).toBe('/api/schema/article.json');
    // No page of the URL design: the build report counts them as the API's files, not as pages.
    expect(parseSitePath('/api/2022/09.json')).toBeUndefined();
  });
});

describe('parseSitePath', () => {
  it.each([
    '/',
    '/page/3/',
    '/2022/',
    '/2022/page/2/',
    '/2022/09/',
    '/2022/09/06/page/2/',
    '/2022/09/06/korut/',
    '/2023/09/arsip/',
    '/tags/',
    '/tags/rusia/',
    '/authors/rina/3/',
    '/sections/ekonomi/',
    '/sections/ekonomi/12/',
    '/archive/',
    '/search/',
    '/tags/rusia/rss.xml',
    '/feed.json',
  ])('reads back %s as the path it was built as', (path) => {
    const parsed = parseSitePath(path)!;
    const rebuilt =
      parsed.kind === 'home'
        ? homePagePath(parsed.page)
        : parsed.kind === 'date-archive'
          ? datePagePath(datePath(parsed.date), parsed.page)
          : parsed.kind === 'article'
            ? articlePath(parsed.date, parsed.slug)
            : parsed.kind === 'term'
              ? termPath(parsed.term, parsed.slug, parsed.page)
              : parsed.kind === 'section'
                ? sectionPath(parsed.slug, parsed.page)
                : parsed.kind === 'term-index'
                  ? termIndexPath(parsed.term)
                  : parsed.kind === 'feed'
                    ? feedPaths(parsed.folder)[parsed.format]
                    : parsed.kind === 'archive'
                      ? '/archive/'
                      : '/search/';
    expect(rebuilt).toBe(path);
  });

  it('never reads a month archive as a page of its year, nor a day as a page of its month', () => {
    expect(parseSitePath('/2022/10/')).toMatchObject({ kind: 'date-archive', period: 'month' });
    expect(parseSitePath('/2022/09/10/')).toMatchObject({ kind: 'date-archive', period: 'day' });
  });

  it('knows which listing a later page belongs to', () => {
    expect(parseSitePath('/2022/09/page/2/')).toMatchObject({ listing: '/2022/09/', page: 2 });
    expect(parseSitePath('/tags/rusia/2/')).toMatchObject({ listing: '/tags/rusia/', page: 2 });
    expect(parseSitePath('/sections/ekonomi/2/')).toMatchObject({
      kind: 'section',
      slug: 'ekonomi',
      listing: '/sections/ekonomi/',
      page: 2,
    });
  });

  it('accepts paths as Astro reports them, and leaves paths outside the design alone', () => {
    expect(parseSitePath('2022/09/06/korut')).toMatchObject({ kind: 'article', slug: 'korut' });
    expect(parseSitePath('')).toMatchObject({ kind: 'home' });
    for (const path of [
      '/404/',
      '/stats/',
      '/lama/1/',
      '/tags/rusia/page/2/',
      '/22/09/',
      '/favicon.svg',
      '/sections/',
      '/sections/ekonomi/page/2/',
      '/sections/ekonomi/0/',
    ]) {
      expect(parseSitePath(path), path).toBeUndefined();
    }
  });
});

describe('listingPagePath', () => {
  it('gives any page of the listing a page belongs to, numbered as that listing is', () => {
    expect(listingPagePath('/', 3)).toBe(homePagePath(3));
    expect(listingPagePath('/page/5/', 1)).toBe('/');
    expect(listingPagePath('/2022/09/page/3/', 2)).toBe(datePagePath('/2022/09/', 2));
    expect(listingPagePath('/2022/09/06/', 4)).toBe('/2022/09/06/page/4/');
    expect(listingPagePath('/tags/rusia/7/', 1)).toBe(termPath('tags', 'rusia'));
    expect(listingPagePath('/authors/rina/', 2)).toBe('/authors/rina/2/');
    expect(listingPagePath('/sections/ekonomi/2/', 9)).toBe(sectionPath('ekonomi', 9));
  });

  it('throws for a page that is no listing', () => {
    for (const path of ['/2022/09/06/korut/', '/archive/', '/tags/', '/stats/']) {
      expect(() => listingPagePath(path, 2), path).toThrow(/no page of a listing/);
    }
  });
});

describe('buildTermSlugTable', () => {
  it('gives terms without letters or digits the fallback of their kind, numbered on a clash', () => {
    const slugs = (kind: 'tags' | 'authors') =>
      [...buildTermSlugTable(kind, [['—', '・'], ['—']], (terms) => terms).values()].map((entry) => entry.slug);
    expect(slugs('tags')).toEqual(['tag', 'tag-2']);
    expect(slugs('authors')).toEqual(['author', 'author-2']);
  });
});
