// @ts-check
import { defineConfig } from 'astro/config';
import { wartaAstroSettings } from './src/integrations/astro-settings.ts';
import { warta } from './src/integrations/warta.ts';

export default defineConfig({
  // The newsroom's site: every setting is documented in src/lib/core/site-settings.ts, and the README
  // ("Make it your newsroom") walks through them. WARTA_SITE_URL, WARTA_BASE, WARTA_TIME_ZONE,
  // WARTA_PAGE_SIZE and the other WARTA_* variables override them for a deploy.
  integrations: [
    warta({
      name: { id: 'Warta', en: 'Warta' },
      description: {
        id: 'Arsip berita: laporan yang tersusun menurut tanggal, topik dan penulis.',
        en: 'A news archive: reports by date, topic and author.',
      },
      // The sample archive's address: a build for deployment (CI=true) refuses it until it is yours.
      url: 'https://warta.example.org',
      base: '/',
      timeZone: 'Asia/Jakarta',
      // The interface speaks the first language; articles without `lang` are in it.
      languages: ['id', 'en'],
      pageSize: 10,
      // The newsroom's desks, in the order the front page shows them: each gathers the articles
      // carrying any of its tags (case and spacing do not count) on /sections/<slug>/.
      sections: [
        {
          slug: 'politik',
          name: { id: 'Politik', en: 'Politics' },
          tags: ['Politik', 'Politics', 'Pemilu 2024', 'Election', 'Diplomacy', 'Myanmar', 'Korea Utara'],
        },
        {
          slug: 'ekonomi',
          name: { id: 'Ekonomi', en: 'Economy' },
          tags: ['Ekonomi', 'Economy', 'Pangan', 'Harga Beras', 'Rice', 'Startup', 'Startups'],
        },
        {
          slug: 'lingkungan',
          name: { id: 'Lingkungan & Bencana', en: 'Environment & Disasters' },
          tags: ['Bencana', 'Banjir', 'Cuaca', 'Iklim', 'Climate', 'Gunung Api'],
        },
        {
          slug: 'budaya',
          name: { id: 'Budaya & Olahraga', en: 'Culture & Sport' },
          tags: ['Budaya', 'Culture', 'Olahraga', 'Tahun Baru'],
        },
      ],
      // Tags that are one topic in two languages: one tag page with both names, one search filter.
      tagMappings: [
        { id: 'Ekonomi', en: 'Economy' },
        { id: 'Politik', en: 'Politics' },
        { id: 'Iklim', en: 'Climate' },
        { id: 'Budaya', en: 'Culture' },
      ],
      logo: { path: '/logo.png', width: 512, height: 512, alt: 'Warta' },
      socialImage: { path: '/social-card.png', width: 1200, height: 630, alt: 'Warta — arsip berita' },
      feeds: { content: 'full', tagContent: 'summary', items: 50 },
    }),
  ],

  // How Warta builds (src/integrations/astro-settings.ts): a newsroom need not change it.
  ...wartaAstroSettings,
});
