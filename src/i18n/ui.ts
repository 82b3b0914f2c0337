/**
 * Interface strings in Indonesian and English. Pages pick the language of what they show: the
 * article's `lang` on article pages, the site's default language elsewhere.
 */
import type { Lang } from '../site.config';

const strings = {
  id: {
    skipToContent: 'Langsung ke isi',
    home: 'Beranda',
    archive: 'Arsip',
    tags: 'Topik',
    authors: 'Penulis',
    search: 'Cari',
    searchLabel: 'Cari di arsip',
    searchPlaceholder: 'Cari berita…',
    mainNav: 'Navigasi utama',
    latest: 'Berita terbaru',
    page: 'Halaman',
    pageOf: 'Halaman {n} dari {total}',
    pagination: 'Navigasi halaman',
    newer: 'Lebih baru',
    older: 'Lebih lama',
    by: 'Oleh',
    updated: 'Diperbarui',
    readingTime: '{n} menit baca',
    source: 'Sumber',
    taggedWith: 'Topik',
    corrections: 'Koreksi',
    prevArticle: 'Berita sebelumnya',
    nextArticle: 'Berita berikutnya',
    articleNav: 'Berita lain',
    noArticles: 'Belum ada berita.',
    footer: 'Arsip berita statis, dibuat dengan Warta.',
    articleCount: '{n} berita',
  },
  en: {
    skipToContent: 'Skip to content',
    home: 'Home',
    archive: 'Archive',
    tags: 'Topics',
    authors: 'Authors',
    search: 'Search',
    searchLabel: 'Search the archive',
    searchPlaceholder: 'Search news…',
    mainNav: 'Main navigation',
    latest: 'Latest news',
    page: 'Page',
    pageOf: 'Page {n} of {total}',
    pagination: 'Pagination',
    newer: 'Newer',
    older: 'Older',
    by: 'By',
    updated: 'Updated',
    readingTime: '{n} min read',
    source: 'Source',
    taggedWith: 'Topics',
    corrections: 'Corrections',
    prevArticle: 'Previous article',
    nextArticle: 'Next article',
    articleNav: 'More articles',
    noArticles: 'No articles yet.',
    footer: 'A static news archive, built with Warta.',
    articleCount: '{n} articles',
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
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB').format(value);
}
