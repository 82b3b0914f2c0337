import type { Root } from 'hast';
import { rewriteUrls } from './url-attributes';

/** Options for {@link rehypeAbsoluteUrls}. */
export interface RehypeAbsoluteUrlsOptions {
  /** The absolute address the HTML is read at, e.g. the article's URL. */
  baseUrl: string;
}

/**
 * Turns every link and image address into a full URL resolved against `baseUrl`, for HTML read away
 * from its page (feed readers resolve relative links inconsistently, or against the feed's address).
 */
export function rehypeAbsoluteUrls(options: RehypeAbsoluteUrlsOptions) {
  return (tree: Root): void => {
    rewriteUrls(tree, (url) => {
      if (url.trim() === '') return url;
      try {
        return new URL(url, options.baseUrl).href;
      } catch {
        // An address the URL parser refuses (`http://[bad`) is left as the editor wrote it.
        return url;
      }
    });
  };
}
