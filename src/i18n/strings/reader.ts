import type { Lang } from '../../site.config';

/** Strings of the front page, the section pages, the breadcrumb trail and small-screen hints. */
export const readerStrings = {
  id: {
    breadcrumb: 'Jejak halaman',
    leadStory: 'Berita utama',
    moreLatest: 'Berita lainnya',
    sectionMore: 'Semua berita {name}',
    onThisDayFront: 'Pada tanggal ini, {date}',
    trendingTopics: 'Topik 30 hari terakhir',
    archiveByYear: 'Arsip per tahun',
    wholeArchive: 'Seluruh arsip',
    allTags: 'Semua topik',
    pageNumber: 'Halaman {n}',
    archiveScrollHint: 'Geser tabel ke samping untuk melihat semua bulan →',
  },
  en: {
    breadcrumb: 'Breadcrumb',
    leadStory: 'Top story',
    moreLatest: 'More news',
    sectionMore: 'All {name} news',
    onThisDayFront: 'On this day, {date}',
    trendingTopics: 'Topics of the last 30 days',
    archiveByYear: 'Archive by year',
    wholeArchive: 'The whole archive',
    allTags: 'All topics',
    pageNumber: 'Page {n}',
    archiveScrollHint: 'Scroll the table sideways to see every month →',
  },
} as const satisfies Record<Lang, Record<string, string>>;
