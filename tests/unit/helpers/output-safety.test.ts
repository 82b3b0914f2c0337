/**
 * The test helper that reads outputs as their consumers do: it must find every live payload in an
 * HTML field, read feeds with XML's own rules (character references decoded, so `&#x3C;svg` in an
 * RSS description counts as the `<svg>` a reader would render), and read JSON-LD and meta tags out
 * of a page as a crawler or a link preview does.
 */
import { describe, expect, it } from 'vitest';
import {
  elementNames,
  findLiveMarkup,
  htmlToText,
  readAtomFields,
  readJsonFeedFields,
  readJsonLd,
  readMetaContents,
  readRssFields,
} from '../../helpers/output-safety';

describe('findLiveMarkup', () => {
  it('finds every kind of payload the issue names', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<svg onload=alert(1)>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" JaVa\tScRiPt:alert(1)">x</a>',
      '<a href="vbscript:msgbox(1)">x</a>',
      '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
      '<img srcset="javascript:alert(1) 1x">',
      '<style>*{}</style>',
      '<link rel=stylesheet href=https://evil.example/x.css>',
      '<meta http-equiv=refresh content="0;url=https://evil.example/">',
      '<base href=https://evil.example/>',
      '<p style="color:red">x</p>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '<iframe src="https://evil.example/"></iframe>',
      '<form><button formaction="javascript:alert(1)">x</button></form>',
      // mXSS: parse5 parses it as a browser does, so the image escapes the noscript's attribute.
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
    ];
    for (const payload of payloads) expect(findLiveMarkup(payload), payload).not.toEqual([]);
  });

  it('finds nothing in sanitized article HTML with an allowed embed', () => {
    const html =
      '<p>Teks <a href="https://example.org/" rel="noopener">tautan</a> <img src="foto.jpg" alt="Foto"></p>' +
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" sandbox="allow-scripts"></iframe>';
    expect(findLiveMarkup(html, ['www.youtube-nocookie.com'])).toEqual([]);
    expect(findLiveMarkup(html)).toEqual(['<iframe>']);
  });
});

describe('reading feeds', () => {
  it('reads an RSS description with XML’s rules, so an escaped <svg> is live and a doubly escaped one is text', () => {
    const rss = (description: string) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><description>D</description>` +
      `<item><title>T</title><description>${description}</description></item></channel></rss>`;
    const live = readRssFields(rss('&#x3C;svg onload=alert(1)&gt;')).find((f) => f.where === 'item 0 description')!;
    expect(live).toEqual({ where: 'item 0 description', readAs: 'html', value: '<svg onload=alert(1)>' });
    expect(findLiveMarkup(live.value)).toEqual(['<svg onload>']);
    const text = readRssFields(rss('&amp;#x3C;svg onload=alert(1)&gt;')).find((f) => f.where === 'item 0 description')!;
    expect(elementNames(text.value)).toEqual([]);
    expect(htmlToText(text.value)).toBe('<svg onload=alert(1)>');
  });

  it('reads Atom text constructs by their type, and category terms with entities decoded', () => {
    const atom =
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>A &amp;amp; B</title><entry>' +
      '<title type="html"><![CDATA[&#x3C;b>]]></title><summary>&lt;b&gt;</summary>' +
      '<author><name>R &lt;x&gt;</name></author><category term="a&amp;amp;b &lt;c&gt;"/></entry></feed>';
    expect(readAtomFields(atom)).toEqual([
      { where: 'feed title', readAs: 'text', value: 'A &amp; B' },
      { where: 'entry 0 title', readAs: 'html', value: '&#x3C;b>' },
      { where: 'entry 0 summary', readAs: 'text', value: '<b>' },
      { where: 'entry 0 author', readAs: 'text', value: 'R <x>' },
      { where: 'entry 0 category', readAs: 'text', value: 'a&amp;b <c>' },
    ]);
  });

  it('reads a JSON Feed with only content_html as HTML', () => {
    const json = JSON.stringify({ title: 'W', items: [{ title: '<b>', content_html: '<p>x</p>', tags: ['<i>'] }] });
    expect(readJsonFeedFields(json).map((f) => [f.where, f.readAs])).toEqual([
      ['feed title', 'text'],
      ['item 0 title', 'text'],
      ['item 0 content_html', 'html'],
      ['item 0 tag', 'text'],
    ]);
  });
});

describe('reading a page', () => {
  it('parses its JSON-LD blocks and the content of its meta tags', () => {
    const page =
      '<!doctype html><html><head><meta property="og:title" content="&quot;&gt;&lt;b&gt;">' +
      '<script type="application/ld+json">{"headline":"\\u003c/script\\u003e"}</script></head><body></body></html>';
    expect(readJsonLd(page)).toEqual([{ headline: '</script>' }]);
    expect(readMetaContents(page)).toEqual([{ key: 'og:title', content: '"><b>' }]);
  });

  it('fails on JSON-LD that a headline broke out of', () => {
    const page = '<script type="application/ld+json">{"headline":"</script><script>alert(1)</script>"}</script>';
    expect(() => readJsonLd(page)).toThrow(SyntaxError);
  });
});
