/**
 * The Markdown pipeline of every article, as plugin lists for Astro's `unified()` processor. The
 * build (`astro.config.mjs`) and the tests import these same lists.
 */
import {
  createMarkdownProcessor,
  type RehypePlugins,
  type RemarkPlugins,
  type RemarkRehype,
} from '@astrojs/markdown-remark';
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
import { remarkTypography } from './remark-typography';
import { newsSanitizeSchema } from './sanitize-schema';

export {
  remarkArticleLinks,
  remarkReadAlso,
  remarkReadingTime,
  remarkTypography,
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

/**
 * remark plugins, run on the Markdown tree after GFM. Typography (curly quotes, dashes, ellipses)
 * comes first, where Astro's own smartypants would run.
 */
export const remarkPlugins: RemarkPlugins = [remarkTypography, remarkArticleLinks, remarkReadAlso, remarkReadingTime];

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
  // Read when a processor is made, not when this module loads: astro.config.mjs imports this
  // module before its warta({ … }) has registered the settings.
  [
    rehypeBasePath,
    {
      get base() {
        return siteConfig.base;
      },
    },
  ],
  [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'], properties: { className: ['external'] } }],
  rehypeImageFigures,
  rehypeLazyImages,
];

/**
 * Everything Astro's `unified()` processor is given (astro.config.mjs), and what tests and the
 * render workers build the same processor from. Astro's smartypants is off: remarkTypography does
 * the same work with the same library, faster.
 */
export const articleMarkdownOptions: ArticleMarkdownOptions = {
  remarkPlugins,
  rehypePlugins,
  remarkRehype: remarkRehypeOptions,
  gfm: true,
  smartypants: false,
};

/** The options of {@link articleMarkdownOptions}. */
export interface ArticleMarkdownOptions {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
  remarkRehype: RemarkRehype;
  gfm: boolean;
  smartypants: boolean;
}

/** Astro's `image` settings the Markdown renderer reads: which remote pictures it may process. */
export type MarkdownImageOptions = NonNullable<Parameters<typeof createMarkdownProcessor>[0]>['image'];

/**
 * A renderer of article bodies exactly as the build's: the processor Astro makes from
 * astro.config.mjs's `markdown.processor`. Tests and the render workers use it.
 */
export function createArticleRenderer(image: MarkdownImageOptions = {}) {
  return createMarkdownProcessor({ ...articleMarkdownOptions, image, syntaxHighlight: false });
}
