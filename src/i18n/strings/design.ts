import type { Lang } from '../../site.config';

/** Strings of the reader-experience layer: theme switch, images, charts and the statistics page. */
export const designStrings = {
  id: {
    darkTheme: 'Tema gelap',
    headerSearch: 'Pencarian cepat',
    imageCredit: 'Gambar: {credit}',
    stats: 'Statistik',
    statsIntro: 'Isi arsip dalam angka: berapa berita terbit tiap bulan, topik dan penulis yang paling sering muncul.',
    statsPerMonth: 'Berita per bulan',
    statsPerMonthSummary:
      'Dari {first} sampai {last}: {total} berita dalam {months} bulan, terbanyak {max} pada {busiest}.',
    statsTopTags: 'Topik teratas',
    statsTopAuthors: 'Penulis teratas',
    chartDataTable: 'Data grafik',
    chartMonth: 'Bulan',
    chartYear: 'Tahun',
    chartCount: 'Jumlah berita',
    chartTerm: 'Nama',
    archiveChart: 'Berita per tahun',
    archiveChartSummary:
      'Grafik batang: jumlah berita tiap tahun dari {first} sampai {last}, terbanyak {max} pada {busiest}.',
  },
  en: {
    darkTheme: 'Dark theme',
    headerSearch: 'Quick search',
    imageCredit: 'Image: {credit}',
    stats: 'Statistics',
    statsIntro:
      'The archive in numbers: how many articles appeared each month, and the most frequent topics and authors.',
    statsPerMonth: 'Articles per month',
    statsPerMonthSummary: 'From {first} to {last}: {total} articles over {months} months, at most {max} in {busiest}.',
    statsTopTags: 'Top topics',
    statsTopAuthors: 'Top authors',
    chartDataTable: 'Chart data',
    chartMonth: 'Month',
    chartYear: 'Year',
    chartCount: 'Articles',
    chartTerm: 'Name',
    archiveChart: 'Articles per year',
    archiveChartSummary: 'Bar chart: articles per year from {first} to {last}, at most {max} in {busiest}.',
  },
} as const satisfies Record<Lang, Record<string, string>>;
