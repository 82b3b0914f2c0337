import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { rehypeEmbeds } from '../../../src/markdown/rehype-embeds';

const root = (...children: Element[]): Root => ({ type: 'root', children });

/** Runs rehypeEmbeds on a tree and returns the iframes left in it. */
function iframesAfter(tree: Root, hosts?: readonly string[]): Element[] {
  rehypeEmbeds(hosts ? { hosts } : {})(tree);
  const found: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'iframe') found.push(child);
      walk(child);
    }
  };
  walk(tree);
  return found;
}

describe('rehypeEmbeds', () => {
  it('keeps an https embed from an allowed host, lazy, sandboxed and titled', () => {
    const [iframe] = iframesAfter(root(h('iframe', { src: 'https://player.vimeo.com/video/1' })));
    expect(iframe?.properties).toMatchObject({
      src: 'https://player.vimeo.com/video/1',
      loading: 'lazy',
      referrerPolicy: 'strict-origin-when-cross-origin',
      title: 'Embedded media',
    });
    // hast allows the token list as an array or as one space-separated string.
    expect([iframe?.properties['sandbox']].flat().join(' ')).toBe(
      'allow-scripts allow-same-origin allow-presentation allow-popups',
    );
  });

  it('keeps the title the editor gave', () => {
    const [iframe] = iframesAfter(root(h('iframe', { src: 'https://www.youtube.com/embed/a', title: 'Wawancara' })));
    expect(iframe?.properties['title']).toBe('Wawancara');
  });

  it('removes embeds from other hosts, over http, or with no usable src', () => {
    const tree = root(
      h('p', 'sebelum'),
      h('iframe', { src: 'https://evil.example/x' }),
      h('iframe', { src: 'http://www.youtube.com/embed/a' }),
      h('iframe', { src: 'not a url' }),
      h('iframe'),
      h('p', 'sesudah'),
    );
    expect(iframesAfter(tree)).toEqual([]);
    expect(tree.children.map((child) => (child.type === 'element' ? child.tagName : child.type))).toEqual(['p', 'p']);
  });

  it('removes every one of several disallowed embeds in a row, also when nested', () => {
    const tree = root(
      h('div', [
        h('iframe', { src: 'https://evil.example/1' }),
        h('iframe', { src: 'https://evil.example/2' }),
        h('iframe', { src: 'https://www.openstreetmap.org/export/embed.html' }),
        h('iframe', { src: 'https://evil.example/3' }),
      ]),
    );
    const left = iframesAfter(tree);
    expect(left.map((iframe) => iframe.properties['src'])).toEqual(['https://www.openstreetmap.org/export/embed.html']);
  });

  it('uses the hosts given instead of the defaults', () => {
    const tree = root(
      h('iframe', { src: 'https://www.youtube.com/embed/a' }),
      h('iframe', { src: 'https://maps.example/x' }),
    );
    expect(iframesAfter(tree, ['maps.example']).map((iframe) => iframe.properties['src'])).toEqual([
      'https://maps.example/x',
    ]);
  });
});
