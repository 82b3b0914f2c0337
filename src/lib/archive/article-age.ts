/**
 * Age labels: an article older than the newsroom's threshold says so above its headline ("This
 * article is more than 3 years old"), as The Guardian's do, so an old story shared today is not
 * read as news. The age is counted against the build's clock, so a build is reproducible and a
 * later build updates the label.
 */
import { tz } from '@date-fns/tz';
import { differenceInYears } from 'date-fns/differenceInYears';

/** The setting that sets from how many years on an article is labelled; 0 turns the labels off. */
export const AGE_LABEL_SETTING = 'WARTA_AGE_LABEL_YEARS';

/** Labels from one year on unless the newsroom says otherwise. */
export const DEFAULT_AGE_LABEL_YEARS = 1;

/** Reads the threshold from its setting's value: a whole number of years, 0 for no labels. */
export function parseAgeLabelYears(value: string | undefined): number {
  const raw = value?.trim() ?? '';
  if (raw === '') return DEFAULT_AGE_LABEL_YEARS;
  if (!/^\d+$/.test(raw)) {
    throw new Error(`${AGE_LABEL_SETTING}: "${raw}" is not a whole number of years (0 turns the age labels off)`);
  }
  return Number(raw);
}

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
