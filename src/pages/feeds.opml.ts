import type { APIRoute } from 'astro';
import { getPublishedArticles } from '../data/articles';
import { getCorrectionsFeed } from '../data/corrections';
import { getArchiveFeed, getTagFeeds } from '../data/feeds';
import { getSeriesList } from '../data/series';
import { absoluteUrl } from '../data/urls';
import { t } from '../i18n/ui';
import { resolveBuildTime } from '../lib/core/build-time';
import { CORRECTIONS_PATH, feedPaths, HOME_PATH, seriesPath, termPath } from '../lib/core/routes';
import { renderOpml, type OpmlFeed } from '../lib/syndication/opml';
import { siteConfig } from '../site.config';

function feedAt(title: string, folder: string): OpmlFeed {
  return { title, xmlUrl: absoluteUrl(feedPaths(folder).rss), htmlUrl: absoluteUrl(folder) };
}

/** Every feed of the site as one OPML list, which a feed reader imports whole. */
export const GET: APIRoute = async () => {
  const lang = siteConfig.defaultLang;
  const [archive, corrections, tags, series, articles] = await Promise.all([
    getArchiveFeed(),
    getCorrectionsFeed(),
    getTagFeeds(),
    getSeriesList(),
    getPublishedArticles(),
  ]);
  const newest = articles[0];
  const xml = renderOpml(
    {
      title: t(lang, 'feedsListTitle', { site: siteConfig.title }),
      homeUrl: absoluteUrl(HOME_PATH),
      // Dated by the newest article, not the clock, so an unchanged archive writes the same list.
      modified: newest ? (newest.data.updated ?? newest.data.date) : resolveBuildTime(process.env),
    },
    [
      {
        title: t(lang, 'feedsArchive'),
        feeds: [feedAt(archive.title, HOME_PATH), feedAt(corrections.title, CORRECTIONS_PATH)],
      },
      {
        title: t(lang, 'seriesIndexTitle'),
        feeds: series.map((entry) =>
          feedAt(`${siteConfig.title} — ${t(lang, 'seriesFeedTitle', { series: entry.name })}`, seriesPath(entry.slug)),
        ),
      },
      // An archive without tag feeds lists no group for them.
      ...(siteConfig.pages.tagFeeds
        ? [
            {
              title: t(lang, 'tags'),
              feeds: tags.map((tag) =>
                feedAt(
                  `${siteConfig.title} — ${t(lang, 'tagFeedTitle', { tag: tag.name })}`,
                  termPath('tags', tag.slug),
                ),
              ),
            },
          ]
        : []),
    ],
  );
  return new Response(xml, { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
};
