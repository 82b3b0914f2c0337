/**
 * How Warta builds with Astro, apart from the newsroom's settings: astro.config.mjs spreads these
 * into its `defineConfig` next to `warta({ … })`, so that its file holds only what a newsroom edits,
 * and a second site (a test fixture, a sister newsroom) builds exactly as the first.
 */
import { unified } from '@astrojs/markdown-remark';
import type { AstroUserConfig } from 'astro';
import { articleMarkdownOptions } from '../markdown/index';

/** Astro's settings for every Warta site. */
export const wartaAstroSettings = {
  trailingSlash: 'always',
  // WARTA_OUT_DIR and WARTA_CACHE_DIR let tests and benchmarks build several archives side by side
  // without sharing an output folder or Astro's content cache.
  outDir: process.env['WARTA_OUT_DIR'] ?? './dist',
  cacheDir: process.env['WARTA_CACHE_DIR'] ?? './node_modules/.astro',
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
  // The base path of links in articles is read when Astro makes the processor, after warta({ … }).
  markdown: {
    processor: unified(articleMarkdownOptions),
    syntaxHighlight: false,
  },
} satisfies AstroUserConfig;
