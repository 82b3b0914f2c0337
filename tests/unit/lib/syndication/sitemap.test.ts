import { describe, expect, it } from 'vitest';
import { buildLastModifiedIndex, toSitePath } from '../../../../src/lib/syndication/sitemap';

describe('buildLastModifiedIndex', () => {
  const index = buildLastModifiedIndex([
    { permalink: '/2022/09/06/a/', date: new Date('2022-09-06T00:00:00Z'), updated: new Date('2022-09-10T00:00:00Z') },
    { permalink: '/2023/09/b/', date: new Date('2023-09-01T00:00:00Z') },
    { permalink: '/東京/', date: new Date('2021-01-01T00:00:00Z') },
  ]);

  it('dates each article by its update, else its publication', () => {
    expect(index.get('/2022/09/06/a/')?.toISOString()).toBe('2022-09-10T00:00:00.000Z');
    expect(index.get('/2023/09/b/')?.toISOString()).toBe('2023-09-01T00:00:00.000Z');
  });

  it('dates the home page by the latest change of any article', () => {
    expect(index.get('/')?.toISOString()).toBe('2023-09-01T00:00:00.000Z');
  });

  it('has no home date for an empty archive', () => {
    expect(buildLastModifiedIndex([]).size).toBe(0);
  });
});

describe('toSitePath', () => {
  it('strips the site URL and base path, decoding the path', () => {
    expect(toSitePath('https://example.org/arsip/2022/09/06/a/', 'https://example.org/arsip/')).toBe('/2022/09/06/a/');
    expect(toSitePath('https://example.org/arsip/', 'https://example.org/arsip/')).toBe('/');
    expect(toSitePath('https://example.org/arsip/%E6%9D%B1%E4%BA%AC/', 'https://example.org/arsip/')).toBe('/東京/');
    expect(toSitePath('https://example.org/x/', 'https://example.org/')).toBe('/x/');
  });

  it('refuses a URL outside the site', () => {
    expect(toSitePath('https://example.org/arsipx/a/', 'https://example.org/arsip/')).toBeUndefined();
    expect(toSitePath('https://other.org/arsip/a/', 'https://example.org/arsip/')).toBeUndefined();
  });
});
