// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { warta } from './src/integrations/warta.ts';
import { articleMarkdownOptions } from './src/markdown/index.ts';

// WARTA_OUT_DIR and WARTA_CACHE_DIR let tests and benchmarks build several archives side by side
// without sharing an output folder or Astro's content cache.
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

  // How Warta builds: a newsroom need not change anything below.
  trailingSlash: 'always',
  outDir: process.env.WARTA_OUT_DIR ?? './dist',
  cacheDir: process.env.WARTA_CACHE_DIR ?? './node_modules/.astro',
  // Every script and stylesheet goes into a file of its own, never inline into the page: the
  // Content-Security-Policy (src/data/security.ts) allows only files from the archive itself.
  // Up to eight pages render at once: a page that waits for its article's body, rendered on a
  // worker thread while the pages render (src/integrations/build-context.ts), lets others go ahead.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  vite: { build: { assetsInlineLimit: 0 } },
  // The toolbar starts from an inline script, which the page's policy refuses even in development
  // (src/data/security.ts); it never ran here, and leaving it out keeps the console clean.
  devToolbar: { enabled: false },
  // Pictures in article bodies get a srcset of widths up to their own and width/height attributes.
  image: { layout: 'constrained' },
  // Pages whose cacheKey (src/data/cache-keys.ts) and code are unchanged since the last build are
  // copied from it instead of rendered again.
  experimental: { incrementalBuild: true },
  markdown: {
    processor: unified(articleMarkdownOptions),
    syntaxHighlight: false,
  },
});
