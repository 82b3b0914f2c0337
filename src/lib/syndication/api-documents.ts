/**
 * The documents of the archive's JSON API (`/api/…`, turned on by the `api` setting): one per
 * article with its body, one per month and per tag listing articles without bodies, and an index
 * describing the rest. Plain data in (addresses already made absolute), plain JSON-ready objects
 * out; their shapes are the JSON Schemas of `api-schemas.ts`.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toDatetimeAttribute, type DatePrecision } from '../core/dates';
import type { Lang } from '../core/site-settings';
import { htmlForField, textForField } from './output-fields';

/** A named thing with its page: an author, or a tag with its own API file. */
export interface ApiTermLink {
  /** The name as the article writes it (for a tag, the topic's name as the site shows it). */
  name: string;
  /** URL slug of its page. */
  slug: string;
  /** Absolute address of its page. */
  url: string;
  /** Absolute address of its API file, for tags. */
  api?: string;
}

/** The article's place in its series. */
export interface ApiSeriesPlace {
  /** The series' name. */
  name: string;
  /** URL slug of its timeline. */
  slug: string;
  /** Absolute address of its timeline page. */
  url: string;
  /** The article's part number, from 1 for the oldest. */
  part: number;
  /** Parts in all. */
  total: number;
}

/** Another language's version of the article. */
export interface ApiTranslation {
  /** Its language. */
  lang: Lang;
  /** Its headline. */
  title: string;
  /** Absolute address of its page. */
  url: string;
  /** Absolute address of its API file. */
  api: string;
}

/** What the API says of one published article, addresses made absolute by the caller. */
export interface ApiArticleInput {
  title: string;
  date: Date;
  datePrecision: DatePrecision;
  updated?: Date | undefined;
  summary?: string | undefined;
  lang: Lang;
  draft: boolean;
  featured: boolean;
  slug: string;
  story?: string | undefined;
  /** Absolute address of the page. */
  url: string;
  /** Absolute address of the article's API file. */
  api: string;
  /** Absolute addresses of the old paths that redirect to the page. */
  aliases: readonly string[];
  source?: { name: string; url?: string | undefined } | undefined;
  /** The lead image, its address absolute. */
  image?: { url: string; alt: string; caption?: string | undefined; credit?: string | undefined } | undefined;
  corrections: readonly { date: Date; datePrecision: DatePrecision; text: string }[];
  authors: readonly ApiTermLink[];
  tags: readonly ApiTermLink[];
  series?: ApiSeriesPlace | undefined;
  translations: readonly ApiTranslation[];
}

/** An article as months and tags list it: every field but the body. */
export interface ApiArticleSummary {
  url: string;
  api: string;
  title: string;
  summary?: string;
  date: string;
  datePrecision: DatePrecision;
  updated?: string;
  lang: Lang;
  slug: string;
  draft: boolean;
  featured: boolean;
  authors: ApiTermLink[];
  tags: ApiTermLink[];
  series?: ApiSeriesPlace;
  source?: { name: string; url?: string };
  image?: { url: string; alt: string; caption?: string; credit?: string };
  aliases: string[];
  corrections: { date: string; datePrecision: DatePrecision; text: string }[];
  translations: ApiTranslation[];
  story?: string;
}

/** An article's own API file: every field, and the body as HTML and as plain text. */
export interface ApiArticleDocument extends ApiArticleSummary {
  $schema: string;
  body: { html: string; text: string };
}

/** A month's API file: its articles, newest first, without bodies. */
export interface ApiMonthDocument {
  $schema: string;
  api: string;
  /** Four-digit year and two-digit month, as in the month's address. */
  year: string;
  month: string;
  /** Absolute address of the month's archive page. */
  url: string;
  count: number;
  articles: ApiArticleSummary[];
}

/** A tag's API file: its articles, newest first, without bodies. */
export interface ApiTagDocument {
  $schema: string;
  api: string;
  name: string;
  slug: string;
  /** Absolute address of the tag's page. */
  url: string;
  count: number;
  articles: ApiArticleSummary[];
}

/** One month in the index. */
export interface ApiMonthLink {
  year: string;
  month: string;
  count: number;
  url: string;
  api: string;
}

