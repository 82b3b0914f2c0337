/**
 * Reads a built archive the way a reader meets it: article pages with their tags, authors and links,
 * and the listings (date, tag and author archives, all their pages joined), then checks the promises
 * browsing makes for any folder of articles: every article on exactly one year, month and tag page
 * it belongs to, counts that add up, pages that chain together.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { listFiles } from './build';

/** What an article page shows, as site paths without the base path. */
export interface ArticlePage {
  /** The article's permalink. */
  path: string;
  /** Headline. */
  title: string;
  /** Whether the page shows a day (a month-precision article shows only a month). */
  hasDay: boolean;
  /** Tag pages the article links to. */
  tags: string[];
  /** Author pages the byline links to. */
  authors: string[];
  /** The previous (older) article. */
  older?: string | undefined;
  /** The next (newer) article. */
  newer?: string | undefined;
  /** Related articles, in order. */
  related: string[];
  /** "On this day" articles, in order. */
  onThisDay: string[];
}

/** A listing (date, tag or author archive) with all its pages joined. */
export interface Listing {
  /** Site path of its first page. */
  path: string;
  /** `year`, `month`, `day`, `tags` or `authors`. */
  kind: 'year' | 'month' | 'day' | 'tags' | 'authors';
  /** Site paths of its pages, in page order as the "older" links chain them. */
  pages: string[];
  /** Articles listed on each page, in order. */
  itemsByPage: string[][];
  /** The count the first page states. */
  statedCount: number | undefined;
}

/** A built archive as read from its HTML. */
export interface BuiltArchive {
  /** Article pages by permalink. */
  articles: Map<string, ArticlePage>;
  /** Listings by the site path of their first page. */
  listings: Map<string, Listing>;
}

const LISTING_RE = /^\/(?:(\d{4}\/(?:\d{2}\/(?:\d{2}\/)?)?)|((?:tags|authors)\/[^/]+\/))(?:page\/)?(\d+\/)?$/;

/** Reads every page of the archive in `outDir`, built under `base` (default `/`). */
export async function readBuiltArchive(outDir: string, base = '/'): Promise<BuiltArchive> {
  const strip = (href: string | null | undefined): string | undefined => {
    if (!href?.startsWith(base)) return undefined;
    return decodeURIComponent(href.slice(base.length - 1));
  };
  const hrefs = (document: Document, selector: string) =>
    [...document.querySelectorAll(selector)].map((a) => strip(a.getAttribute('href'))).filter((p) => p !== undefined);

  const articles = new Map<string, ArticlePage>();
  const listingPages = new Map<string, { items: string[]; count: number | undefined; next: string | undefined }>();
  for (const file of (await listFiles(outDir)).filter((f) => f.endsWith('index.html'))) {
    const sitePath = `/${file.slice(0, -'index.html'.length)}`;
    const { document } = parseHTML(await readFile(path.join(outDir, file), 'utf8'));
    if (document.querySelector('article.article')) {
      articles.set(sitePath, {
        path: sitePath,
        title: document.querySelector('h1')?.textContent ?? '',
        hasDay: /^\d{4}-\d{2}-\d{2}/.test(document.querySelector('.published time')?.getAttribute('datetime') ?? ''),
        tags: hrefs(document, '.article-footer .tag-list a'),
        authors: hrefs(document, '.byline .authors a'),
        older: hrefs(document, '.article-nav a[rel="prev"]')[0],
        newer: hrefs(document, '.article-nav a[rel="next"]')[0],
        related: hrefs(document, '.related-articles a'),
        onThisDay: hrefs(document, '.on-this-day a'),
      });
    } else if (LISTING_RE.test(sitePath) && document.querySelector('.article-list, .archive-count')) {
      const count = document.querySelector('.archive-count')?.getAttribute('data-count');
      listingPages.set(sitePath, {
        items: hrefs(document, '.article-list .article-card h2 a'),
        count: count === null || count === undefined ? undefined : Number(count),
        next: hrefs(document, '.pagination a[rel="next"]')[0],
      });
    }
  }

  const listings = new Map<string, Listing>();
  for (const [sitePath, page] of listingPages) {
    const match = LISTING_RE.exec(sitePath)!;
    if (match[3]) continue; // a later page; reached by following "older" from the first
    const first = match[1] ?? match[2]!;
    const depth = first.split('/').length - 1;
    const kind = first.startsWith('tags/')
      ? 'tags'
      : first.startsWith('authors/')
        ? 'authors'
        : depth === 1
          ? 'year'
          : depth === 2
            ? 'month'
            : 'day';
    const listing: Listing = { path: sitePath, kind, pages: [], itemsByPage: [], statedCount: page.count };
    let current: string | undefined = sitePath;
    while (current !== undefined && !listing.pages.includes(current)) {
      const found = listingPages.get(current);
      if (!found) break;
      listing.pages.push(current);
      listing.itemsByPage.push(found.items);
      current = found.next;
    }
    listings.set(sitePath, listing);
  }
  return { articles, listings };
}

