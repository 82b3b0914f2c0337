import type { APIRoute } from 'astro';
import { feedResponse } from '../data/feed-responses';
import { getArchiveFeed } from '../data/feeds';

/** The archive's latest articles as a feed (rss). */
export const GET: APIRoute = async () => feedResponse(await getArchiveFeed(), 'rss');
