/**
 * Feeds of the archive in three formats: RSS 2.0 (with `@astrojs/rss`), Atom 1.0 (with `feed`) and
 * JSON Feed 1.1. Articles become format-neutral entries first, so every format carries the same
 * items, links, dates, authors and tags.
 */
import { getRssString } from '@astrojs/rss';
import XMLBuilder from 'fast-xml-builder';
import { Feed } from 'feed';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { rehypeAbsoluteUrls } from '../../markdown/rehype-absolute-urls';
import type { FeedContent, Lang } from '../../site.config';
import { toDatetimeAttribute } from '../core/dates';
import { htmlForField, textForField } from './output-fields';

/** How many articles a feed carries unless the settings say otherwise (`feeds.items`): the newest ones. */
export const FEED_ITEM_LIMIT = 50;

/** One article as every feed format carries it. */
export interface FeedEntry {
  /** Absolute URL of the article page; also its permanent id. */
  url: string;
  /** Headline, as plain text. */
  title: string;
  /** Publication instant. */
  published: Date;
  /** Last change: `updated`, else the publication instant. */
  updated: Date;
  /** The editor's summary, as plain text. */
  summary?: string;
  /** The article's HTML with absolute links, when feeds carry full text. */
  contentHtml?: string;
  /** Byline names. */
  authors: readonly string[];
  /** Tags, in the article's spelling. */
  tags: readonly string[];
  /** Language of the article. */
  lang: Lang;
  /** Lead image, absolute. */
  image?: { url: string; alt: string };
}

/** A whole feed: what it is, where it lives, and its entries (newest first). */
export interface FeedDocument {
  /** Feed title, e.g. `Warta` or `Warta — Topik: Rusia`. */
  title: string;
  /** One sentence on what the feed carries. */
  description: string;
  /** Absolute URL of the page the feed follows (home page or tag page). */
  homeUrl: string;
  /** Language of the feed as a whole. */
  lang: Lang;
  /** Absolute URLs of this feed in each format. */
  links: FeedLinks;
  /** Absolute URL of the publisher's square logo. */
  iconUrl: string;
  /** Name of the publisher, the author of record when an article has no byline. */
  publisher: string;
  /** When the feed last changed: the latest entry change, or the build time for an empty feed. */
  updated: Date;
  /** Time zone that JSON Feed dates are written in, with its offset. */
  timeZone: string;
  /** The entries, newest first. */
  entries: readonly FeedEntry[];
}

/** Absolute URLs of a feed in each format. */
export interface FeedLinks {
  /** RSS 2.0. */
  rss: string;
  /** Atom 1.0. */
  atom: string;
  /** JSON Feed 1.1. */
  json: string;
}

/** What {@link toFeedEntry} needs to know about an article. */
export interface FeedArticle {
  /** Headline. */
  title: string;
  /** Publication instant. */
  date: Date;
  /** Last substantial change. */
  updated?: Date | undefined;
  /** Summary. */
  summary?: string | undefined;
  /** Byline names. */
  authors: readonly string[];
  /** Tags. */
  tags: readonly string[];
  /** Language. */
  lang: Lang;
}

/** Options for {@link toFeedEntry}. */
export interface FeedEntryOptions {
  /** Absolute URL of the article page. */
  url: string;
  /** The article's rendered HTML, as on its page; made ready for feed readers here. */
  html?: string;
  /** Or the HTML already made ready ({@link prepareFeedHtml}), read only when feeds carry full text. */
  feedHtml?: () => string;
  /** Whether feeds carry the whole text or only the summary. */
  content: FeedContent;
  /** Lead image, already an absolute URL. */
  image?: { url: string; alt: string } | undefined;
}

/** Turns an article into a feed entry, with its HTML made ready for feed readers when needed. */
export function toFeedEntry(article: FeedArticle, options: FeedEntryOptions): FeedEntry {
  return {
    url: options.url,
    title: article.title,
    published: article.date,
    updated: article.updated ?? article.date,
    ...(article.summary ? { summary: article.summary } : {}),
    ...(options.content === 'full'
      ? { contentHtml: options.feedHtml ? options.feedHtml() : prepareFeedHtml(options.html ?? '', options.url) }
      : {}),
    authors: article.authors,
    tags: article.tags,
    lang: article.lang,
    ...(options.image ? { image: options.image } : {}),
  };
}

function isHeadingAnchor(node: RootContent): boolean {
  const className = node.type === 'element' ? node.properties['className'] : undefined;
  return Array.isArray(className) && className.includes('heading-anchor');
}

