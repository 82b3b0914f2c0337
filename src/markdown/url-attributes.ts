import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

// hast property names of the attributes that hold a URL; `srcSet` holds a list of "URL descriptor".
const URL_PROPERTIES = ['href', 'src', 'poster', 'cite'] as const;

/**
 * Calls `rewrite` with every URL in the tree's `href`, `src`, `srcset`, `poster` and `cite`
 * attributes and puts back what it returns, for plugins that move or resolve links.
 */
export function rewriteUrls(tree: Root, rewrite: (url: string) => string): void {
  visit(tree, 'element', (node: Element) => {
    for (const name of URL_PROPERTIES) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = rewrite(value);
    }
    const srcSet = node.properties['srcSet'];
    const candidates = typeof srcSet === 'string' ? srcSet.split(',') : Array.isArray(srcSet) ? srcSet : undefined;
    if (candidates) {
      const rewritten = candidates.map((candidate) => {
        const [url = '', ...descriptor] = String(candidate).trim().split(/\s+/);
        return [rewrite(url), ...descriptor].join(' ');
      });
      // The parser gives a list, but a joined string serializes the same and is what hast's type says.
      node.properties['srcSet'] = rewritten.join(', ');
    }
  });
}
