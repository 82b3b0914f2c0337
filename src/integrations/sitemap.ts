/**
 * The sitemap integration: `@astrojs/sitemap` lists every page the build wrote, in parts of at most
 * `sitemapPartSize` URLs under `sitemap-index.xml`, which also names the Google News sitemap. Each
 * article gets its `lastmod` from `updated` (else its date).
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { buildLastModifiedIndex, NEWS_SITEMAP_PATH, toSitePath } from '../lib/syndication/sitemap';
import { siteConfig } from '../site.config';
import { getPublishedContent } from './published-content';

// The sitemap is written after the pages, outside Astro's content runtime, from what the build
// published.
async function readLastModified(): Promise<Map<string, Date>> {
  return buildLastModifiedIndex((await getPublishedContent()).articles);
}

/** `@astrojs/sitemap`, set up for the archive. */
export function wartaSitemap(): AstroIntegration {
  const siteBaseUrl = new URL(siteConfig.base, siteConfig.url).href;
  let lastModified: Promise<Map<string, Date>> | undefined;
  return sitemap({
    entryLimit: siteConfig.sitemapPartSize,
    customSitemaps: [new URL(NEWS_SITEMAP_PATH.slice(1), siteBaseUrl).href],
    // Only HTML pages (every page URL ends in "/"); feeds and the news sitemap are not pages.
    filter: (page) => page.endsWith('/'),
    // The parts carry plain URLs and dates, so they declare no image, video or news namespaces.
    namespaces: { news: false, xhtml: false, image: false, video: false },
    async serialize(item) {
      lastModified ??= readLastModified();
      const path = toSitePath(item.url, siteBaseUrl);
      const changed = path === undefined ? undefined : (await lastModified).get(path);
      return changed ? { ...item, lastmod: changed.toISOString() } : item;
    },
  });
}
