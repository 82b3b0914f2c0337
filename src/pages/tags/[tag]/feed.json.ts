import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../data/feed-responses';
import { getTagFeedRoutes, type TagFeed } from '../../../data/feeds';
import { routesInShard } from '../../../data/shards';

export const getStaticPaths = (async () =>
  routesInShard('tags/[tag]/feed.json', await getTagFeedRoutes('json'))) satisfies GetStaticPaths;

/** A tag's latest articles as a feed (json). */
export const GET: APIRoute<{ tag: TagFeed }> = async ({ props }) => feedResponse(await props.tag.feed(), 'json');
