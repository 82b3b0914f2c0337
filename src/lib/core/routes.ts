/**
 * The site's URL design in one place: every site path (without the base path) that a page, a feed,
 * the search filters or `npm run check` links to is built here, and read back here. It also holds
 * the slug table of each kind of term, so a tag's or an author's slug is the same on its page, in
 * the search page's filters and in `npm run check`. No Node or Astro imports: the search page loads
 * it in the browser.
 */
import { buildTermIndex, type TermEntry } from './taxonomy';

/** The two kinds of term the archive lists, named as their URL folder. */
export type TermKind = 'tags' | 'authors';

/** Every kind of term, in the order the site lists them. */
export const TERM_KINDS: readonly TermKind[] = ['tags', 'authors'];

// The slug of a term whose name has no letters, digits or emoji ("—", "・"); a second one is `-2`.
const TERM_FALLBACK_SLUGS: Readonly<Record<TermKind, string>> = { tags: 'tag', authors: 'author' };

/**
 * The slug table of one kind of term over `items` (in listing order): each distinct term with its
 * display name, unique slug and items. The only way the site hands out term slugs.
 */
export function buildTermSlugTable<T>(
  kind: TermKind,
  items: readonly T[],
  getTerms: (item: T) => readonly string[],
): Map<string, TermEntry<T>> {
  return buildTermIndex(items, getTerms, TERM_FALLBACK_SLUGS[kind]);
}

/**
 * The slug table of the series (running stories) over `items` (in listing order), named and merged
 * as tags are (case and spacing do not count); `series-2` for a second name without letters.
 */
export function buildSeriesSlugTable<T>(
  items: readonly T[],
  getSeries: (item: T) => string | undefined,
): Map<string, TermEntry<T>> {
  return buildTermIndex(
    items,
    (item) => {
      const name = getSeries(item);
      return name === undefined ? [] : [name];
    },
    'series',
  );
}

/** The home page, page 1 of the latest articles. */
export const HOME_PATH = '/';

/** The year-by-month overview of the archive. */
export const ARCHIVE_PATH = '/archive/';

/** The search page; its state travels in the query (`?q=…&tag=…`). */
export const SEARCH_PATH = '/search/';

/** The page of the archive's figures, a fixed page (src/pages/stats/), not a listing. */
export const STATS_PATH = '/stats/';

/** The index of every series (running story). */
export const SERIES_INDEX_PATH = '/series/';

/** The archive's log of corrections; later pages at `/corrections/2/`. */
export const CORRECTIONS_PATH = '/corrections/';

/** Listing pages every archive has, whatever its articles. */
export const FIXED_LISTINGS: readonly string[] = [
  HOME_PATH,
  ARCHIVE_PATH,
  '/tags/',
  '/authors/',
  SEARCH_PATH,
  CORRECTIONS_PATH,
  SERIES_INDEX_PATH,
];

/** The formats a feed is written in, with the file name of each below its folder. */
export const FEED_FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;

/** A feed format: RSS 2.0, Atom 1.0 or JSON Feed 1.1. */
export type FeedFormat = keyof typeof FEED_FILES;

/** The calendar parts of a period or an article date, zero-padded as in paths (`2022`, `09`, `06`). */
export interface PathDate {
  /** Four-digit year. */
  year: string;
  /** Two-digit month; absent for a year. */
  month?: string | undefined;
  /** Two-digit day; absent for a year, a month or a month-precision article. */
  day?: string | undefined;
}

/** The path of a year, month or day archive: `/2022/`, `/2022/09/`, `/2022/09/06/`. */
export function datePath({ year, month, day }: PathDate): string {
  if (month === undefined) return `/${year}/`;
  return day === undefined ? `/${year}/${month}/` : `/${year}/${month}/${day}/`;
}

/** An article's permalink: `/2022/09/06/<slug>/`, or `/2022/09/<slug>/` for a month-precision date. */
export function articlePath(date: PathDate & { month: string }, slug: string): string {
  return `${datePath(date)}${slug}/`;
}

// Page 1 of a listing is the listing itself; later pages are below it.
function listingPage(listing: string, number: number, segment: string): string {
  return number === 1 ? listing : `${listing}${segment}${number}/`;
}

/**
 * Page `number` of the home page or of a date archive (`/page/2/`, `/2022/09/page/2/`). Under
 * `page/`, not a bare number: page 10 of September would be `/2022/09/10/`, the archive of 10
 * September.
 */
export function datePagePath(listing: string, number: number): string {
  return listingPage(listing, number, 'page/');
}

/** Page `number` of the home page: `/`, `/page/2/`. */
export function homePagePath(number: number): string {
  return datePagePath(HOME_PATH, number);
}

