/**
 * The test helper that hunts for executable content in built pages: it must flag every payload of
 * the hostile corpus when it is left unsanitized, and nothing in an ordinary page.
 */
import { describe, expect, it } from 'vitest';
import { findScriptRisks, isDangerousUrl } from '../../helpers/page-safety';

const options = { frameHosts: ['www.youtube-nocookie.com'] };

describe('findScriptRisks', () => {
  it('flags every payload of the hostile corpus left in a page', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<script type="module">alert(1)</script>',
      '<script src="https://evil.example/x.js"></script>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '<iframe src="https://evil.example/"></iframe>',
      '<svg onload="alert(1)"></svg>',
      '<img src="x" onerror="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" java\tscript:alert(1)">x</a>',
      '<a href="data:text/html,<script>alert(1)</script>">x</a>',
      '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
      '<form action="javascript:alert(1)"></form>',
      '<button formaction="javascript:alert(1)">b</button>',
      '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
      '<div style="width:expression(alert(1))">x</div>',
      '<style>body{behavior:url(x.htc)}</style>',
      '<object data="x.swf"></object>',
      '<embed src="x.swf">',
      '<base href="https://evil.example/">',
      '<link rel="stylesheet" href="https://evil.example/x.css">',
      '<img srcset="javascript:alert(1) 1x">',
      '<script type="application/ld+json">{"a":"</script><script>alert(1)</script>"}</script>',
    ];
    for (const payload of payloads) expect(findScriptRisks(payload, options), payload).not.toEqual([]);
  });

  it('finds nothing in a page with bundled scripts, structured data, an allowed embed and ordinary links', () => {
    const page = `<!doctype html><html><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'self'">
      <link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/b.js"></script>
      <script type="application/ld+json">{"headline":"\\u003c/script\\u003e"}</script></head>
      <body><a href="/2024/">arsip</a> <a href="https://example.org/">luar</a> <a href="mailto:a@b.c">surel</a>
      <img src="https://example.org/a.jpg" alt="a"><iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>
      <form action="/search/" method="get"><input name="q"></form></body></html>`;
    expect(findScriptRisks(page, options)).toEqual([]);
  });
});

describe('isDangerousUrl', () => {
  it('reads the scheme as a browser does, ignoring case, spaces and control characters', () => {
    expect(isDangerousUrl('JaVaScRiPt:alert(1)')).toBe(true);
    expect(isDangerousUrl('\u0001javascript:alert(1)')).toBe(true);
    expect(isDangerousUrl('vbscript:x')).toBe(true);
    expect(isDangerousUrl('/javascript:x')).toBe(false);
    expect(isDangerousUrl('https://example.org/?javascript:')).toBe(false);
  });
});
