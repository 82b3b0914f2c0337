import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../data/feed-responses';
import { getTagFeeds, type TagFeed } from '../../../data/feeds';

export const getStaticPaths = (async () =>
  (await getTagFeeds()).map((tag) => ({ params: { tag: tag.slug }, props: { tag } }))) satisfies GetStaticPaths;

/** A tag's latest articles as a feed (rss). */
export const GET: APIRoute<{ tag: TagFeed }> = ({ props }) => feedResponse(props.tag.feed, 'rss');