/** The index of every tag or every author: `/tags/`, `/authors/`. */
export function termIndexPath(kind: TermKind): string {
  return `/${kind}/`;
}

/** Page `number` of a tag's or an author's archive: `/tags/rusia/`, `/tags/rusia/2/`. */
export function termPath(kind: TermKind, slug: string, number = 1): string {
  return listingPage(`/${kind}/${slug}/`, number, '');
}

// The folder of the newsroom's sections; there is no page at the folder itself.
const SECTIONS_SEGMENT = 'sections';

/**
 * Page `number` of a section (a desk of the newsroom, src/site.config.ts), paged by a bare number
 * as a term is: `/sections/ekonomi/`, `/sections/ekonomi/2/`.
 */
export function sectionPath(slug: string, number = 1): string {
  return listingPage(`/${SECTIONS_SEGMENT}/${slug}/`, number, '');
}

/** Page `number` of the corrections log, paged by a bare number as a tag is: `/corrections/`, `/corrections/2/`. */
export function correctionsPath(number = 1): string {
  return listingPage(CORRECTIONS_PATH, number, '');
}

/** Page `number` of a series' timeline, paged by a bare number as a tag is: `/series/korut-rusia/`, `/series/korut-rusia/2/`. */
export function seriesPath(slug: string, number = 1): string {
  return listingPage(`${SERIES_INDEX_PATH}${slug}/`, number, '');
}

/** The folder of the JSON API (`api` setting), beside the pages. */
export const API_PATH = '/api/';

/** The API's index file, which links to every other. */
export const API_INDEX_PATH = `${API_PATH}index.json`;

/**
 * The API file of the article at `permalink`: `/2022/09/06/slug/` → `/api/articles/2022/09/06/slug.json`
 * (a month-precision permalink keeps its shape, `/api/articles/2022/09/slug.json`).
 */
export function apiArticlePath(permalink: string): string {
  return `${API_PATH}articles/${permalink.replace(/^\/+|\/+$/g, '')}.json`;
}

/** The API file listing a month's articles: `/api/2022/09.json`. */
export function apiMonthPath(year: string, month: string): string {
  return `${API_PATH}${year}/${month}.json`;
}

/** The API file of a tag's articles: `/api/tags/rusia.json`. */
export function apiTagPath(slug: string): string {
  return `${API_PATH}tags/${slug}.json`;
}

/** The JSON Schema of one kind of API file: `/api/schema/article.json`. */
export function apiSchemaPath(name: string): string {
  return `${API_PATH}schema/${name}.json`;
}

/** The files of a feed whose folder is `folder` (`/` for the archive's, a tag's path for the tag's). */
export function feedPaths(folder: string): Record<FeedFormat, string> {
  return {
    rss: `${folder}${FEED_FILES.rss}`,
    atom: `${folder}${FEED_FILES.atom}`,
    json: `${folder}${FEED_FILES.json}`,
  };
}

/** The search page with `params` in its query (`/search/?tag=rusia`); the bare page without any. */
export function searchPath(params?: URLSearchParams): string {
  const query = params?.toString() ?? '';
  return query === '' ? SEARCH_PATH : `${SEARCH_PATH}?${query}`;
}

/** What a site path is, read back from the path alone. */
export type SitePath =
  | { kind: 'home'; page: number; listing: string }
  | { kind: 'date-archive'; period: 'year' | 'month' | 'day'; date: PathDate; page: number; listing: string }
  | { kind: 'article'; date: PathDate & { month: string }; slug: string }
  | { kind: 'archive' }
  | { kind: 'search' }
  | { kind: 'term-index'; term: TermKind }
  | { kind: 'term'; term: TermKind; slug: string; page: number; listing: string }
  | { kind: 'section'; slug: string; page: number; listing: string }
  | { kind: 'corrections'; page: number; listing: string }
  | { kind: 'series-index' }
  | { kind: 'series'; slug: string; page: number; listing: string }
  | { kind: 'feed'; format: FeedFormat; folder: string };

const YEAR_RE = /^\d{4}$/;
const TWO_DIGITS_RE = /^\d{2}$/;
const PAGE_NUMBER_RE = /^[1-9]\d*$/;

function isTermKind(segment: string | undefined): segment is TermKind {
  return segment === 'tags' || segment === 'authors';
}

function parseFeed(path: string): SitePath | undefined {
  const slash = path.lastIndexOf('/');
  const file = path.slice(slash + 1);
  const format = (Object.keys(FEED_FILES) as FeedFormat[]).find((name) => FEED_FILES[name] === file);
  return format && { kind: 'feed', format, folder: path.slice(0, slash + 1) };
}

