/**
 * Article pictures as pages use them: the lead image resolved to what Astro's image pipeline
 * imported, or left as an address when it lives in `public/` or on another site.
 */
import type { ImageMetadata } from 'astro';
import type { ArticleEntry } from './articles';

/** An article's lead image, ready for `<Picture>` (local) or a plain `<img>` (an address). */
export interface LeadImage {
  /** The imported picture, or the address of one in `public/` or elsewhere. */
  src: ImageMetadata | string;
  /** What the image shows. */
  alt: string;
  /** Caption under the image. */
  caption?: string | undefined;
  /** Photographer or agency credit. */
  credit?: string | undefined;
}

/** Returns the lead image of an article, or `undefined` when it has none. */
export function getLeadImage(article: ArticleEntry): LeadImage | undefined {
  const image = article.data.image;
  if (!image) return undefined;
  // The loader stores the path as text and asks Astro (imageImports) to replace it with the
  // imported picture whenever the entry is read, so at this point a local path is an object.
  const src = image.src as unknown as ImageMetadata | string;
  return { src, alt: image.alt, caption: image.caption, credit: image.credit };
}

/** Whether a lead image went through the image pipeline (it sits next to the article). */
export function isImportedImage(src: ImageMetadata | string): src is ImageMetadata {
  return typeof src === 'object' && typeof src.width === 'number';
}
