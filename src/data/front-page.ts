/**
 * Everything the front page shows, ready-made: the lead story, the latest articles, the newest of
 * each section, "on this day" in earlier years, the topics of the last 30 days and the years of the
 * archive. All of it is measured from the newest article, never from the clock.
 */
import { countRecentTopics, pickLeadStory } from '../lib/archive/front-page';
import { termPath } from '../lib/core/routes';
import { siteConfig } from '../site.config';
import { getDateArchives, getOnThisDay, type ArticlePeriod } from './archives';
import { getPublishedArticles, getTermIndex, type ArticleEntry } from './articles';
import { getSections, type SectionEntry } from './sections';
import { getTopics } from './topics';

/** How many articles each section shows on the front page. */
export const SECTION_ARTICLES = 4;

/** How many "on this day" articles the front page shows. */
export const ON_THIS_DAY_ARTICLES = 5;

/** A topic of the last 30 days, linked to its tag page. */
export type FrontPageTopic = { name: string; path: string; count: number };

/** The front page's content. */
export type FrontPage = {
  /** The lead story, shown large with its picture. */
  lead: ArticleEntry | undefined;
  /** The rest of the first page of the latest articles, newest first. */
  latest: ArticleEntry[];
  /** Whether there are older articles than the first page, on the home page's page 2. */
  hasMore: boolean;
  /** Each section with its newest articles not already shown above them; sections with none are left out. */
  sections: (SectionEntry & { newest: ArticleEntry[] })[];
  /** Articles of the newest article's day and month in earlier years, and that day. */
  onThisDay: { date: Date; items: ArticleEntry[] } | undefined;
  /** The tags most used in the 30 days up to the newest article. */
  topics: FrontPageTopic[];
  /** Every year of the archive, newest first. */
  years: ArticlePeriod[];
};

/** The front page's content, computed once per build. */
export async function getFrontPage(): Promise<FrontPage> {
  const articles = await getPublishedArticles();
  const firstPage = articles.slice(0, siteConfig.pageSize);
  const leadIndex = pickLeadStory(
    firstPage.map(({ data }) => ({ featured: data.featured, hasImage: data.image !== undefined })),
  );
  const lead = firstPage[leadIndex];
  const newest = articles[0];
  const [sections, onThisDay, tagIndex, archives] = await Promise.all([
    getSections(),
    newest ? getOnThisDay(newest) : Promise.resolve([]),
    getTermIndex('tags'),
    getDateArchives(),
  ]);
  const topics = countRecentTopics(
    articles,
    (article) => article.data.date,
    (article) => getTopics(article.data.tags),
  ).flatMap(({ key, count }) => {
    const term = tagIndex.get(key);
    return term ? [{ name: term.name, path: termPath('tags', term.slug), count }] : [];
  });
  const shown = new Set<ArticleEntry>(firstPage);
  if (lead) shown.add(lead);
  return {
    lead,
    latest: firstPage.filter((article) => article !== lead),
    hasMore: articles.length > siteConfig.pageSize,
    sections: sections
      .map((section) => ({ ...section, newest: takeUnshown(section.items, shown, SECTION_ARTICLES) }))
      .filter((section) => section.newest.length > 0),
    onThisDay:
      newest && onThisDay.length > 0
        ? { date: newest.data.date, items: onThisDay.slice(0, ON_THIS_DAY_ARTICLES) }
        : undefined,
    topics,
    years: archives.years,
  };
}

// A section's articles are newest first and mostly old: stopping at `count` keeps this short.
function takeUnshown(items: readonly ArticleEntry[], shown: ReadonlySet<ArticleEntry>, count: number): ArticleEntry[] {
  const taken: ArticleEntry[] = [];
  for (const item of items) {
    if (taken.length === count) break;
    if (!shown.has(item)) taken.push(item);
  }
  return taken;
}