function removeHeadingAnchors(parent: Root | Element): void {
  parent.children = parent.children.filter((child) => !isHeadingAnchor(child)) as typeof parent.children;
  for (const child of parent.children) if (child.type === 'element') removeHeadingAnchors(child);
}

/**
 * Makes an article's HTML stand on its own in a feed reader: every link and image absolute (resolved
 * against the article's URL), and without the "#" heading anchors, which only make sense on the page.
 */
export function prepareFeedHtml(html: string, articleUrl: string): string {
  const tree = fromHtml(html, { fragment: true });
  rehypeAbsoluteUrls({ baseUrl: articleUrl })(tree);
  removeHeadingAnchors(tree);
  return toHtml(tree);
}

/** The newest change among the entries, or `fallback` when there are none. */
export function latestChange(entries: readonly FeedEntry[], fallback: Date): Date {
  return (
    entries.reduce<Date | undefined>(
      (latest, entry) => (!latest || entry.updated > latest ? entry.updated : latest),
      undefined,
    ) ?? fallback
  );
}

/** What a feed is, before its entries: everything of {@link FeedDocument} but entries and date. */
export type FeedHeader = Omit<FeedDocument, 'entries' | 'updated'>;

/**
 * Assembles a feed from articles listed newest first: the first `limit` ({@link FEED_ITEM_LIMIT}
 * unless given) become entries, and the feed is dated by its newest change (so rebuilding unchanged
 * content writes the same feed), or by `now` when it is empty.
 */
export function buildFeedDocument<T>(
  header: FeedHeader,
  articles: readonly T[],
  toEntry: (article: T) => FeedEntry,
  now: Date,
  limit: number = FEED_ITEM_LIMIT,
): FeedDocument {
  const entries = articles.slice(0, limit).map(toEntry);
  return { ...header, updated: latestChange(entries, now), entries };
}

const xml = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

/**
 * Renders a feed as RSS 2.0: authors as `dc:creator`, the lead image as `media:content`. Titles and
 * summaries are plain text in an HTML field, so they are escaped as `output-fields.ts` says.
 */
export function renderRssFeed(feed: FeedDocument): Promise<string> {
  const channelTitle = textForField('rss', 'channelTitle', feed.title);
  return getRssString({
    title: channelTitle,
    description: textForField('rss', 'channelDescription', feed.description),
    site: feed.homeUrl,
    xmlns: {
      atom: 'http://www.w3.org/2005/Atom',
      dc: 'http://purl.org/dc/elements/1.1/',
      media: 'http://search.yahoo.com/mrss/',
    },
    customData: xml.build({
      language: feed.lang,
      lastBuildDate: feed.updated.toUTCString(),
      generator: feed.publisher,
      image: { url: feed.iconUrl, title: channelTitle, link: feed.homeUrl },
      'atom:link': { '@_href': feed.links.rss, '@_rel': 'self', '@_type': 'application/rss+xml' },
    }),
    items: feed.entries.map((entry) => ({
      title: textForField('rss', 'title', entry.title),
      link: entry.url,
      pubDate: entry.published,
      ...(entry.summary ? { description: textForField('rss', 'description', entry.summary) } : {}),
      ...(entry.contentHtml ? { content: htmlForField('rss', 'content:encoded', entry.contentHtml) } : {}),
      categories: entry.tags.map((tag) => textForField('rss', 'category', tag)),
      // RSS's own <author> must be an e-mail address; Dublin Core's creator takes a name.
      customData: xml.build({
        'dc:creator': entry.authors.map((name) => textForField('rss', 'dc:creator', name)),
        ...(entry.image ? { 'media:content': { '@_url': entry.image.url, '@_medium': 'image' } } : {}),
      }),
    })),
  });
}

// The Atom library's XML writer turns every "&amp;" in element text back into "&" before escaping
// (to avoid escaping twice), so a name that says "&amp;" would lose it; writing "&" as "&amp;" first
// gives the writer exactly what it undoes, and the text reads back as the editor wrote it.
function atomElementText(text: string): string {
  return text.replaceAll('&', '&amp;');
}

