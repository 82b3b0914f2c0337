import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { splitLink } from '../lib/content/article-links';

/** Options for {@link remarkArticleLinks}. */
export interface RemarkArticleLinksOptions {
  /** Name of the frontmatter field that holds the link map; `articleLinks` by default. */
  field?: string;
}

/**
 * Replaces relative links to article files (`[kemarin](tetangga.md#latar)`) with the linked
 * article's address (`/2023/01/05/tetangga/#latar`), so links that work in a Git repository work
 * on the site too. The map comes from the content loader, which knows every article, through the
 * file's frontmatter; links it does not list are left as they are (`npm run check` reports them).
 */
export function remarkArticleLinks(options: RemarkArticleLinksOptions = {}) {
  const field = options.field ?? 'articleLinks';
  return (tree: Root, file: VFile): void => {
    const map = file.data.astro?.frontmatter?.[field];
    if (!map || typeof map !== 'object') return;
    const links = map as Record<string, unknown>;
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const { path, suffix } = splitLink(node.url);
      const address = Object.hasOwn(links, path) ? links[path] : undefined;
      if (typeof address === 'string') node.url = `${address}${suffix}`;
    });
  };
}
