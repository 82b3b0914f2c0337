import { describe, expect, it } from 'vitest';
import { getPageNumbers, paginate } from '../../../../src/lib/archive/pagination';
import { datePagePath, termPath } from '../../../../src/lib/core/routes';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

const tagPage = (number: number) => termPath('tags', 'asia', number);
const monthPage = (number: number) => datePagePath('/2022/09/', number);
const homePage = (number: number) => datePagePath('/', number);

describe('paginate', () => {
  it('puts exactly pageSize items on every page but the last', () => {
    const pages = paginate(range(7), 3, monthPage);
    expect(pages.map((page) => page.items)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(pages.map((page) => page.start)).toEqual([0, 3, 6]);
    expect(pages.every((page) => page.totalPages === 3 && page.totalItems === 7)).toBe(true);
  });

  it('makes no empty page when the items fill the last page exactly', () => {
    const pages = paginate(range(6), 3, homePage);
    expect(pages).toHaveLength(2);
    expect(pages[1]?.items).toEqual([4, 5, 6]);
  });

  it('never gives page 1 a /1/ URL', () => {
    const pages = paginate(range(7), 3, monthPage);
    expect(pages.map((page) => page.url)).toEqual(['/2022/09/', '/2022/09/page/2/', '/2022/09/page/3/']);
    expect(pages.some((page) => page.url.endsWith('/1/'))).toBe(false);
    expect(paginate(range(4), 2, homePage).map((page) => page.url)).toEqual(['/', '/page/2/']);
  });

  it('links each page to its neighbours, and only to pages that exist', () => {
    const [first, middle, last] = paginate(range(7), 3, tagPage);
    expect(first?.prevUrl).toBeUndefined();
    expect(first?.nextUrl).toBe('/tags/asia/2/');
    expect(middle?.prevUrl).toBe('/tags/asia/');
    expect(middle?.nextUrl).toBe('/tags/asia/3/');
    expect(last?.prevUrl).toBe('/tags/asia/2/');
    expect(last?.nextUrl).toBeUndefined();
  });

  it('splits any list into pages that together hold every item once, in order', () => {
    for (let length = 0; length <= 25; length += 1) {
      for (let size = 1; size <= 7; size += 1) {
        const items = range(length);
        const pages = paginate(items, size, homePage);
        expect(pages.flatMap((page) => page.items)).toEqual(items);
        expect(pages).toHaveLength(Math.max(1, Math.ceil(length / size)));
        expect(pages.map((page) => page.number)).toEqual(range(pages.length));
        if (length > 0) expect(pages.every((page) => page.items.length > 0)).toBe(true);
        expect(pages.slice(0, -1).every((page) => page.items.length === size)).toBe(true);
      }
    }
  });

  it('gives an empty listing one empty first page with no links', () => {
    expect(paginate([], 10, tagPage)).toEqual([
      { number: 1, totalPages: 1, totalItems: 0, items: [], start: 0, url: '/tags/asia/' },
    ]);
  });

  it('throws on a page size that is not a positive whole number', () => {
    for (const size of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => paginate(range(3), size, homePage)).toThrow(RangeError);
    }
    expect(() => paginate(range(3), 0, homePage)).toThrow(/page size must be a positive integer, got 0/);
  });
});

describe('getPageNumbers', () => {
  it('shows every page of a short listing', () => {
    expect(getPageNumbers(1, 1)).toEqual([1]);
    expect(getPageNumbers(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('shows the first, the last and the neighbours of the current page, with gaps between', () => {
    expect(getPageNumbers(10, 1000)).toEqual([1, 'gap', 9, 10, 11, 'gap', 1000]);
    expect(getPageNumbers(1, 20)).toEqual([1, 2, 'gap', 20]);
    expect(getPageNumbers(20, 20)).toEqual([1, 'gap', 19, 20]);
  });

  it('shows a single left-out number instead of a gap', () => {
    expect(getPageNumbers(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(getPageNumbers(5, 9)).toEqual([1, 'gap', 4, 5, 6, 'gap', 9]);
  });
});
