/**
 * What the front page leads with: the lead story, and the topics the archive covered most in its
 * latest weeks. "Now" is the newest article's date, not the clock, so the same archive always
 * builds the same front page (and a build a year later changes nothing).
 */
import { tagKey } from '../core/tags';

/** How many days back from the newest article the front page counts its topics. */
export const RECENT_DAYS = 30;

/** What choosing a lead story needs to know of an article. */
export interface LeadCandidate {
  /** Whether an editor marked it `featured: true`. */
  featured: boolean;
  /** Whether it has a lead image. */
  hasImage: boolean;
}

/** The start of the recent window: `days` before the newest of `items` (newest first). */
export function getRecentWindowStart(items: readonly { date: Date }[], days = RECENT_DAYS): Date | undefined {
  const newest = items[0];
  return newest && new Date(newest.date.getTime() - days * 86_400_000);
}

/**
 * The index in `items` (the latest articles, newest first) of the lead story: the newest an editor
 * marked featured, else the newest with a picture, else the newest; `-1` for no articles. Given
 * only the latest page of articles, a featured mark lasts until a page of newer articles has
 * appeared, so a forgotten one does not hold the front page.
 */
export function pickLeadStory(items: readonly LeadCandidate[]): number {
  if (items.length === 0) return -1;
  const featured = items.findIndex((item) => item.featured);
  if (featured >= 0) return featured;
  const pictured = items.findIndex((item) => item.hasImage);
  return pictured >= 0 ? pictured : 0;
}

/** A tag with how many recent articles carry it. */
export interface TopicCount {
  /** The tag's identity (`tagKey`). */
  key: string;
  /** Recent articles with the tag. */
  count: number;
}

/**
 * The tags most used by the articles of the recent window, most articles first, at most `limit`;
 * equal counts go to the tag used more recently, then by key. Spellings differing only in case
 * count as one tag.
 */
export function countRecentTopics<T>(
  items: readonly T[],
  getDate: (item: T) => Date,
  getTags: (item: T) => readonly string[],
  { days = RECENT_DAYS, limit = 10 }: { days?: number; limit?: number } = {},
): TopicCount[] {
  const since = getRecentWindowStart(
    items.slice(0, 1).map((item) => ({ date: getDate(item) })),
    days,
  );
  if (!since) return [];
  const counts = new Map<string, { count: number; first: number }>();
  items.forEach((item, position) => {
    if (getDate(item) < since) return;
    for (const key of new Set(getTags(item).map(tagKey))) {
      if (key === '') continue;
      const entry = counts.get(key);
      if (entry) entry.count += 1;
      else counts.set(key, { count: 1, first: position });
    }
  });
  return [...counts]
    .sort(([a, x], [b, y]) => y.count - x.count || x.first - y.first || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([key, { count }]) => ({ key, count }));
}
