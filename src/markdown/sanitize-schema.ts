import { defaultSchema, type Schema } from 'hast-util-sanitize';

const aria = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy'];

/**
 * The raw-HTML allow-list for news articles: GitHub's schema plus figures, captions, marks, times
 * and embeds (iframes, further narrowed to trusted hosts by `rehypeEmbeds`). No script, style,
 * event handler, `srcdoc`, `style` attribute or `javascript:`/`data:` URL survives it.
 */
export const newsSanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'aside',
    'figure',
    'figcaption',
    'iframe',
    'mark',
    'small',
    'cite',
    'time',
    'abbr',
    'caption',
  ],
  attributes: {
    ...defaultSchema.attributes,
    aside: [...aria, ['className', 'read-also'], ['dataPagefindIgnore', 'all']],
    strong: [['className', 'read-also__label']],
    iframe: ['src', 'title', 'width', 'height', 'allowFullScreen'],
    time: ['dateTime'],
    abbr: ['title'],
    img: [...(defaultSchema.attributes?.['img'] ?? []), 'width', 'height'],
  },
  protocols: {
    ...defaultSchema.protocols,
    src: ['https', 'http'],
  },
  // Elements whose content must go with them, not be unwrapped into text.
  strip: ['script', 'style', 'template', 'noscript', 'object', 'embed', 'svg', 'math'],
};
