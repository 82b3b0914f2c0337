/**
 * Interface strings in Indonesian and English. Pages pick the language of what they show: the
 * article's `lang` on article pages, the site's default language elsewhere.
 */
import type { Lang } from '../site.config';
import { browseStrings } from './strings/browse';
import { coreStrings } from './strings/core';
import { designStrings } from './strings/design';
import { editorsStrings } from './strings/editors';
import { readerStrings } from './strings/reader';
import { searchStrings } from './strings/search';
import { syndicationStrings } from './strings/syndication';
import { translationStrings } from './strings/translations';

// Each feature keeps its strings in its own file under strings/; add a new file's id and en here.
const strings = {
  id: {
    ...coreStrings.id,
    ...browseStrings.id,
    ...syndicationStrings.id,
    ...editorsStrings.id,
    ...searchStrings.id,
    ...designStrings.id,
    ...readerStrings.id,
    ...translationStrings.id,
  },
  en: {
    ...coreStrings.en,
    ...browseStrings.en,
    ...syndicationStrings.en,
    ...editorsStrings.en,
    ...searchStrings.en,
    ...designStrings.en,
    ...readerStrings.en,
    ...translationStrings.en,
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** A key of an interface string. */
export type UiKey = keyof (typeof strings)['id'];

/** Returns the interface string `key` in `lang`, with `{name}` placeholders filled from `values`. */
export function t(lang: Lang, key: UiKey, values: Record<string, string | number> = {}): string {
  return strings[lang][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** Formats a whole number for readers of `lang`: 1.234 in Indonesian, 1,234 in English. */
export function formatNumber(lang: Lang, value: number): string {
  // Listings format thousands of counts; building a formatter costs far more than using one.
  let formatter = numberFormats.get(lang);
  if (!formatter) {
    formatter = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
    numberFormats.set(lang, formatter);
  }
  return formatter.format(value);
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();