/** Checks what browsing promises for any archive; returns one sentence per broken promise. */
export function checkBrowsePromises(archive: BuiltArchive, pageSize: number): string[] {
  const problems: string[] = [];
  const all = [...archive.articles.keys()];
  const listingsOf = (kind: Listing['kind']) => [...archive.listings.values()].filter((l) => l.kind === kind);

  for (const listing of archive.listings.values()) {
    const items = listing.itemsByPage.flat();
    if (listing.statedCount !== items.length) {
      problems.push(`${listing.path} states ${listing.statedCount} articles but lists ${items.length}`);
    }
    listing.itemsByPage.forEach((pageItems, index) => {
      const last = index === listing.itemsByPage.length - 1;
      if (last ? pageItems.length === 0 || pageItems.length > pageSize : pageItems.length !== pageSize) {
        problems.push(`${listing.pages[index]} lists ${pageItems.length} articles (page size ${pageSize})`);
      }
    });
    if (new Set(items).size !== items.length) problems.push(`${listing.path} lists an article twice`);
    for (const item of items) {
      if (!archive.articles.has(item)) problems.push(`${listing.path} lists ${item}, which is not an article page`);
    }
  }

  // Each article on exactly one year page and one month page, under its own permalink's date;
  // on exactly one day page unless it is known only to the month.
  for (const kind of ['year', 'month', 'day'] as const) {
    const seen = new Map<string, string>();
    for (const listing of listingsOf(kind)) {
      for (const item of listing.itemsByPage.flat()) {
        if (seen.has(item)) problems.push(`${item} is on ${seen.get(item)} and ${listing.path}`);
        seen.set(item, listing.path);
        if (!item.startsWith(listing.path)) problems.push(`${item} is filed under ${listing.path}`);
      }
    }
    for (const article of archive.articles.values()) {
      const expected = kind !== 'day' || article.hasDay;
      if (expected !== seen.has(article.path)) {
        problems.push(`${article.path} is ${expected ? 'missing from' : 'wrongly on'} the ${kind} pages`);
      }
    }
  }
  const monthTotal = listingsOf('month').reduce((sum, l) => sum + l.itemsByPage.flat().length, 0);
  if (monthTotal !== all.length)
    problems.push(`month pages list ${monthTotal} articles, the archive has ${all.length}`);

  // Every tag and author page lists exactly the articles that link to it.
  for (const kind of ['tags', 'authors'] as const) {
    const carriers = new Map<string, Set<string>>();
    for (const article of archive.articles.values()) {
      for (const term of kind === 'tags' ? article.tags : article.authors) {
        if (!carriers.has(term)) carriers.set(term, new Set());
        carriers.get(term)!.add(article.path);
      }
    }
    for (const [term, expected] of carriers) {
      const listing = archive.listings.get(term);
      const listed = new Set(listing?.itemsByPage.flat() ?? []);
      const missing = [...expected].filter((item) => !listed.has(item));
      const extra = [...listed].filter((item) => !expected.has(item));
      if (!listing) problems.push(`${term} is linked from articles but has no page`);
      else if (missing.length > 0 || extra.length > 0) {
        problems.push(`${term} misses [${missing.join(', ')}] and wrongly lists [${extra.join(', ')}]`);
      }
    }
    for (const listing of listingsOf(kind)) {
      if (!carriers.has(listing.path)) problems.push(`${listing.path} exists but no article links to it`);
    }
  }
  return problems;
}
