import { defineCollection } from 'astro:content';
import { articleDataSchema } from './lib/content/article-schema';
import { resolveContentDir } from './files/content-folder';
import { articleLoader } from './loaders/article-loader';
import { siteConfig } from './site.config';

/** Every article below the content folder (`content/`, or `WARTA_CONTENT_DIR`). */
const articles = defineCollection({
  loader: articleLoader({
    directory: resolveContentDir(),
    defaultLang: siteConfig.defaultLang,
    timeZone: siteConfig.timeZone,
    base: siteConfig.base,
  }),
  // The loader validates frontmatter itself (every problem, with line numbers); this is the shape
  // it stores, which pages see.
  schema: articleDataSchema,
});

export const collections = { articles };
