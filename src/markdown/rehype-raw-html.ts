import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Parses the raw HTML an article carries into real elements, so the sanitizer can judge them; an
 * article without raw HTML skips the pass, which re-parses the whole tree and is the costliest
 * step of rendering.
 */
export function rehypeRawHtml() {
  return (tree: Root, file: VFile): Root => {
    let hasRaw = false;
    visit(tree, 'raw', () => {
      hasRaw = true;
      return EXIT;
    });
    return hasRaw ? (raw(tree, { file }) as Root) : tree;
  };
}