/** Renders a feed as Atom 1.0, with `published` and `updated` on every entry. */
export function renderAtomFeed(feed: FeedDocument): string {
  const atom = new Feed({
    id: feed.links.atom,
    title: atomElementText(textForField('atom', 'feedTitle', feed.title)),
    description: atomElementText(textForField('atom', 'subtitle', feed.description)),
    link: feed.homeUrl,
    feedLinks: { atom: feed.links.atom },
    updated: feed.updated,
    generator: feed.publisher,
    image: feed.iconUrl,
    // Atom requires an author for every entry; the publisher stands in where there is no byline.
    author: { name: atomElementText(feed.publisher), link: feed.homeUrl },
  });
  for (const entry of feed.entries) {
    atom.addItem({
      title: textForField('atom', 'title', entry.title),
      id: entry.url,
      link: entry.url,
      date: entry.updated,
      published: entry.published,
      ...(entry.summary ? { description: textForField('atom', 'summary', entry.summary) } : {}),
      ...(entry.contentHtml ? { content: htmlForField('atom', 'content', entry.contentHtml) } : {}),
      author: entry.authors.map((name) => ({ name: atomElementText(textForField('atom', 'author', name)) })),
      // The library leaves "<" unescaped in attributes, which would break the XML; such a tag is
      // left out of this format rather than risked.
      category: entry.tags
        .filter((tag) => !tag.includes('<'))
        .map((tag) => textForField('atom', 'category', tag))
        .map((tag) => ({ name: tag, term: tag })),
    });
  }
  return atom.atom1();
}

/** An item of a JSON Feed 1.1 document. */
export interface JsonFeedItem {
  /** Permanent id: the article URL. */
  id: string;
  /** Article URL. */
  url: string;
  /** Headline. */
  title: string;
  /** Full HTML, in full-text feeds. */
  content_html?: string;
  /** Plain text, in summary feeds. */
  content_text?: string;
  /** Plain-text summary. */
  summary?: string;
  /** Lead image URL. */
  image?: string;
  /** RFC 3339 with the site zone's offset. */
  date_published: string;
  /** RFC 3339 with the site zone's offset. */
  date_modified: string;
  /** Byline. */
  authors?: { name: string }[];
  /** Tags. */
  tags?: string[];
  /** Language of the article. */
  language: string;
}

/** A JSON Feed 1.1 document. */
export interface JsonFeedDocument {
  /** Always `https://jsonfeed.org/version/1.1`. */
  version: string;
  /** Feed title. */
  title: string;
  /** The page the feed follows. */
  home_page_url: string;
  /** This feed's own URL. */
  feed_url: string;
  /** What the feed carries. */
  description: string;
  /** Square logo. */
  icon: string;
  /** Language of the feed. */
  language: string;
  /** The publisher, as the feed's author. */
  authors: { name: string; url: string }[];
  /** Entries, newest first. */
  items: JsonFeedItem[];
}

/**
 * Renders a feed as JSON Feed 1.1. The `feed` library only writes version 1.0 (one author per item,
 * no language, UTC dates), and JSON needs no escaping beyond `JSON.stringify`, so the 1.1 document
 * is built here from its typed shape, with dates in the site zone's offset as the pages show them.
 */
export function renderJsonFeed(feed: FeedDocument): string {
  const document: JsonFeedDocument = {
    version: 'https://jsonfeed.org/version/1.1',
    title: textForField('jsonFeed', 'title', feed.title),
    home_page_url: feed.homeUrl,
    feed_url: feed.links.json,
    description: textForField('jsonFeed', 'description', feed.description),
    icon: feed.iconUrl,
    language: feed.lang,
    authors: [{ name: feed.publisher, url: feed.homeUrl }],
    items: feed.entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: textForField('jsonFeed', 'title', entry.title),
      // Every item needs content_html or content_text; a summary feed carries the summary as text.
      ...(entry.contentHtml
        ? { content_html: htmlForField('jsonFeed', 'content_html', entry.contentHtml) }
        : { content_text: textForField('jsonFeed', 'content_text', entry.summary ?? entry.title) }),
      ...(entry.summary ? { summary: textForField('jsonFeed', 'summary', entry.summary) } : {}),
      ...(entry.image ? { image: entry.image.url } : {}),
      date_published: toDatetimeAttribute(entry.published, feed.timeZone),
      date_modified: toDatetimeAttribute(entry.updated, feed.timeZone),
      ...(entry.authors.length > 0
        ? { authors: entry.authors.map((name) => ({ name: textForField('jsonFeed', 'authors', name) })) }
        : {}),
      ...(entry.tags.length > 0 ? { tags: entry.tags.map((tag) => textForField('jsonFeed', 'tags', tag)) } : {}),
      language: entry.lang,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
