import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** The footnote labels of one language. */
export interface FootnoteLabels {
  /** Heading of the footnotes section. */
  heading: string;
  /** Accessible label of a back link; `{n}` is the footnote number. */
  backLabel: string;
}

/** Options for {@link rehypeFootnoteLabels}. */
export interface RehypeFootnoteLabelsOptions {
  /** Labels by language code; the article's `lang` (from the frontmatter Astro passes) picks one. */
  labels?: Record<string, FootnoteLabels>;
}

const DEFAULT_LABELS: Record<string, FootnoteLabels> = {
  id: { heading: 'Catatan kaki', backLabel: 'Kembali ke rujukan {n}' },
  en: { heading: 'Footnotes', backLabel: 'Back to reference {n}' },
};

/**
 * Writes the GFM footnotes section's heading and back-link labels in the article's language, since
 * the Markdown-to-HTML step only knows one (English) for every article.
 */
export function rehypeFootnoteLabels(options: RehypeFootnoteLabelsOptions = {}) {
  const labels = options.labels ?? DEFAULT_LABELS;
  return (tree: Root, file: VFile): void => {
    const lang = file.data.astro?.frontmatter?.['lang'];
    const chosen = typeof lang === 'string' ? labels[lang] : undefined;
    if (!chosen) return;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'section' || node.properties['dataFootnotes'] === undefined) return;
      visit(node, 'element', (child: Element) => {
        if (child.tagName === 'h2') {
          child.children = [{ type: 'text', value: chosen.heading }];
        } else if (child.tagName === 'a' && child.properties['dataFootnoteBackref'] !== undefined) {
          const number = /(\d+)(?:-\d+)?$/.exec(String(child.properties['href'] ?? ''))?.[1] ?? '';
          child.properties['ariaLabel'] = chosen.backLabel.replace('{n}', number);
        }
      });
    });
  };
}
