import type { APIRoute } from 'astro';
import { SITEMAP_INDEX_PATH, NEWS_SITEMAP_PATH } from '../lib/syndication/sitemap';
import { absoluteUrl } from '../data/urls';

/**
 * robots.txt: every crawler may read everything, and here are the sitemaps. Under a sub-path,
 * crawlers only read the host's root robots.txt, so copy these `Sitemap:` lines there.
 */
export const GET: APIRoute = () =>
  new Response(
    [
      'User-agent: *',
      'Allow: /',
      '',
      `Sitemap: ${absoluteUrl(SITEMAP_INDEX_PATH)}`,
      `Sitemap: ${absoluteUrl(NEWS_SITEMAP_PATH)}`,
      '',
    ].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
