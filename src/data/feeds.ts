/**
 * The archive's feeds as data: the whole archive and each tag, newest first, with absolute
 * addresses under the base path. Endpoints in `src/pages` render them in each format.
 */
import { resolveBuildTime } from '../lib/core/build-time';
import {
  prepareFeedHtml,
  buildFeedDocument,
  toFeedEntry,
  type FeedDocument,
  type FeedEntry,
  type FeedHeader,
} from '../lib/syndication/feeds';
import { feedPaths, HOME_PATH, termPath } from '../lib/core/routes';
import { t } from '../i18n/ui';
import { siteConfig, type FeedContent } from '../site.config';
import { getArticleBodySync, prepareArticleBodies } from './article-body';
import { getPublishedArticles, getTerm, getTermIndex, type ArticleEntry } from './articles';
import { pageCacheKey } from './cache-keys';
import { getArticlePreviewImage } from './seo';
import { absoluteUrl, url } from './urls';

/** A `<link rel="alternate">` to a feed. */
export interface FeedAlternate {
  /** Title readers see when their browser or reader offers the feed. */
  title: string;
  /** Media type of the format. */
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
  /** Link to the feed, under the base path. */
  href: string;
}

/** The `<link rel="alternate">` entries for a feed whose files live in `folder` (`/`, `/tags/x/`). */
export function getFeedAlternates(title: string, folder = HOME_PATH): FeedAlternate[] {
  const lang = siteConfig.defaultLang;
  const paths = feedPaths(folder);
  return [
    { title: t(lang, 'feedRss', { title }), type: 'application/rss+xml', href: url(paths.rss) },
    { title: t(lang, 'feedAtom', { title }), type: 'application/atom+xml', href: url(paths.atom) },
    { title: t(lang, 'feedJson', { title }), type: 'application/feed+json', href: url(paths.json) },
  ];
}

/**
 * The feed alternates of a tag's page, for the tag page's `<head>`; none for an unknown tag, or when
 * the archive has no tag feeds.
 */
export async function getTagFeedAlternates(tag: string): Promise<FeedAlternate[]> {
  if (!siteConfig.pages.tagFeeds) return [];
  const entry = await getTerm('tags', tag);
  return entry ? getFeedAlternates(tagFeedTitle(entry.name), termPath('tags', entry.slug)) : [];
}

function tagFeedTitle(tag: string): string {
  return `${siteConfig.title} — ${t(siteConfig.defaultLang, 'tagFeedTitle', { tag })}`;
}

// Tag feeds repeat entries of one another; each article's entry is made once per build and content.
const entries: Record<FeedContent, Map<string, FeedEntry>> = { full: new Map(), summary: new Map() };

/** The feed entry of `article`, with its text or only its summary; made once per build and content. */
export function getArticleFeedEntry(article: ArticleEntry, content: FeedContent): FeedEntry {
  let entry = entries[content].get(article.id);
  if (!entry) {
    const image = article.data.image ? getArticlePreviewImage(article) : undefined;
    entry = toFeedEntry(article.data, {
      url: absoluteUrl(article.data.permalink),
      // Made here, for the few articles a full-text feed carries, rather than for every article.
      feedHtml: () => prepareFeedHtml(getArticleBodySync(article).html, absoluteUrl(article.data.permalink)),
      content,
      image: image ? { url: image.url, alt: image.alt } : undefined,
    });
    entries[content].set(article.id, entry);
  }
  return entry;
}

/** What a feed whose files live in `folder` (`/`, `/tags/x/`, `/corrections/`) says of itself. */
export function getFeedHeader(title: string, description: string, folder: string): FeedHeader {
  const paths = feedPaths(folder);
  return {
    title,
    description,
    homeUrl: absoluteUrl(folder),
    lang: siteConfig.defaultLang,
    links: { rss: absoluteUrl(paths.rss), atom: absoluteUrl(paths.atom), json: absoluteUrl(paths.json) },
    iconUrl: absoluteUrl(siteConfig.logo.path),
    publisher: siteConfig.title,
    timeZone: siteConfig.timeZone,
  };
}

async function buildFeed(
  title: string,
  description: string,
  folder: string,
  articles: readonly ArticleEntry[],
  content: FeedContent,
): Promise<FeedDocument> {
  // The feed carries the newest `feeds.items` articles of those listed newest first.
  if (content === 'full') await prepareArticleBodies(articles.slice(0, siteConfig.feedItems));
  return buildFeedDocument(
    getFeedHeader(title, description, folder),
    articles,
    (article) => getArticleFeedEntry(article, content),
    resolveBuildTime(process.env),
    siteConfig.feedItems,
  );
}

/** The feed of the whole archive: the latest 50 articles. */
export async function getArchiveFeed(): Promise<FeedDocument> {
  return buildFeed(
    siteConfig.title,
    siteConfig.description,
    HOME_PATH,
    await getPublishedArticles(),
    siteConfig.feedContent,
  );
}

/** A tag's feed and where it lives. */
export interface TagFeed {
  /** URL slug of the tag. */
  slug: string;
  /** The tag as readers see it. */
  name: string;
  /** The articles the feed carries: the tag's latest 50. */
  articles: ArticleEntry[];
  /** The feed, assembled when it is written (a page copied from the last build never needs it). */
  feed(): Promise<FeedDocument>;
}

/**
 * One feed per tag, each with that tag's latest articles; none when the archive has no tag feeds
 * (`warta({ pages: { tagFeeds: false } })`), so neither the feed routes nor /feeds.opml list any.
 */
export async function getTagFeeds(): Promise<TagFeed[]> {
  if (!siteConfig.pages.tagFeeds) return [];
  const lang = siteConfig.defaultLang;
  return [...(await getTermIndex('tags')).values()].map((tag) => {
    const articles = tag.items.slice(0, siteConfig.feedItems);
    return {
      slug: tag.slug,
      name: tag.name,
      articles,
      feed: () =>
        buildFeed(
          tagFeedTitle(tag.name),
          t(lang, 'tagFeedDescription', { tag: tag.name, site: siteConfig.title }),
          termPath('tags', tag.slug),
          articles,
          siteConfig.tagFeedContent,
        ),
    };
  });
}

/** The `getStaticPaths` entries of a tag feed endpoint in one format. */
export async function getTagFeedRoutes(
  format: string,
): Promise<{ params: { tag: string }; props: { tag: TagFeed }; cacheKey: string }[]> {
  return Promise.all(
    (await getTagFeeds()).map(async (tag) => ({
      params: { tag: tag.slug },
      props: { tag },
      // A full-text feed shows its articles' bodies too.
      cacheKey: await pageCacheKey(
        `tag-feed-${format}`,
        { slug: tag.slug, name: tag.name, articles: tag.articles },
        { bodies: siteConfig.tagFeedContent === 'full' },
      ),
    })),
  );
}