/** The API's front door: what the archive holds and where each file is. */
export interface ApiIndexDocument {
  $schema: string;
  api: string;
  site: { name: string; description: string; url: string; languages: Lang[]; timeZone: string };
  counts: { articles: number; months: number; tags: number; series: number };
  /** Newest first. */
  months: ApiMonthLink[];
  /** Most articles first. */
  tags: (ApiTermLink & { api: string; count: number })[];
  /** Most recently continued first. */
  series: { name: string; slug: string; url: string; parts: number }[];
  /** Absolute addresses of the JSON Schema of each kind of file. */
  schemas: Record<ApiSchemaName, string>;
  /** Absolute addresses of the archive's feeds and their list. */
  feeds: { rss: string; atom: string; json: string; opml: string };
}

/** The kinds of API file, each with a JSON Schema. */
export const API_SCHEMA_NAMES = ['index', 'article', 'month', 'tag'] as const;

/** A kind of API file. */
export type ApiSchemaName = (typeof API_SCHEMA_NAMES)[number];

// Every text field of the API is read as text (`textForField('api', …)` leaves it unchanged); only
// `body.html` is HTML, and it is the sanitized body.
const text = (value: string) => textForField('api', 'text', value);

/** `T` with its fields that may be `undefined` made optional instead, as JSON leaves them out. */
type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

// Leaves out the fields that are `undefined`, so a document never carries `null` or an empty key.
function compact<T extends object>(value: T): Compact<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Compact<T>;
}

/**
 * An editor's http(s) address as a URI that every reader of JSON Schema's `uri` format accepts
 * (RFC 3986): as a browser resolves it, with what that leaves unescaped (`"`, `{`, `|`, …)
 * percent-encoded. The address a reader follows does not change.
 */
export function toUri(address: string): string {
  let href: string;
  try {
    href = new URL(address).href;
  } catch {
    href = address;
  }
  return href.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (character) => encodeURIComponent(character));
}

/** An article as months and tags list it, with its dates in the site's time zone. */
export function toApiArticleSummary(article: ApiArticleInput, timeZone: string): ApiArticleSummary {
  const when = (date: Date) => toDatetimeAttribute(date, timeZone, 'instant');
  return compact({
    url: article.url,
    api: article.api,
    title: text(article.title),
    summary: article.summary === undefined ? undefined : text(article.summary),
    date: when(article.date),
    datePrecision: article.datePrecision,
    updated: article.updated ? when(article.updated) : undefined,
    lang: article.lang,
    slug: article.slug,
    draft: article.draft,
    featured: article.featured,
    authors: article.authors.map((author) => compact({ ...author, name: text(author.name) })),
    tags: article.tags.map((tag) => compact({ ...tag, name: text(tag.name) })),
    series: article.series ? { ...article.series, name: text(article.series.name) } : undefined,
    source: article.source
      ? compact({
          name: text(article.source.name),
          url: article.source.url === undefined ? undefined : toUri(article.source.url),
        })
      : undefined,
    image: article.image
      ? compact({
          url: toUri(article.image.url),
          alt: text(article.image.alt),
          caption: article.image.caption === undefined ? undefined : text(article.image.caption),
          credit: article.image.credit === undefined ? undefined : text(article.image.credit),
        })
      : undefined,
    aliases: [...article.aliases],
    corrections: article.corrections.map((correction) => ({
      date: when(correction.date),
      datePrecision: correction.datePrecision,
      text: text(correction.text),
    })),
    translations: article.translations.map((version) => ({ ...version, title: text(version.title) })),
    story: article.story === undefined ? undefined : text(article.story),
  });
}

/**
 * An article's API file: every field, and its body as the sanitized HTML of its feed entry (links
 * absolute) and as plain text.
 */
export function buildApiArticle(
  article: ApiArticleInput,
  bodyHtml: string,
  options: { timeZone: string; schema: string },
): ApiArticleDocument {
  return {
    $schema: options.schema,
    ...toApiArticleSummary(article, options.timeZone),
    body: { html: htmlForField('api', 'body.html', bodyHtml), text: htmlToPlainText(bodyHtml) },
  };
}

/** A month's API file, its articles in the order given (newest first). */
export function buildApiMonth(
  month: { year: string; month: string; url: string; api: string },
  articles: readonly ApiArticleInput[],
  options: { timeZone: string; schema: string },
): ApiMonthDocument {
  return {
    $schema: options.schema,
    api: month.api,
    year: month.year,
    month: month.month,
    url: month.url,
    count: articles.length,
    articles: articles.map((article) => toApiArticleSummary(article, options.timeZone)),
  };
}

