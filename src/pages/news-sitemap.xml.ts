import type { APIRoute } from 'astro';
import { getPublishedArticles } from '../data/articles';
import { absoluteUrl } from '../data/urls';
import { resolveBuildTime } from '../lib/core/build-time';
import { renderNewsSitemap, selectNewsArticles } from '../lib/syndication/news-sitemap';
import { siteConfig } from '../site.config';

/** The Google News sitemap: articles published in the two days before the build. */
export const GET: APIRoute = async () => {
  const recent = selectNewsArticles(
    (await getPublishedArticles()).map((article) => article.data),
    resolveBuildTime(process.env),
  );
  const xml = renderNewsSitemap(
    recent.map((article) => ({
      url: absoluteUrl(article.permalink),
      title: article.title,
      published: article.date,
      lang: article.lang,
      tags: article.tags,
    })),
    { name: siteConfig.title, timeZone: siteConfig.timeZone },
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
