import rehypeSanitize from 'rehype-sanitize';
import { beforeAll, describe, expect, it } from 'vitest';
import * as markdown from '../../../src/markdown/index';
import { createArticleRenderer, rehypePlugins, remarkPlugins } from '../../../src/markdown/index';

type Renderer = Awaited<ReturnType<typeof createArticleRenderer>>;

let processor: Renderer;

beforeAll(async () => {
  // Exactly what the build runs (astro.config.mjs hands these lists to Astro's unified processor).
  processor = await createArticleRenderer();
});

/** Renders Markdown through the production pipeline and returns the HTML. */
async function html(source: string): Promise<string> {
  return (await processor.render(source)).code;
}

describe('src/markdown/index exports', () => {
  it('exports the plugin lists and every plugin', () => {
    expect(Object.keys(markdown).sort()).toEqual([
      'articleMarkdownOptions',
      'createArticleRenderer',
      'newsSanitizeSchema',
      'rehypeAbsoluteUrls',
      'rehypeBasePath',
      'rehypeEmbeds',
      'rehypeFootnoteLabels',
      'rehypeFragmentLinks',
      'rehypeImageFigures',
      'rehypeLazyImages',
      'rehypePlugins',
      'rehypeRawHtml',
      'remarkArticleLinks',
      'remarkPlugins',
      'remarkReadAlso',
      'remarkReadingTime',
      'remarkRehypeOptions',
      'remarkTypography',
    ]);
    expect(remarkPlugins).toEqual([
      markdown.remarkTypography,
      markdown.remarkArticleLinks,
      markdown.remarkReadAlso,
      markdown.remarkReadingTime,
    ]);
    // Typography is ours (remarkTypography); Astro's own pass would do the same work twice.
    expect(markdown.articleMarkdownOptions.smartypants).toBe(false);
  });

  it('parses and sanitizes raw HTML before anything else touches the tree', () => {
    expect(rehypePlugins[0]).toBe(markdown.rehypeRawHtml);
    expect(rehypePlugins[1]).toEqual([rehypeSanitize, markdown.newsSanitizeSchema]);
    expect(rehypePlugins).toContain(markdown.rehypeEmbeds);
    expect(rehypePlugins).toContain(markdown.rehypeFragmentLinks);
    expect(rehypePlugins).toContain(markdown.rehypeFootnoteLabels);
    expect(rehypePlugins).toContain(markdown.rehypeImageFigures);
    expect(rehypePlugins.at(-1)).toBe(markdown.rehypeLazyImages);
  });
});

describe('GitHub-flavoured Markdown', () => {
  it('renders a table', async () => {
    const out = await html('| Provinsi | Suara |\n|---|---|\n| Aceh | 12 |');
    expect(out).toContain('<table>');
    expect(out).toContain('<th>Provinsi</th>');
    expect(out).toContain('<td>Aceh</td>');
  });

  it('renders a footnote whose link points at an id that exists', async () => {
    const out = await html('Teks dengan catatan[^1].\n\n[^1]: Catatan kaki.');
    const ref = /<sup><a href="#([^"]+)"/.exec(out)?.[1];
    expect(ref).toBeDefined();
    expect(out).toMatch(new RegExp(`<li id="${ref}">\\s*<p>Catatan kaki\\.`));
    // Every in-page link (reference, back reference, heading anchor) lands on an id in the output.
    const targets = [...out.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    expect(targets.length).toBeGreaterThanOrEqual(2);
    for (const target of targets) expect(out).toContain(`id="${target}"`);
  });

  it('labels the footnotes in the language of the article', async () => {
    const source = 'Teks[^1].\n\n[^1]: Catatan.';
    const indonesian = (await processor.render(source, { frontmatter: { lang: 'id' } })).code;
    expect(indonesian).toMatch(/<h2[^>]*>Catatan kaki/);
    expect(indonesian).toContain('aria-label="Kembali ke rujukan 1"');
    const english = (await processor.render(source, { frontmatter: { lang: 'en' } })).code;
    expect(english).toMatch(/<h2[^>]*>Footnotes/);
    expect(english).toContain('aria-label="Back to reference 1"');
  });

  it('renders strikethrough', async () => {
    expect(await html('Harga ~~naik~~ turun.')).toContain('<del>naik</del>');
  });
});

