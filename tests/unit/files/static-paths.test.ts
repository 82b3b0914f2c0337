import { describe, expect, it } from 'vitest';
import { pagePathFromFile } from '../../../src/files/static-paths';

describe('pagePathFromFile', () => {
  it('serves pages as folders', () => {
    expect(pagePathFromFile('index.astro')).toBe('/');
    expect(pagePathFromFile('about.astro')).toBe('/about/');
    expect(pagePathFromFile('archive/index.astro')).toBe('/archive/');
    expect(pagePathFromFile('help/editors.md')).toBe('/help/editors/');
  });

  it('keeps the extension of an endpoint', () => {
    expect(pagePathFromFile('rss.xml.ts')).toBe('/rss.xml');
    expect(pagePathFromFile('helper.ts')).toBeUndefined();
  });

  it('leaves out dynamic routes and private files', () => {
    expect(pagePathFromFile('[...permalink].astro')).toBeUndefined();
    expect(pagePathFromFile('page/[page].astro')).toBeUndefined();
    expect(pagePathFromFile('_components/Card.astro')).toBeUndefined();
  });
});