// A date archive or the home page from its segments, without any `page/N/`.
function parseDateListing(segments: readonly string[], page: number): SitePath | undefined {
  const [year, month, day, ...rest] = segments;
  const listing = `/${segments.map((segment) => `${segment}/`).join('')}`;
  if (year === undefined) return { kind: 'home', page, listing };
  if (!YEAR_RE.test(year) || rest.length > 0) return undefined;
  if (month === undefined) return { kind: 'date-archive', period: 'year', date: { year }, page, listing };
  if (!TWO_DIGITS_RE.test(month)) return undefined;
  if (day === undefined) return { kind: 'date-archive', period: 'month', date: { year, month }, page, listing };
  return TWO_DIGITS_RE.test(day)
    ? { kind: 'date-archive', period: 'day', date: { year, month, day }, page, listing }
    : undefined;
}

function parseArticle(segments: readonly string[]): SitePath | undefined {
  const [year, month, ...rest] = segments;
  if (year === undefined || month === undefined || !YEAR_RE.test(year) || !TWO_DIGITS_RE.test(month)) return undefined;
  if (rest.length === 1) return { kind: 'article', date: { year, month }, slug: rest[0]! };
  if (rest.length === 2 && TWO_DIGITS_RE.test(rest[0]!)) {
    return { kind: 'article', date: { year, month, day: rest[0]! }, slug: rest[1]! };
  }
  return undefined;
}

/**
 * Reads what a site path (no base path, query or fragment) is in the URL design, or `undefined` for
 * a path the design does not describe (a fixed page, a public file, an alias). Leading and trailing
 * slashes may be missing, as Astro reports page paths. Whether the period, term or article exists
 * is for the caller to know.
 */
export function parseSitePath(path: string): SitePath | undefined {
  const trimmed = `/${path.replace(/^\/+/, '')}`;
  if (/\.[a-z0-9]+$/i.test(trimmed)) return parseFeed(trimmed);
  const segments = trimmed.split('/').filter((segment) => segment !== '');
  const [first, second, third, ...more] = segments;
  if (isTermKind(first)) {
    if (second === undefined) return { kind: 'term-index', term: first };
    if (more.length > 0 || (third !== undefined && !PAGE_NUMBER_RE.test(third))) return undefined;
    return { kind: 'term', term: first, slug: second, page: Number(third ?? 1), listing: termPath(first, second) };
  }
  if (first === SECTIONS_SEGMENT && second !== undefined) {
    if (more.length > 0 || (third !== undefined && !PAGE_NUMBER_RE.test(third))) return undefined;
    return { kind: 'section', slug: second, page: Number(third ?? 1), listing: sectionPath(second) };
  }
  if (`/${first}/` === SERIES_INDEX_PATH) {
    if (second === undefined) return { kind: 'series-index' };
    if (more.length > 0 || (third !== undefined && !PAGE_NUMBER_RE.test(third))) return undefined;
    return { kind: 'series', slug: second, page: Number(third ?? 1), listing: seriesPath(second) };
  }
  if (`/${first}/` === CORRECTIONS_PATH) {
    if (third !== undefined || (second !== undefined && !PAGE_NUMBER_RE.test(second))) return undefined;
    return { kind: 'corrections', page: Number(second ?? 1), listing: CORRECTIONS_PATH };
  }
  if (segments.length === 1 && `/${first}/` === ARCHIVE_PATH) return { kind: 'archive' };
  if (segments.length === 1 && `/${first}/` === SEARCH_PATH) return { kind: 'search' };
  const paged = segments.length >= 2 && segments.at(-2) === 'page' && PAGE_NUMBER_RE.test(segments.at(-1)!);
  if (paged) return parseDateListing(segments.slice(0, -2), Number(segments.at(-1)));
  return parseDateListing(segments, 1) ?? parseArticle(segments);
}

/**
 * Page `number` of the listing that the page at `path` (any page of it) belongs to, numbered as
 * that kind of listing is: `/2022/09/page/3/` and 2 → `/2022/09/page/2/`, `/tags/rusia/` and 2 →
 * `/tags/rusia/2/`. A pagination bar links to any page of its listing with it. Throws for a path
 * that is no page of a listing.
 */
export function listingPagePath(path: string, number: number): string {
  const parsed = parseSitePath(path);
  switch (parsed?.kind) {
    case 'home':
    case 'date-archive':
      return datePagePath(parsed.listing, number);
    case 'term':
      return termPath(parsed.term, parsed.slug, number);
    case 'section':
      return sectionPath(parsed.slug, number);
    case 'corrections':
      return correctionsPath(number);
    case 'series':
      return seriesPath(parsed.slug, number);
    default:
      throw new Error(`${path} is no page of a listing`);
  }
}
