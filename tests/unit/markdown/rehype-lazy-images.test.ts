import type { Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { rehypeLazyImages } from '../../../src/markdown/rehype-lazy-images';

describe('rehypeLazyImages', () => {
  it('makes every image, however deep, load lazily and decode asynchronously', () => {
    const top = h('img', { src: '/a.jpg', alt: 'a' });
    const nested = h('img', { src: '/b.jpg', alt: 'b', loading: 'eager' });
    const tree: Root = { type: 'root', children: [top, h('figure', [h('a', { href: '/b/' }, [nested])])] };
    rehypeLazyImages()(tree);
    for (const img of [top, nested]) expect(img.properties).toMatchObject({ loading: 'lazy', decoding: 'async' });
  });

  it('leaves other elements alone', () => {
    const iframe = h('iframe', { src: 'https://www.youtube.com/embed/a' });
    rehypeLazyImages()({ type: 'root', children: [iframe] });
    expect(iframe.properties).toEqual({ src: 'https://www.youtube.com/embed/a' });
  });
});
