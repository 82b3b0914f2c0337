/**
 * The sitemap integration: `@astrojs/sitemap` lists every page the build wrote, in parts of at most
 * `sitemapPartSize` URLs under `sitemap-index.xml`, which also names the Google News sitemap. Each
 * article gets its `lastmod` from `updated` (else its date), and an article told in several
 * languages lists every version and `x-default` as `xhtml:link` alternates, as its page's head does.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { buildAlternatesIndex, type LanguageAlternate } from '../lib/syndication/language-alternates';
import { buildLastModifiedIndex, NEWS_SITEMAP_PATH, toSitePath } from '../lib/syndication/sitemap';
import { withBase } from '../lib/core/permalinks';
import { languages, siteConfig } from '../site.config';
import { getPublishedContent } from './published-content';

// The sitemap is written after the pages, outside Astro's content runtime, from what the build
// published.
async function readLastModified(): Promise<Map<string, Date>> {
  return buildLastModifiedIndex((await getPublishedContent()).articles);
}

// The same alternates as the article pages' heads, from the same published articles.
async function readAlternates(): Promise<Map<string, LanguageAlternate[]>> {
  return buildAlternatesIndex(
    (await getPublishedContent()).articles,
    (permalink) => new URL(withBase(siteConfig.base, permalink), siteConfig.url).href,
    { defaultLang: siteConfig.defaultLang, languages },
  );
}

/** `@astrojs/sitemap`, set up for the archive. */
export function wartaSitemap(): AstroIntegration {
  const siteBaseUrl = new URL(siteConfig.base, siteConfig.url).href;
  let lastModified: Promise<Map<string, Date>> | undefined;
  let alternates: Promise<Map<string, LanguageAlternate[]>> | undefined;
  return sitemap({
    entryLimit: siteConfig.sitemapPartSize,
    customSitemaps: [new URL(NEWS_SITEMAP_PATH.slice(1), siteBaseUrl).href],
    // Only HTML pages (every page URL ends in "/"); feeds and the news sitemap are not pages.
    filter: (page) => page.endsWith('/'),
    // The parts carry URLs, dates and language alternates (xhtml:link), no images, videos or news.
    namespaces: { news: false, xhtml: true, image: false, video: false },
    async serialize(item) {
      lastModified ??= readLastModified();
      alternates ??= readAlternates();
      const path = toSitePath(item.url, siteBaseUrl);
      const changed = path === undefined ? undefined : (await lastModified).get(path);
      const links = path === undefined ? undefined : (await alternates).get(path);
      return {
        ...item,
        ...(changed ? { lastmod: changed.toISOString() } : {}),
        ...(links ? { links: links.map((link) => ({ lang: link.hreflang, url: link.href })) } : {}),
      };
    },
  });
}
