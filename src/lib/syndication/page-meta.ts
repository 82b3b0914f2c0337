/**
 * What link previews read from a page: Open Graph and Twitter card tags, built from the page's
 * title, description, address and image, as a plain list a component renders.
 */
import type { Lang } from '../../site.config';
import { toDatetimeAttribute } from '../core/dates';
import { textForField } from './output-fields';

/** One `<meta>` tag: Open Graph tags use `property`, Twitter cards use `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

/** An image of a link preview. */
export interface PreviewImage {
  /** Absolute URL. */
  url: string;
  /** What the image shows. */
  alt: string;
  /** Width in pixels, when known. */
  width?: number | undefined;
  /** Height in pixels, when known. */
  height?: number | undefined;
}

/** Article facts that Open Graph carries on article pages. */
export interface PreviewArticle {
  /** Publication instant. */
  published: Date;
  /** Last change. */
  modified?: Date | undefined;
  /** Tags. */
  tags: readonly string[];
}

/** Everything a page's preview tags are built from. */
export interface PreviewInput {
  /** Name of the site. */
  siteName: string;
  /** Title of the page, without the site name. */
  title: string;
  /** One or two sentences about the page. */
  description: string;
  /** Absolute canonical URL; pages without one (404) get no `og:url`. */
  url?: string | undefined;
  /** Language of the page. */
  lang: Lang;
  /** The preview picture. */
  image: PreviewImage;
  /** Set on article pages. */
  article?: PreviewArticle | undefined;
  /** Time zone whose offset article dates are written with. */
  timeZone: string;
}

// Open Graph wants a language_TERRITORY locale; these match the locales dates are formatted in.
const OG_LOCALES: Record<Lang, string> = { id: 'id_ID', en: 'en_GB' };

/** Resolves an image address from frontmatter (relative to the article, or absolute) to a full URL. */
export function resolveImageUrl(src: string, pageUrl: string): string {
  return new URL(src, pageUrl).href;
}

/**
 * Builds the Open Graph and Twitter card tags of a page. Their `content` is text (the page template
 * escapes it as an attribute value), so titles and descriptions are never HTML-escaped here.
 */
export function buildPreviewMeta(input: PreviewInput): MetaTag[] {
  const tags = buildPreviewTags(input);
  return tags.map((tag) => ({ ...tag, content: textForField('pageMeta', 'content', tag.content) }));
}

function buildPreviewTags(input: PreviewInput): MetaTag[] {
  const { image, article } = input;
  const tags: MetaTag[] = [
    { property: 'og:site_name', content: input.siteName },
    { property: 'og:type', content: article ? 'article' : 'website' },
    { property: 'og:title', content: input.title },
    { property: 'og:description', content: input.description },
    ...(input.url ? [{ property: 'og:url', content: input.url }] : []),
    { property: 'og:locale', content: OG_LOCALES[input.lang] },
    { property: 'og:image', content: image.url },
    { property: 'og:image:alt', content: image.alt },
    ...(image.width ? [{ property: 'og:image:width', content: String(image.width) }] : []),
    ...(image.height ? [{ property: 'og:image:height', content: String(image.height) }] : []),
  ];
  if (article) {
    tags.push({ property: 'article:published_time', content: toDatetimeAttribute(article.published, input.timeZone) });
    if (article.modified) {
      tags.push({ property: 'article:modified_time', content: toDatetimeAttribute(article.modified, input.timeZone) });
    }
    for (const tag of article.tags) tags.push({ property: 'article:tag', content: tag });
  }
  tags.push(
    { name: 'twitter:card', content: 'summary_large_image' },
    { name: 'twitter:title', content: input.title },
    { name: 'twitter:description', content: input.description },
    { name: 'twitter:image', content: image.url },
    { name: 'twitter:image:alt', content: image.alt },
  );
  return tags;
}
