import type { Lang } from '../../site.config';

/**
 * Strings of the link from an article to its version in another language, in the language of the
 * page that shows it: one whole sentence per language linked to, as each language words it.
 */
export const translationStrings = {
  id: {
    readInId: 'Baca dalam bahasa Indonesia',
    readInEn: 'Baca dalam bahasa Inggris',
  },
  en: {
    readInId: 'Read in Indonesian',
    readInEn: 'Read in English',
  },
} as const satisfies Record<Lang, Record<string, string>>;
