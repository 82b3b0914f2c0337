/**
 * The corrections log as pages and feeds use it: every correction of the published articles,
 * newest first (src/lib/archive/corrections.ts), paginated at `correctionsPath(n)`, and its feeds.
 */
import { t } from '../i18n/ui';
import { correctionAnchor, listCorrections, type CorrectionEntry } from '../lib/archive/corrections';
import { paginate, type Page } from '../lib/archive/pagination';
import { resolveBuildTime } from '../lib/core/build-time';
import { CORRECTIONS_PATH, correctionsPath } from '../lib/core/routes';
import { buildFeedDocument, type FeedDocument } from '../lib/syndication/feeds';
import { siteConfig } from '../site.config';
import { getPublishedArticles, type ArticleEntry } from './articles';
import { pageCacheKey } from './cache-keys';
import { getFeedHeader } from './feeds';
import { absoluteUrl } from './urls';

/** One correction of a published article. */
export type Correction = CorrectionEntry<ArticleEntry['data']> & { entry: ArticleEntry };

let corrections: Promise<Correction[]> | undefined;

/** Every correction of the published articles, newest first. */
export function getCorrections(): Promise<Correction[]> {
  corrections ??= getPublishedArticles().then((articles) => {
    const byData = new Map(articles.map((entry) => [entry.data, entry]));
    return listCorrections(articles.map((entry) => entry.data)).map((correction) => ({
      ...correction,
      entry: byData.get(correction.article)!,
    }));
  });
  return corrections;
}

/** The site path of a correction: its article's page, at the correction's anchor. */
export function correctionPath(correction: Correction): string {
  return `${correction.article.permalink}#${correctionAnchor(correction.number)}`;
}

/** One page of the corrections log. */
export type CorrectionsPage = { page: Page<Correction> };

/**
 * The `getStaticPaths` entries of the corrections log: the first page (`/corrections/`) when
 * `paged` is false, the later ones (`/corrections/2/`) when it is true.
 */
export async function getCorrectionRoutes(
  paged: boolean,
): Promise<{ params: { page?: string }; props: CorrectionsPage; cacheKey: string }[]> {
  const pages = paginate(await getCorrections(), siteConfig.pageSize, correctionsPath);
  const routes = (paged ? pages.slice(1) : pages.slice(0, 1)).map((page) => ({
    params: paged ? { page: String(page.number) } : {},
    props: { page },
  }));
  return Promise.all(
    routes.map(async (route) => ({ ...route, cacheKey: await pageCacheKey('corrections', route.props) })),
  );
}

/** The corrections log as a feed: the newest 50 corrections, each dated when it was made. */
export async function getCorrectionsFeed(): Promise<FeedDocument> {
  const lang = siteConfig.defaultLang;
  const header = getFeedHeader(
    t(lang, 'correctionsFeedTitle', { site: siteConfig.title }),
    t(lang, 'correctionsLead', { site: siteConfig.title }),
    CORRECTIONS_PATH,
  );
  return buildFeedDocument(
    header,
    await getCorrections(),
    (correction) => ({
      url: absoluteUrl(correctionPath(correction)),
      title: t(correction.article.lang, 'correctionFeedItem', { title: correction.article.title }),
      published: correction.date,
      updated: correction.date,
      summary: correction.text,
      authors: correction.article.authors,
      tags: [],
      lang: correction.article.lang,
    }),
    // An archive without corrections dates its empty feed by its newest article, not the clock, so
    // rebuilding the same articles writes the same feed.
    (await getPublishedArticles())[0]?.data.date ?? resolveBuildTime(process.env),
    siteConfig.feedItems,
  );
}
