// @ts-check
// The benchmark's archive with the page kinds a giant archive may turn off turned off (day archives,
// tag feeds, author pages), to measure what they cost: `npm run bench -- --articles N --config
// src/bench/lean-pages.config.mjs`. Otherwise the settings of astro.config.mjs that shape the
// generated archive's output (address, time zone, languages, page size, feeds); the sections are
// left out, as the generated tags do not name them.
import { defineConfig } from 'astro/config';
import { wartaAstroSettings } from '../integrations/astro-settings.ts';
import { warta } from '../integrations/warta.ts';

export default defineConfig({
  integrations: [
    warta({
      name: { id: 'Warta', en: 'Warta' },
      description: {
        id: 'Arsip berita: laporan yang tersusun menurut tanggal, topik dan penulis.',
        en: 'A news archive: reports by date, topic and author.',
      },
      url: 'https://warta.example.org',
      timeZone: 'Asia/Jakarta',
      languages: ['id', 'en'],
      pageSize: 10,
      feeds: { content: 'full', tagContent: 'summary', items: 50 },
      pages: { dayArchives: false, tagFeeds: false, authorPages: false },
    }),
  ],
  ...wartaAstroSettings,
});