describe('headings', () => {
  it('get an id and an anchor link to it', async () => {
    const out = await html('## Korea Utara Luncurkan Rudal');
    expect(out).toContain('<h2 id="korea-utara-luncurkan-rudal">');
    expect(out).toMatch(
      /<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#korea-utara-luncurkan-rudal">#<\/a><\/h2>/,
    );
  });

  it('get distinct ids when two headings read the same', async () => {
    const out = await html('## Reaksi\n\nSatu.\n\n## Reaksi');
    expect(out).toContain('id="reaksi"');
    expect(out).toContain('id="reaksi-1"');
  });
});

describe('links', () => {
  it('marks external links noopener noreferrer and leaves internal ones alone', async () => {
    const out = await html(
      '[Antara](https://antaranews.com/x) [lama](http://example.org/a) [arsip](/2022/09/) [naik](../x/)',
    );
    expect(out).toContain('<a href="https://antaranews.com/x" class="external" rel="noopener noreferrer">Antara</a>');
    expect(out).toContain('<a href="http://example.org/a" class="external" rel="noopener noreferrer">lama</a>');
    expect(out).toContain('<a href="/2022/09/">arsip</a>');
    expect(out).toContain('<a href="../x/">naik</a>');
  });

  it('replaces a hand-written rel="opener"', async () => {
    const out = await html('<a href="https://example.com" rel="opener" target="_blank">x</a>');
    expect(out).toContain('rel="noopener noreferrer"');
    expect(out).not.toContain('opener"');
  });
});

describe('images', () => {
  it('load lazily', async () => {
    const out = await html('![Peluncuran rudal](https://example.com/rudal.jpg)');
    expect(out).toMatch(/<img src="https:\/\/example\.com\/rudal\.jpg" alt="Peluncuran rudal"[^>]* loading="lazy"/);
    expect(await html('<img src="/a.jpg" alt="a" width="10" height="20">')).toMatch(
      /<img src="\/a\.jpg" alt="a" width="10" height="20"[^>]* loading="lazy"/,
    );
  });
});

describe('"read also" promos', () => {
  it('turns "Baca Juga: X" into a labelled aside that Pagefind skips', async () => {
    const out = await html('Paragraf pertama.\n\nBaca Juga: Korea Utara Luncurkan Rudal\n\nParagraf kedua.');
    expect(out).toContain(
      '<aside class="read-also" data-pagefind-ignore="all" aria-label="Baca Juga: Korea Utara Luncurkan Rudal"><strong class="read-also__label">Baca Juga</strong> Korea Utara Luncurkan Rudal</aside>',
    );
    expect(out).toContain('<p>Paragraf pertama.</p>');
    expect(out).toContain('<p>Paragraf kedua.</p>');
  });

  it('turns a bold "**Read also:** [X](/x/)" into an aside with the link kept', async () => {
    const out = await html('**Read also:** [X](/x/)');
    expect(out).toBe(
      '<aside class="read-also" data-pagefind-ignore="all" aria-label="Read also: X"><strong class="read-also__label">Read also</strong> <a href="/x/">X</a></aside>',
    );
  });

  it('leaves a paragraph that merely mentions "baca juga" mid-sentence alone', async () => {
    const out = await html('Kami baca juga laporan lain, baca juga: ini.');
    expect(out).toBe('<p>Kami baca juga laporan lain, baca juga: ini.</p>');
  });
});

describe('reading time', () => {
  it('is in metadata.frontmatter, at least one minute, with the word count', async () => {
    const short = await processor.render('Presiden meresmikan jalan tol baru.');
    expect(short.metadata.frontmatter).toMatchObject({ wordCount: 5, readingTime: 1 });
    const long = await processor.render(Array(600).fill('kata').join(' '));
    expect(long.metadata.frontmatter).toMatchObject({ wordCount: 600, readingTime: 3 });
  });
});

