import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { remarkReadAlso, type RemarkReadAlsoOptions } from '../../../src/markdown/remark-read-also';

/** Renders Markdown with remarkReadAlso as the only plugin of our own. */
async function render(source: string, options?: RemarkReadAlsoOptions): Promise<string> {
  const processor = await createMarkdownProcessor({
    remarkPlugins: [options ? [remarkReadAlso, options] : remarkReadAlso],
    syntaxHighlight: false,
  });
  return (await processor.render(source)).code;
}

// The aside is named by its label and the text of what it promotes.
const aside = (label: string, rest: string) =>
  `<aside class="read-also" data-pagefind-ignore="all" aria-label="${label}: ${rest.replace(/<[^>]+>/g, '')}"><strong class="read-also__label">${label}</strong> ${rest}</aside>`;

describe('remarkReadAlso', () => {
  it('recognises every default label, in any case, with or without space before the colon', async () => {
    expect(await render('Baca juga: [A](/a/)')).toBe(aside('Baca juga', '<a href="/a/">A</a>'));
    expect(await render('BACA JUGA : [A](/a/)')).toBe(aside('BACA JUGA', '<a href="/a/">A</a>'));
    expect(await render('Baca pula:[A](/a/)')).toBe(aside('Baca pula', '<a href="/a/">A</a>'));
    expect(await render('Read more: [A](/a/)')).toBe(aside('Read more', '<a href="/a/">A</a>'));
    expect(await render('See also: [A](/a/)')).toBe(aside('See also', '<a href="/a/">A</a>'));
  });

  it('drops a bold label whole and keeps what follows', async () => {
    expect(await render('**Baca Juga:** Judul tanpa tautan')).toBe(aside('Baca Juga', 'Judul tanpa tautan'));
  });

  it('keeps emphasis and links after the label', async () => {
    expect(await render('Baca juga: *[A](/a/)*')).toBe(aside('Baca juga', '<em><a href="/a/">A</a></em>'));
  });

  it('leaves paragraphs that do not start with a label alone', async () => {
    expect(await render('Kami baca juga laporan lain, baca juga: ini.')).toBe(
      '<p>Kami baca juga laporan lain, baca juga: ini.</p>',
    );
    expect(await render('Baca juga laporan lain.')).toBe('<p>Baca juga laporan lain.</p>');
    expect(await render('[Baca juga: A](/a/)')).toBe('<p><a href="/a/">Baca juga: A</a></p>');
  });

  it('uses custom labels instead of the defaults', async () => {
    const options = { labels: ['Lihat pula', 'Simak (video)'] };
    expect(await render('Lihat pula: [A](/a/)', options)).toBe(aside('Lihat pula', '<a href="/a/">A</a>'));
    expect(await render('Simak (video): [A](/a/)', options)).toBe(aside('Simak (video)', '<a href="/a/">A</a>'));
    expect(await render('Baca juga: [A](/a/)', options)).toBe('<p>Baca juga: <a href="/a/">A</a></p>');
  });

  it('treats regular-expression characters in labels literally', async () => {
    expect(await render('Simak video: [A](/a/)', { labels: ['Simak (video)'] })).toBe(
      '<p>Simak video: <a href="/a/">A</a></p>',
    );
    expect(await render('Baca juga: [A](/a/)', { labels: ['Baca.juga'] })).toBe(
      '<p>Baca juga: <a href="/a/">A</a></p>',
    );
  });

  it('names each promo of an article differently, by what it promotes', async () => {
    const out = await render('Baca juga: [Banjir Jakarta](/a/)\n\nBaca juga: [Harga Beras](/b/)');
    expect(out).toContain('aria-label="Baca juga: Banjir Jakarta"');
    expect(out).toContain('aria-label="Baca juga: Harga Beras"');
  });

  it('recognises a bold label with the colon outside the bold', async () => {
    expect(await render('**Baca Juga**: [X](/x/)')).toBe(aside('Baca Juga', '<a href="/x/">X</a>'));
  });
});
