import type { Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { rehypeImageFigures } from '../../../src/markdown/rehype-image-figures';

function run(tree: Root): string {
  rehypeImageFigures()(tree);
  return toHtml(tree);
}

describe('rehypeImageFigures', () => {
  it('shows the title of an image alone in its paragraph as a visible caption', () => {
    const tree: Root = {
      type: 'root',
      children: [h('p', [h('img', { src: './a.jpg', alt: 'Antrean', title: ' Antrean pemilih. ' })])],
    };
    expect(run(tree)).toBe(
      '<figure><img src="./a.jpg" alt="Antrean"><figcaption>Antrean pemilih.</figcaption></figure>',
    );
  });

  it('leaves images without a title, and images inside running text, as they are', () => {
    const untitled = h('p', [h('img', { src: './a.jpg', alt: 'a' })]);
    const inline = h('p', ['Lihat ', h('img', { src: './b.jpg', alt: 'b', title: 'B' }), ' di sini.']);
    const tree: Root = { type: 'root', children: [untitled, inline] };
    expect(run(tree)).toBe(
      '<p><img src="./a.jpg" alt="a"></p><p>Lihat <img src="./b.jpg" alt="b" title="B"> di sini.</p>',
    );
  });
});
