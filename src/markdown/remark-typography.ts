import type { Nodes, Parent, Root } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/*
 * Curly quotes, em dashes and ellipses ("SmartyPants"), as Astro's built-in `smartypants` option
 * gives them, with the same library (retext-smartypants) and the same two passes as
 * remark-smartypants, but only over the text that can change. remark-smartypants runs the natural-
 * language parser over the whole article twice (once for quotes, once per text node for dashes and
 * ellipses); that was nearly half of the Markdown pipeline's time on a news archive. Here:
 *
 * - quotes are educated block by block (paragraph, heading, table cell), and only in blocks that
 *   hold a straight quote; retext-smartypants decides a quote from its neighbours in the sentence,
 *   and each block is padded with the space remark-smartypants puts between blocks, so the context
 *   it sees is the same;
 * - dashes, ellipses and backtick quotes are replaced only in text nodes holding `--`, two dots or
 *   two quote marks in a row, the only text those rules act on.
 *
 * Astro's own smartypants is switched off (`smartypants: false` in src/markdown/index.ts).
 */

const quotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
const punctuation = retext().use(retextSmartypants, { quotes: false });

// The nodes remark-smartypants reads: literals give text, blocks start a fresh run of text.
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const LITERALS = new Set(['text', 'inlineCode']);

// Text the second pass can change: "--", two dots (with or without spaces between), `` or ''.
const MAY_HAVE_PUNCTUATION = /--|\.\s*\.|``|''/;
const HAS_QUOTE = /["']/;

interface Literal {
  type: string;
  value: string;
}

/** Replaces straight quotes, `--` and `...` with their typographic forms in an article's text. */
export function remarkTypography() {
  return (tree: Root): void => {
    // Runs of literal nodes, one per block, in document order.
    const runs: Literal[][] = [[]];
    visit(tree, (node: Nodes, _index, parent: Parent | undefined) => {
      if (!parent) return;
      if (BLOCKS.has(node.type)) runs.push([]);
      else if (LITERALS.has(node.type)) runs.at(-1)!.push(node as Literal);
    });
    educateQuotes(runs);
    for (const run of runs) {
      for (const node of run) {
        if (node.type === 'text' && MAY_HAVE_PUNCTUATION.test(node.value)) {
          node.value = punctuation.processSync(node.value).toString();
        }
      }
    }
  };
}

// Characters of the text around a block that quote education reads: whether the sentence goes on
// across the block's start is decided by the few words before it.
const CONTEXT = 64;

function educateQuotes(runs: Literal[][]): void {
  // The whole text as remark-smartypants joins it: code counts as a word of the same length (so
  // quotes around it pair up, but it is never changed) and every block starts with a space.
  const texts = runs.map((run) =>
    run.map((node) => (node.type === 'text' ? node.value : 'A'.repeat(node.value.length))).join(''),
  );
  const all = texts.join(' ');
  let start = 0;
  runs.forEach((run, index) => {
    const end = start + texts[index]!.length;
    if (run.some((node) => node.type === 'text' && HAS_QUOTE.test(node.value))) {
      // The block with the text around it; quote education keeps every length, so the block's
      // own text is found again at the same offsets.
      const from = Math.max(0, start - CONTEXT);
      const educated = quotes
        .processSync(all.slice(from, end + CONTEXT))
        .toString()
        .slice(start - from, end - from);
      let offset = 0;
      for (const node of run) {
        if (node.type === 'text') node.value = educated.slice(offset, offset + node.value.length);
        offset += node.value.length;
      }
    }
    start = end + 1;
  });
}
