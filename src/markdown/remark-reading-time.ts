import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Options for {@link remarkReadingTime}. */
export interface RemarkReadingTimeOptions {
  /** Reading speed in words per minute; 200 suits news prose in Indonesian and English. */
  wordsPerMinute?: number;
}

/** Counts the words of a text: runs of letters or digits, in any script. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)?.length ?? 0;
}

/**
 * Computes an article's word count and reading time in whole minutes (at least one) and hands them
 * to the page as `remarkPluginFrontmatter.wordCount` and `.readingTime`.
 */
export function remarkReadingTime(options: RemarkReadingTimeOptions = {}) {
  const wordsPerMinute = options.wordsPerMinute ?? 200;
  return (tree: Root, file: VFile): void => {
    // Prose only: raw HTML is markup, not words, and blocks are joined with spaces so the last
    // word of a heading and the first of the next paragraph stay two words.
    const texts: string[] = [];
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'inlineCode') texts.push((node as { value: string }).value);
    });
    const wordCount = countWords(texts.join(' '));
    const astro = (file.data.astro ??= {});
    astro.frontmatter = {
      ...astro.frontmatter,
      wordCount,
      readingTime: Math.max(1, Math.round(wordCount / wordsPerMinute)),
    };
  };
}
