/**
 * The site's feeds as one OPML 2.0 list (`/feeds.opml`), which a feed reader imports whole: the
 * archive's feed, the corrections log's and every topic's, grouped, each with its page. Escaping
 * is fast-xml-builder's, as for the news sitemap.
 */
import XMLBuilder from 'fast-xml-builder';

/** One feed in the list. */
export interface OpmlFeed {
  /** What a reader sees, e.g. `Warta — Topik: Rusia`. */
  title: string;
  /** Absolute URL of the feed (its RSS form: every reader takes it). */
  xmlUrl: string;
  /** Absolute URL of the page the feed follows. */
  htmlUrl: string;
}

/** A named group of feeds (the archive's own, the topics'). */
export interface OpmlGroup {
  /** Name of the group. */
  title: string;
  /** Its feeds, in the order to list them. */
  feeds: readonly OpmlFeed[];
}

/** What the list says of itself. */
export interface OpmlHead {
  /** Title of the list, e.g. `Warta — feeds`. */
  title: string;
  /** Absolute URL of the site's home page, where readers find who publishes the feeds. */
  homeUrl: string;
  /** When the list last changed (the newest article), for `dateModified`. */
  modified: Date;
}

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });

function outline(feed: OpmlFeed) {
  return {
    '@_type': 'rss',
    '@_text': feed.title,
    '@_title': feed.title,
    '@_xmlUrl': feed.xmlUrl,
    '@_htmlUrl': feed.htmlUrl,
  };
}

/** Writes the OPML 2.0 document of `groups`; an empty group is left out. */
export function renderOpml(head: OpmlHead, groups: readonly OpmlGroup[]): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    opml: {
      '@_version': '2.0',
      head: {
        title: head.title,
        dateModified: head.modified.toUTCString(),
        docs: 'https://opml.org/spec2.opml',
        ownerId: head.homeUrl,
      },
      body: {
        outline: groups
          .filter((group) => group.feeds.length > 0)
          .map((group) => ({ '@_text': group.title, '@_title': group.title, outline: group.feeds.map(outline) })),
      },
    },
  });
}
