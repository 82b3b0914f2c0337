import type { Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/** Options for {@link remarkReadAlso}. */
export interface RemarkReadAlsoOptions {
  /** Labels that open a "read also" promo, matched case-insensitively before a colon. */
  labels?: readonly string[];
}

/** Labels that open a "read also" promo by default; the importer keeps such lines as paragraphs of their own. */
export const DEFAULT_LABELS = ['Baca juga', 'Baca pula', 'Read also', 'Read more', 'See also'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function firstText(node: PhrasingContent | undefined): Text | undefined {
  if (!node) return undefined;
  if (node.type === 'text') return node;
  if ((node.type === 'strong' || node.type === 'emphasis') && node.children.length > 0) {
    return firstText(node.children[0]);
  }
  return undefined;
}

/**
 * Recognises the "read also" promos that news sites paste between paragraphs (`Baca Juga: …`,
 * `Read also: …`) and turns each into a marked `<aside class="read-also">` that Pagefind skips, so
 * the promo neither reads as part of the story nor pollutes search results. The aside is named by
 * its label and what it promotes (`Baca Juga: Korea Utara Luncurkan Rudal`).
 */
export function remarkReadAlso(options: RemarkReadAlsoOptions = {}) {
  const labels = options.labels ?? DEFAULT_LABELS;
  const pattern = new RegExp(`^\\s*(${labels.map(escapeRegExp).join('|')})\\s*:\\s*`, 'i');
  const boldLabel = new RegExp(`^\\s*(${labels.map(escapeRegExp).join('|')})\\s*$`, 'i');

  return (tree: Root): void => {
    visit(tree, 'paragraph', (node: Paragraph) => {
      // "**Baca Juga**: …" puts the colon after the bold label; fold it in so one rule applies.
      const [opening, second] = node.children;
      const firstLabel = firstText(opening);
      if (
        opening &&
        opening !== firstLabel &&
        firstLabel &&
        boldLabel.test(firstLabel.value) &&
        second?.type === 'text' &&
        /^\s*:/.test(second.value)
      ) {
        firstLabel.value = `${firstLabel.value.trim()}:`;
        second.value = second.value.replace(/^\s*:/, '');
      }
      const text = firstText(node.children[0]);
      const match = text ? pattern.exec(text.value) : null;
      if (!text || !match) return;
      const label = match[1] ?? '';
      text.value = text.value.slice(match[0].length);
      const first = node.children[0];
      // A bold label ("**Baca Juga:** …") is dropped whole once its text is used up.
      if (first && first !== text && 'children' in first && firstText(first)?.value === '') {
        node.children.shift();
        const next = node.children[0];
        if (next?.type === 'text') next.value = next.value.trimStart();
      }
      // Each aside is a landmark, and landmarks of one kind need names of their own: the label
      // alone would name every promo of an article alike.
      const promo = toString(node).trim();
      node.data = {
        ...node.data,
        hName: 'aside',
        hProperties: {
          className: ['read-also'],
          dataPagefindIgnore: 'all',
          ariaLabel: promo === '' ? label : `${label}: ${promo}`,
        },
      };
      node.children.unshift({
        type: 'strong',
        data: { hProperties: { className: ['read-also__label'] } },
        children: [{ type: 'text', value: label }],
      });
      node.children.splice(1, 0, { type: 'text', value: ' ' });
    });
  };
}
