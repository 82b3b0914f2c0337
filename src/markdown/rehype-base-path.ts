import type { Root } from 'hast';
import { withBase } from '../lib/core/permalinks';
import { rewriteUrls } from './url-attributes';

/** Options for {@link rehypeBasePath}. */
export interface RehypeBasePathOptions {
  /** The sub-path the site is served under, e.g. `/arsip/`; `/` leaves every link as it is. */
  base?: string;
}

/**
 * Puts the base path in front of site paths in an article (`/2022/09/06/slug/` becomes
 * `/arsip/2022/09/06/slug/`), so editors link to other articles the same way whatever sub-path the
 * archive is deployed under. Full addresses, `//host` links, relative paths and fragments stay.
 */
export function rehypeBasePath(options: RehypeBasePathOptions = {}) {
  const base = options.base ?? '/';
  return (tree: Root): void => {
    if (base === '/') return;
    rewriteUrls(tree, (url) => (url.startsWith('/') && !url.startsWith('//') ? withBase(base, url) : url));
  };
}
