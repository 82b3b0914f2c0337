/**
 * Counts for readers, in the right plural form of each language.
 */
import type { Lang } from '../site.config';
import { formatNumber, t } from './ui';

/** "1 article", "12 articles", "1.234 berita": a number of articles in `lang`. */
export function formatArticleCount(lang: Lang, count: number): string {
  // Indonesian has one form for every number; English needs "one" apart from "other".
  const form = pluralRules(lang).select(count) === 'one' ? 'articleCountOne' : 'articleCountOther';
  return t(lang, form, { n: formatNumber(lang, count) });
}

/** "This article is more than 3 years old": the age label of an article `years` old, in `lang`. */
export function formatAgeLabel(lang: Lang, years: number): string {
  const form = pluralRules(lang).select(years) === 'one' ? 'ageLabelOne' : 'ageLabelOther';
  return t(lang, form, { n: formatNumber(lang, years) });
}

const rules = new Map<Lang, Intl.PluralRules>();

function pluralRules(lang: Lang): Intl.PluralRules {
  let rule = rules.get(lang);
  if (!rule) {
    rule = new Intl.PluralRules(lang);
    rules.set(lang, rule);
  }
  return rule;
}
