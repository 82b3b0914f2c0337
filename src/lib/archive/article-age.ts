/**
 * Age labels: an article older than the newsroom's threshold says so above its headline ("This
 * article is more than 3 years old"), as The Guardian's do, so an old story shared today is not
 * read as news. The age is counted against the build's clock, so a build is reproducible and a
 * later build updates the label.
 */
import { tz } from '@date-fns/tz';
import { differenceInYears } from 'date-fns/differenceInYears';

/**
 * The whole years an article published at `published` is old at `now`, on the calendar of
 * `timeZone`, when that reaches `thresholdYears`; `undefined` for a younger article, or when the
 * threshold is 0. An article from 6 September 2022 is 2 years old until 6 September 2025.
 */
export function getArticleAge(
  published: Date,
  now: Date,
  timeZone: string,
  thresholdYears: number,
): number | undefined {
  if (thresholdYears <= 0) return undefined;
  const years = differenceInYears(now, published, { in: tz(timeZone) });
  return years >= thresholdYears ? years : undefined;
}