describe('sanitizing raw HTML', () => {
  const attacks: [name: string, source: string, forbidden: RegExp][] = [
    ['<script>', '<script>alert(1)</script>\n\nTeks', /<script|alert/],
    ['<style>', '<style>body{display:none}</style>\n\nTeks', /<style|display:none/],
    ['onerror=', '<img src="x.jpg" onerror="alert(1)">', /onerror|alert/],
    ['javascript: link', '<a href="javascript:alert(1)">klik</a> [md](javascript:alert(2))', /javascript:|alert/i],
    ['entity-encoded javascript: link', '<a href="&#106;avascript:alert(1)">klik</a>', /javascript|alert/i],
    [
      '<iframe srcdoc>',
      '<iframe srcdoc="<script>alert(1)</script>" src="https://www.youtube-nocookie.com/embed/a"></iframe>',
      /srcdoc|alert/,
    ],
    ['<svg onload>', '<svg onload="alert(1)"><circle r="1"/></svg>', /<svg|onload|alert/],
    [
      '<meta http-equiv="refresh">',
      '<meta http-equiv="refresh" content="0;url=https://evil.example">',
      /<meta|refresh|evil/,
    ],
    [
      'data: URL in img src',
      '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">\n\n![y](data:image/png;base64,AAAA)',
      /data:/,
    ],
    ['style attribute', '<p style="color:red">merah</p>', /style=|color:red/],
    [
      '<form> and <base>',
      '<form action="https://evil.example"><button>x</button></form><base href="https://evil.example/">',
      /<form|<base|evil/,
    ],
  ];

  for (const [name, source, forbidden] of attacks) {
    it(`removes ${name}`, async () => {
      expect(await html(source)).not.toMatch(forbidden);
    });
  }

  it('keeps the text around what it removes', async () => {
    expect(await html('<p style="color:red">merah</p>')).toBe('<p>merah</p>');
    expect(await html('<a href="javascript:alert(1)">klik</a>')).toBe('<p><a>klik</a></p>');
  });

  it('keeps an allow-listed YouTube (nocookie) embed, sandboxed and lazy', async () => {
    const out = await html(
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video" width="560" height="315" sandbox="allow-top-navigation" onload="x()"></iframe>',
    );
    expect(out).toMatch(/^<iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/abc" title="Video"/);
    expect(out).toContain('loading="lazy"');
    expect(out).toContain('sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"');
    expect(out).not.toContain('allow-top-navigation');
    expect(out).not.toContain('onload');
  });

  it('removes an iframe from a host not on the allow-list, or over http', async () => {
    expect(await html('Sebelum\n\n<iframe src="https://evil.example/embed"></iframe>\n\nSesudah')).not.toContain(
      'iframe',
    );
    expect(await html('<iframe src="https://www.youtube-nocookie.com.evil.example/embed/a"></iframe>')).not.toContain(
      'iframe',
    );
    expect(await html('<iframe src="http://www.youtube.com/embed/a"></iframe>')).not.toContain('iframe');
  });

  it('keeps figures with captions', async () => {
    expect(await html('<figure><img src="/a.jpg" alt="A"><figcaption>Keterangan foto</figcaption></figure>')).toMatch(
      /^<figure><img src="\/a\.jpg" alt="A"[^>]*><figcaption>Keterangan foto<\/figcaption><\/figure>$/,
    );
  });

  it('prefixes raw ids with user-content- and points in-page links at them', async () => {
    const out = await html('<p id="bagian">x</p>\n\n[ke bagian](#bagian)\n\n<div id="main">y</div>');
    expect(out).toContain('<p id="user-content-bagian">');
    expect(out).toContain('<a href="#user-content-bagian">ke bagian</a>');
    expect(out).toContain('<div id="user-content-main">');
    expect(out).not.toContain('id="main"');
  });
});