/** A tag's API file, its articles in the order given (newest first). */
export function buildApiTag(
  tag: { name: string; slug: string; url: string; api: string },
  articles: readonly ApiArticleInput[],
  options: { timeZone: string; schema: string },
): ApiTagDocument {
  return {
    $schema: options.schema,
    api: tag.api,
    name: text(tag.name),
    slug: tag.slug,
    url: tag.url,
    count: articles.length,
    articles: articles.map((article) => toApiArticleSummary(article, options.timeZone)),
  };
}

/** The API's index file. */
export function buildApiIndex(index: Omit<ApiIndexDocument, 'counts'> & { articles: number }): ApiIndexDocument {
  const { articles, ...rest } = index;
  return {
    $schema: rest.$schema,
    api: rest.api,
    site: { ...rest.site, name: text(rest.site.name), description: text(rest.site.description) },
    counts: { articles, months: rest.months.length, tags: rest.tags.length, series: rest.series.length },
    months: rest.months,
    tags: rest.tags.map((tag) => ({ ...tag, name: text(tag.name) })),
    series: rest.series.map((series) => ({ ...series, name: text(series.name) })),
    schemas: rest.schemas,
    feeds: rest.feeds,
  };
}

/**
 * Writes an API document as the file's text: compact JSON (the API is for programs, and indenting
 * would add about a quarter to its bytes) with a final newline.
 */
export function serializeApiDocument(document: object): string {
  return `${JSON.stringify(document)}\n`;
}

// Elements whose text stands as a paragraph of its own, and those that end a line.
const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'table',
  'figure',
  'aside',
  'section',
  'div',
  'hr',
  'details',
]);
const LINES = new Set(['li', 'tr', 'figcaption', 'dt', 'dd', 'summary']);
// Elements with nothing a reader of plain text would read.
const SKIPPED = new Set(['script', 'style', 'template', 'iframe', 'video', 'audio', 'object']);

/**
 * The text of an HTML body as a reader of plain text wants it: paragraphs separated by a blank
 * line, list items and table rows on lines of their own, images by their alternative text, and
 * no markup. Walked without recursion; the body is at most 100 elements deep (the input checks).
 */
export function htmlToPlainText(html: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  // The text in pieces, joined once at the end: a 5 MB body is thousands of paragraphs, and
  // looking back over everything written so far at each one would take time quadratic in its size.
  const parts: string[] = [];
  // Line breaks owed before the next text (1: a line, 2: a paragraph), and whether a line is open.
  let pending = 0;
  let lineOpen = false;
  const breakWith = (lines: number) => {
    pending = Math.max(pending, lines);
  };
  const write = (text: string, keepSpacing = false) => {
    const written = pending > 0 || !lineOpen ? (keepSpacing ? text : text.replace(/^ +/, '')) : text;
    if (written === '') return;
    if (pending > 0 && parts.length > 0) parts.push('\n'.repeat(pending));
    pending = 0;
    lineOpen = true;
    parts.push(written);
  };
  // A stack of nodes still to visit, and of markers that close a block or a line.
  const stack: (RootContent | { close: 'block' | 'line' })[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('close' in node) {
      breakWith(node.close === 'block' ? 2 : 1);
      continue;
    }
    if (node.type === 'text') {
      write(node.value.replace(/\s+/g, ' '));
      continue;
    }
    if (node.type !== 'element') continue;
    const element: Element = node;
    if (SKIPPED.has(element.tagName)) continue;
    if (element.tagName === 'br') {
      breakWith(1);
      continue;
    }
    if (element.tagName === 'img') {
      const alt = element.properties['alt'];
      if (typeof alt === 'string' && alt.trim() !== '') write(alt.trim());
      continue;
    }
    if (element.tagName === 'pre') {
      breakWith(2);
      write(collectText(element), true);
      breakWith(2);
      continue;
    }
    const block = BLOCKS.has(element.tagName) ? 'block' : LINES.has(element.tagName) ? 'line' : undefined;
    if (block) {
      breakWith(block === 'block' ? 2 : 1);
      stack.push({ close: block });
    } else if ((element.tagName === 'td' || element.tagName === 'th') && lineOpen && pending === 0) {
      parts.push('\t');
    }
    for (let index = element.children.length - 1; index >= 0; index -= 1) stack.push(element.children[index]!);
  }
  return parts.join('').replace(/ +\n/g, '\n').trim();
}

// The text of a preformatted block, its spacing kept.
function collectText(element: Element): string {
  let out = '';
  const stack: RootContent[] = [...element.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element') {
      for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]!);
    }
  }
  return out.replace(/\n+$/, '');
}
