// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { buildFinish, buildStart } from './src/integrations/build-frame.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { wartaSitemap } from './src/integrations/sitemap.ts';
import { wartaPublishing } from './src/integrations/publishing.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { articleMarkdownOptions } from './src/markdown/index.ts';
import { siteConfig } from './src/site.config.ts';

// WARTA_OUT_DIR and WARTA_CACHE_DIR let tests and benchmarks build several archives side by side
// without sharing an output folder or Astro's content cache.
export default defineConfig({
  site: siteConfig.url,
  base: siteConfig.base,
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
  // buildStart must stay first and buildFinish last: they frame every other integration's work.
  integrations: [
    buildStart(),
    wartaSitemap(),
    wartaPublishing(),
    securityHeaders(),
    pagefindIntegration(),
    buildFinish(),
  ],
  // Pages whose cacheKey (src/data/cache-keys.ts) and code are unchanged since the last build are
  // copied from it instead of rendered again.
  experimental: { incrementalBuild: true },
  markdown: {
    processor: unified(articleMarkdownOptions),
    syntaxHighlight: false,
  },
});
