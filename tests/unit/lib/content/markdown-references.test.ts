import { describe, expect, it } from 'vitest';
import { findMarkdownReferences } from '../../../../src/lib/content/markdown-references';

describe('findMarkdownReferences', () => {
  it('finds inline links and images with their body line', () => {
    expect(findMarkdownReferences('Teks.\n\nLihat [ini](/a/) dan\n![foto](b.jpg "judul").')).toEqual([
      { kind: 'link', url: '/a/', line: 3 },
      { kind: 'image', url: 'b.jpg', line: 4 },
    ]);
  });

  it('resolves reference links through their definition, reported where they are used', () => {
    expect(findMarkdownReferences('Baca [laporan][lap].\n\n[lap]: /2022/09/06/x/')).toEqual([
      { kind: 'link', url: '/2022/09/06/x/', line: 1 },
    ]);
  });

  it('ignores what only looks like a link: code, escapes, and a body without brackets', () => {
    expect(findMarkdownReferences('```\n[a](/kode/)\n\n[b](/kode/)\n```\n\nTeks `[c](/d/)` dan \\[e](/f/).')).toEqual(
      [],
    );
    expect(findMarkdownReferences('Tidak ada tautan di sini.')).toEqual([]);
  });

  it('finds links in lists and quotes of a plain body, on the right line', () => {
    const body = 'Pembuka.\n\n- satu\n- [dua](/dua/)\n\n> [kutip](/kutip/)\n\n## [Judul](/judul/)';
    expect(findMarkdownReferences(body).map((r) => [r.url, r.line])).toEqual([
      ['/dua/', 4],
      ['/kutip/', 6],
      ['/judul/', 8],
    ]);
  });
});
