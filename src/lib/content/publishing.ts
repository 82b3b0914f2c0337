/**
 * Which articles a build publishes: drafts only in development, articles dated in the future only
 * once their time has come (or when the build asks for them).
 */
import { toArticleData, type ArticleRecord } from './article-file';
import type { ArticleData } from './article-schema';

/** What publishing needs to know about an article. */
export interface Publishable {
  /** Publication instant. */
  date: Date;
  /** Whether the editor marked it as a draft. */
  draft: boolean;
}

/** How a build decides what to publish. */
export interface PublishingOptions {
  /** The build's "now". */
  now: Date;
  /** Publish drafts too (development server). */
  includeDrafts: boolean;
  /** Publish articles dated after `now`. */
  includeFuture: boolean;
}

/** Splits articles into published ones and those held back as drafts or scheduled for later. */
export function selectPublished<T extends Publishable>(
  articles: readonly T[],
  options: PublishingOptions,
): { published: T[]; drafts: T[]; scheduled: T[] } {
  const published: T[] = [];
  const drafts: T[] = [];
  const scheduled: T[] = [];
  for (const article of articles) {
    if (article.draft && !options.includeDrafts) drafts.push(article);
    else if (article.date > options.now && !options.includeFuture) scheduled.push(article);
    else published.push(article);
  }
  return { published, drafts, scheduled };
}

/**
 * The articles a build at `now` publishes from those read from the content folder (no drafts;
 * future-dated ones only with `includeFuture`), with their collection ids, which order articles of
 * one moment as the build orders them. What the shard plan, the shard key and `npm run published`
 * select from.
 */
export function publishedArticles(
  articles: readonly ArticleRecord[],
  { now, includeFuture }: { now: Date; includeFuture: boolean },
): (ArticleData & { id: string })[] {
  return selectPublished(
    articles.map((article) => ({ ...toArticleData(article), id: article.id })),
    { now, includeDrafts: false, includeFuture },
  ).published;
}
