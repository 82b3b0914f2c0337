/**
 * Pagination maths for listings: exactly `pageSize` items on every page but the last, and no empty
 * pages. Where each page lives is the routes module's to say.
 */

/** One page of a listing. */
export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** How many pages the listing has. */
  totalPages: number;
  /** How many items the listing has over all pages. */
  totalItems: number;
  /** The items on this page. */
  items: T[];
  /** 0-based index, in the whole listing, of this page's first item. */
  start: number;
  /** Site-relative URL of this page; `listingPagePath(url, n)` (src/lib/core/routes.ts) gives page `n`'s. */
  url: string;
  /** URL of the previous page, if any. */
  prevUrl?: string;
  /** URL of the next page, if any. */
  nextUrl?: string;
}

/**
 * Splits a listing into pages, each at `pagePath(number)` (a function of src/lib/core/routes.ts). An
 * empty listing still has one (empty) page, its first.
 */
export function paginate<T>(items: readonly T[], pageSize: number, pagePath: (number: number) => string): Page<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError(`page size must be a positive integer, got ${pageSize}`);
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: totalPages }, (_, index) => {
    const number = index + 1;
    const start = index * pageSize;
    return {
      number,
      totalPages,
      totalItems: items.length,
      items: items.slice(start, start + pageSize),
      start,
      url: pagePath(number),
      ...(number > 1 ? { prevUrl: pagePath(number - 1) } : {}),
      ...(number < totalPages ? { nextUrl: pagePath(number + 1) } : {}),
    };
  });
}

/**
 * The page numbers a pagination bar shows around page `current` of `total`: the first, the last,
 * and the current one with `radius` neighbours each side, with `'gap'` where numbers are left out
 * (`1 … 4 5 6 … 20`), so a listing of a thousand pages still has a short bar.
 */
export function getPageNumbers(current: number, total: number, radius = 1): (number | 'gap')[] {
  const shown = new Set([1, total]);
  for (let n = current - radius; n <= current + radius; n += 1) if (n >= 1 && n <= total) shown.add(n);
  const numbers = [...shown].sort((a, b) => a - b);
  return numbers.flatMap((n, index) => {
    const previous = numbers[index - 1];
    if (previous === undefined || n === previous + 1) return [n];
    // A gap of one number is shown as that number: "…" would take as much room.
    return n === previous + 2 ? [previous + 1, n] : ['gap' as const, n];
  });
}
