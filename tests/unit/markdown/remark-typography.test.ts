import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { remarkTypography } from '../../../src/markdown/remark-typography';

type Renderer = Awaited<ReturnType<typeof createMarkdownProcessor>>;

let ours: Renderer;
let astros: Renderer;

beforeAll(async () => {
  ours = await createMarkdownProcessor({
    smartypants: false,
    remarkPlugins: [remarkTypography],
    syntaxHighlight: false,
  });
  // Astro's built-in smartypants (remark-smartypants): the output ours must match.
  astros = await createMarkdownProcessor({ smartypants: true, syntaxHighlight: false });
});

async function html(source: string): Promise<string> {
  return (await ours.render(source)).code;
}

describe('remarkTypography', () => {
  it('curls double and single quotes, also around links and emphasis', async () => {
    expect(await html(`"Kami siap," kata 'juru bicara' itu.`)).toBe('<p>“Kami siap,” kata ‘juru bicara’ itu.</p>');
    expect(await html(`Dia menyebut "[laporan itu](https://example.org/)" dan **"rahasia"**.`)).toBe(
      '<p>Dia menyebut “<a href="https://example.org/">laporan itu</a>” dan <strong>“rahasia”</strong>.</p>',
    );
  });

  it('handles apostrophes, decades and quotes inside quotes', async () => {
    expect(await html(`It's the '80s.`)).toBe('<p>It’s the ’80s.</p>');
    expect(await html(`He said, "'Quoted' words in a larger quote."`)).toBe(
      '<p>He said, “‘Quoted’ words in a larger quote.”</p>',
    );
  });

  it('turns -- into an em dash and ... into an ellipsis, in text only', async () => {
    expect(await html('Jakarta -- ibu kota... atau bukan?')).toBe('<p>Jakarta — ibu kota… atau bukan?</p>');
    expect(await html('Kode `a -- "b" ...` tetap.')).toBe('<p>Kode <code>a -- "b" ...</code> tetap.</p>');
  });

  it('works in headings and table cells', async () => {
    const out = await html(`# "Judul"\n\n| "a" | b--c |\n|---|---|\n| 'd' | e... |`);
    for (const part of ['<h1 id="judul">“Judul”</h1>', '<th>“a”</th>', '<th>b—c</th>', '<td>‘d’</td>', '<td>e…</td>']) {
      expect(out).toContain(part);
    }
  });

  it('gives what Astro’s smartypants gives, for any mix of quotes, dashes, dots, code and inline markup', async () => {
    const token = fc.constantFrom(
      'kata',
      'word',
      ' ',
      ' ',
      '"',
      "'",
      '--',
      '---',
      '...',
      '. . .',
      '.',
      ',',
      '``',
      "''",
      '`kode`',
      '*',
      '**',
      '[tautan](x)',
      '80s',
      's',
      '\n\n',
      '\n\n# ',
      '\n\n> ',
      '\n\n- ',
      '(',
      ')',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 40 }), async (tokens) => {
        const source = tokens.join('');
        expect(await html(source)).toBe((await astros.render(source)).code);
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 1000) },
    );
  }, 600_000);
});
