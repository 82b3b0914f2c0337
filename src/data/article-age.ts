/**
 * How old an article is at this build, for its age label: counted against the build's clock
 * (`SOURCE_DATE_EPOCH`, else now) on the site's calendar, from the newsroom's threshold on
 * (`warta({ ageLabelYears })`, or `WARTA_AGE_LABEL_YEARS`).
 */
import { getArticleAge } from '../lib/archive/article-age';
import { resolveBuildTime } from '../lib/core/build-time';
import { getCalendarParts } from '../lib/core/dates';
import { siteConfig } from '../site.config';
import type { ArticleEntry } from './articles';

/** The age label of `article` at this build: its whole years and publication year, or `undefined` when it is younger. */
export function getArticleAgeLabel(article: ArticleEntry): { years: number; published: string } | undefined {
  const { date } = article.data;
  const years = getArticleAge(date, resolveBuildTime(process.env), siteConfig.timeZone, siteConfig.ageLabelYears);
  return years === undefined ? undefined : { years, published: getCalendarParts(date, siteConfig.timeZone).year };
}
