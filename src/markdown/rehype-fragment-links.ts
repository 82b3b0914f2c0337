import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Options for {@link rehypeFragmentLinks}. */
export interface RehypeFragmentLinksOptions {
  /** The prefix the sanitizer put before ids from the article, to keep them off the page's own. */
  prefix?: string;
}

/**
 * Points in-page links (`#fn-1`) at the ids the sanitizer prefixed (`user-content-fn-1`), so
 * footnotes and hand-written anchors keep working without letting article ids clobber the page's.
 */
export function rehypeFragmentLinks(options: RehypeFragmentLinksOptions = {}) {
  const prefix = options.prefix ?? 'user-content-';
  return (tree: Root): void => {
    const ids = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      const id = node.properties['id'];
      if (typeof id === 'string') ids.add(id);
    });
    visit(tree, 'element', (node: Element) => {
      const href = node.properties['href'];
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      let target: string;
      try {
        target = decodeURIComponent(href.slice(1));
      } catch {
        return;
      }
      if (!ids.has(target) && ids.has(prefix + target)) node.properties['href'] = `#${prefix}${target}`;
    });
  };
}
