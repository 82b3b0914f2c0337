import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../data/feed-responses';
import { getSeriesFeedRoutes } from '../../../data/series';
import type { FeedDocument } from '../../../lib/syndication/feeds';

export const getStaticPaths = (() => getSeriesFeedRoutes('rss')) satisfies GetStaticPaths;

/** A series' latest parts as a feed (rss). */
export const GET: APIRoute = async ({ props }) =>
  feedResponse(await (props as { feed: () => Promise<FeedDocument> }).feed(), 'rss');
