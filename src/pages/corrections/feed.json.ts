import type { APIRoute } from 'astro';
import { getCorrectionsFeed } from '../../data/corrections';
import { feedResponse } from '../../data/feed-responses';

/** The archive's latest corrections as a feed (json). */
export const GET: APIRoute = async () => feedResponse(await getCorrectionsFeed(), 'json');
