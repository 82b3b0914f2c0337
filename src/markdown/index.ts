/**
 * The Markdown pipeline of every article, as plugin lists for Astro's `unified()` processor. The
 * build (`astro.config.mjs`) and the tests import these same lists.
 */
import type { RehypePlugins, RemarkPlugins, RemarkRehype } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import { siteConfig } from '../site.config';
import { rehypeAbsoluteUrls } from './rehype-absolute-urls';
import { rehypeBasePath } from './rehype-base-path';
import { rehypeEmbeds } from './rehype-embeds';
import { rehypeFootnoteLabels } from './rehype-footnote-labels';
import { rehypeFragmentLinks } from './rehype-fragment-links';
import { rehypeImageFigures } from './rehype-image-figures';
import { rehypeLazyImages } from './rehype-lazy-images';
import { rehypeRawHtml } from './rehype-raw-html';
import { remarkArticleLinks } from './remark-article-links';
import { remarkReadAlso } from './remark-read-also';
import { remarkReadingTime } from './remark-reading-time';
import { newsSanitizeSchema } from './sanitize-schema';

export {
  remarkArticleLinks,
  remarkReadAlso,
  remarkReadingTime,
  rehypeAbsoluteUrls,
  rehypeBasePath,
  rehypeEmbeds,
  rehypeFootnoteLabels,
  rehypeFragmentLinks,
  rehypeImageFigures,
  rehypeLazyImages,
  rehypeRawHtml,
  newsSanitizeSchema,
};

/** remark plugins, run on the Markdown tree after GFM. */
export const remarkPlugins: RemarkPlugins = [remarkArticleLinks, remarkReadAlso, remarkReadingTime];

/** Options for turning Markdown into HTML: footnote ids stay bare; the sanitizer prefixes them. */
export const remarkRehypeOptions: RemarkRehype = { clobberPrefix: '' };

/**
 * rehype plugins, in order: raw HTML is parsed and sanitized first, so that everything added after
 * it (heading ids and anchors, the base path on site links, link rel, lazy images) is ours and
 * trusted.
 */
export const rehypePlugins: RehypePlugins = [
  rehypeRawHtml,
  [rehypeSanitize, newsSanitizeSchema],
  rehypeEmbeds,
  rehypeFootnoteLabels,
  rehypeSlug,
  [
    rehypeAutolinkHeadings,
    {
      behavior: 'append',
      properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
      content: { type: 'text', value: '#' },
    },
  ],
  rehypeFragmentLinks,
  [rehypeBasePath, { base: siteConfig.base }],
  [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'], properties: { className: ['external'] } }],
  rehypeImageFigures,
  rehypeLazyImages,
];
