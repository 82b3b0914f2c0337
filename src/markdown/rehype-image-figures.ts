import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Turns a paragraph that holds nothing but one titled image (`![alt](./a.jpg "Caption")`) into a
 * figure whose caption readers see, instead of a tooltip only mouse users find.
 */
export function rehypeImageFigures() {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'p' || parent === undefined || index === undefined) return;
      const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
      const image = content[0];
      if (content.length !== 1 || image?.type !== 'element' || image.tagName !== 'img') return;
      const title = image.properties['title'];
      if (typeof title !== 'string' || title.trim() === '') return;
      delete image.properties['title'];
      const caption: ElementContent = {
        type: 'element',
        tagName: 'figcaption',
        properties: {},
        children: [{ type: 'text', value: title.trim() }],
      };
      parent.children[index] = { type: 'element', tagName: 'figure', properties: {}, children: [image, caption] };
    });
  };
}
