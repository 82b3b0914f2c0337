import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../data/feed-responses';
import { getSeriesFeedRoutes } from '../../../data/series';
import type { FeedDocument } from '../../../lib/syndication/feeds';
import { routesInShard } from '../../../data/shards';

export const getStaticPaths = (async () =>
  routesInShard('series/[slug]/feed.json', await getSeriesFeedRoutes('json'))) satisfies GetStaticPaths;

/** A series' latest parts as a feed (json). */
export const GET: APIRoute = async ({ props }) =>
  feedResponse(await (props as { feed: () => Promise<FeedDocument> }).feed(), 'json');
