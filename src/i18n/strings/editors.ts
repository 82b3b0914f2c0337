import type { Lang } from '../../site.config';

/** Strings of the editors' toolkit that readers see: the pages that redirect old paths to articles. */
export const editorsStrings = {
  id: {
    redirectTitle: 'Halaman dipindahkan',
    redirectText: 'Berita ini sekarang ada di',
  },
  en: {
    redirectTitle: 'Page moved',
    redirectText: 'This article has moved to',
  },
} as const satisfies Record<Lang, Record<string, string>>;
