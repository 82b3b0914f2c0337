import { describe, expect, it } from 'vitest';
import { parseSrcset, readCssAddresses, readPageLinks } from '../../../src/verify/read-links';

describe('parseSrcset', () => {
  it('takes the address of every candidate, with or without descriptors', () => {
    expect(parseSrcset('/a.jpg 1x, /a@2x.jpg 2x')).toEqual(['/a.jpg', '/a@2x.jpg']);
    expect(parseSrcset('/a-480.avif 480w,/a-960.avif 960w')).toEqual(['/a-480.avif', '/a-960.avif']);
    expect(parseSrcset('  /only.png  ')).toEqual(['/only.png']);
    expect(parseSrcset('/a.png, /b.png 2x,')).toEqual(['/a.png', '/b.png']);
  });

  it('keeps commas inside an address, and inside a descriptor in parentheses', () => {
    expect(parseSrcset('/pic,v2.png 1x, /pic,v3.png 2x')).toEqual(['/pic,v2.png', '/pic,v3.png']);
    expect(parseSrcset('/a.png (x, y) 1x, /b.png 2x')).toEqual(['/a.png', '/b.png']);
  });
});

describe('readCssAddresses', () => {
  it("reads url() in every quoting and @import, and skips what's commented out", () => {
    const css =
      '@import "reset.css";@import url(print.css) print;a{background:url(/a.png)}' +
      'b{background:url( \'b.png\' )}c{background:url("../c.svg#icon")}/* d{background:url(/gone.png)} */';
    expect(readCssAddresses(css)).toEqual(['reset.css', 'print.css', '/a.png', 'b.png', '../c.svg#icon']);
  });
});

describe('readPageLinks', () => {
  it('reads every address a reader, a preview or a crawler follows, entities decoded', () => {
    const html =
      '<html><head><link rel="alternate" href="/feed.xml"><meta property="og:image" content="/og.png">' +
      '<meta name="twitter:image" content="https://x.org/tw.png"><meta name="description" content="/not-an-address">' +
      '<meta http-equiv="refresh" content="0; url=/baru/">' +
      '<script type="application/ld+json">{"@id":"https://x.org/a/","logo":{"url":"https://x.org/logo.png"},"name":"Warta"}</script>' +
      '<style>body{background:url(/bg.png)}</style><script type="module" src="/_astro/app.js"></script></head>' +
      '<body><a href="/cari/?q=a&amp;b=c">search</a><img src="/p.jpg" srcset="/p.jpg 1x, /p2.jpg 2x" alt="">' +
      '<video poster="/poster.jpg"></video><svg><use href="/icons.svg#menu"></use></svg>' +
      '<div style="background:url(\'/inline.png\')"></div></body></html>';
    expect(readPageLinks(html).addresses).toEqual([
      '/feed.xml',
      '/og.png',
      'https://x.org/tw.png',
      '/baru/',
      'https://x.org/a/',
      'https://x.org/logo.png',
      '/bg.png',
      '/_astro/app.js',
      '/cari/?q=a&b=c',
      '/p.jpg',
      '/p.jpg',
      '/p2.jpg',
      '/poster.jpg',
      '/icons.svg#menu',
      '/inline.png',
    ]);
  });

  it('offers every id and named anchor as a fragment, and honours <base href>', () => {
    const links = readPageLinks('<head><base href="/arsip/"></head><h2 id="東京">x</h2><a name="lama"></a><p id="">');
    expect([...links.ids]).toEqual(['東京', 'lama']);
    expect(links.baseHref).toBe('/arsip/');
  });

  it('says when a JSON-LD block is not JSON', () => {
    const links = readPageLinks('<script type="application/ld+json">{"url": </script>');
    expect(links.structuredDataErrors).toHaveLength(1);
    expect(links.addresses).toEqual([]);
  });
});
