import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../../src/lib/content/article-file';
import { paragraphsToMarkdown, stringifyArticle } from '../../../../src/lib/editorial/article-writer';

const options = { timeZone: 'Asia/Jakarta', defaultLang: 'id' as const };

describe('stringifyArticle', () => {
  it('writes the fields in the guide order, short lists on one line, then the body', () => {
    const text = stringifyArticle(
      {
        lang: 'en',
        tags: ['Politik', 'Pemilu, 2024'],
        date: '2024-02-14',
        title: 'Hari Pemilu: "Sepi"',
        corrections: [{ date: '2024-02-15', text: 'Nama diperbaiki.' }],
      },
      'Isi.\n',
    );
    expect(text).toBe(
      [
        '---',
        `title: 'Hari Pemilu: "Sepi"'`,
        'date: 2024-02-14',
        'tags: [Politik, "Pemilu, 2024"]',
        'lang: en',
        'corrections:',
        '  - date: 2024-02-15',
        '    text: Nama diperbaiki.',
        '---',
        '',
        'Isi.',
        '',
      ].join('\n'),
    );
  });

  it('writes what the frontmatter parser reads back to the same values', () => {
    const text = stringifyArticle(
      { title: 'true', date: '2023-09', summary: '#1: yes', tags: ['007'], slug: 'null', draft: false },
      '',
    );
    const article = readArticle('a.md', text, options).article!;
    expect(article.frontmatter).toMatchObject({ title: 'true', summary: '#1: yes', tags: ['007'], draft: false });
    expect(article.frontmatter.date.precision).toBe('month');
    expect(article.slug).toBe('null');
  });
});

describe('paragraphsToMarkdown', () => {
  it('gives Markdown that reads back as exactly the text', () => {
    const paragraphs = ['# Tanda pagar', '2. Bukan daftar', 'Harga *naik* 10% [sic] <b> `kode` _garis_ \\ akhir'];
    const tree = fromMarkdown(paragraphsToMarkdown(paragraphs));
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(tree.children.map((node) => toString(node))).toEqual(paragraphs);
  });
});
