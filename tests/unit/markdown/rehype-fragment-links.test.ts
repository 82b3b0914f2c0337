import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { rehypeFragmentLinks } from '../../../src/markdown/rehype-fragment-links';

/** Runs the plugin on a paragraph holding the given elements and returns the link targets after. */
function hrefsAfter(children: Element[], prefix?: string): unknown[] {
  const tree: Root = { type: 'root', children };
  rehypeFragmentLinks(prefix ? { prefix } : {})(tree);
  return children.filter((node) => node.tagName === 'a').map((node) => node.properties['href']);
}

describe('rehypeFragmentLinks', () => {
  it('points #x at user-content-x when only the prefixed id exists', () => {
    expect(hrefsAfter([h('p', { id: 'user-content-bagian' }), h('a', { href: '#bagian' })])).toEqual([
      '#user-content-bagian',
    ]);
  });

  it('leaves a link alone when its own target exists', () => {
    expect(
      hrefsAfter([h('h2', { id: 'bagian' }), h('p', { id: 'user-content-bagian' }), h('a', { href: '#bagian' })]),
    ).toEqual(['#bagian']);
  });

  it('leaves links to missing targets, other pages and broken escapes alone', () => {
    expect(
      hrefsAfter([
        h('p', { id: 'user-content-x' }),
        h('a', { href: '#tidak-ada' }),
        h('a', { href: '/2022/09/#x' }),
        h('a', { href: '#%E0%A4%A' }),
      ]),
    ).toEqual(['#tidak-ada', '/2022/09/#x', '#%E0%A4%A']);
  });

  it('decodes %-escaped targets before looking them up', () => {
    expect(hrefsAfter([h('p', { id: 'user-content-café' }), h('a', { href: '#caf%C3%A9' })])).toEqual([
      '#user-content-café',
    ]);
  });

  it('uses a custom prefix', () => {
    expect(hrefsAfter([h('p', { id: 'artikel-x' }), h('a', { href: '#x' })], 'artikel-')).toEqual(['#artikel-x']);
  });
});
