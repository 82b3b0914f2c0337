/**
 * HTTP responses for the feed endpoints, so each endpoint file only says which feed it serves in
 * which format.
 */
import { renderAtomFeed, renderJsonFeed, renderRssFeed, type FeedDocument } from '../lib/syndication/feeds';

/** A feed format the archive publishes. */
export type FeedFormat = 'rss' | 'atom' | 'json';

// Feed-specific media types let browsers and readers recognise the feed when it is opened directly.
const MEDIA_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Renders a feed in `format` as the response of its endpoint. */
export async function feedResponse(feed: FeedDocument, format: FeedFormat): Promise<Response> {
  const body =
    format === 'rss' ? await renderRssFeed(feed) : format === 'atom' ? renderAtomFeed(feed) : renderJsonFeed(feed);
  return new Response(body, { headers: { 'Content-Type': MEDIA_TYPES[format] } });
}
