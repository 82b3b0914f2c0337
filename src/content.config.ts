import { defineCollection } from 'astro:content';
import { resolveContentDir } from './lib/content-folder';
import { articleLoader } from './loaders/article-loader';
import { siteConfig } from './site.config';

/** Every article below the content folder (`content/`, or `WARTA_CONTENT_DIR`). */
const articles = defineCollection({
  loader: articleLoader({
    directory: resolveContentDir(),
    defaultLang: siteConfig.defaultLang,
    timeZone: siteConfig.timeZone,
  }),
});

export const collections = { articles };
