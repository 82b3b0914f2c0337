import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Makes every image in an article body load lazily and decode off the main thread. */
export function rehypeLazyImages() {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return;
      node.properties['loading'] = 'lazy';
      node.properties['decoding'] = 'async';
    });
  };
}
