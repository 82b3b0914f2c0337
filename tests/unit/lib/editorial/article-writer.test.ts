import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../../src/lib/content/article-file';
import {
  addTranslationLink,
  paragraphsToMarkdown,
  stringifyArticle,
} from '../../../../src/lib/editorial/article-writer';

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

describe('addTranslationLink', () => {
  const source = '---\ntitle: "Kim dan Putin"  # as written\ndate: 2023-09-13\ntags: [Rusia]\n---\n\nIsi.\n';

  it('adds translations: as the last field, leaving every other line as written', () => {
    expect(addTranslationLink(source, 'kim-putin-en.md')).toBe(
      '---\ntitle: "Kim dan Putin"  # as written\ndate: 2023-09-13\ntags: [Rusia]\ntranslations: kim-putin-en.md\n---\n\nIsi.\n',
    );
    const crlf = addTranslationLink(source.replaceAll('\n', '\r\n'), '/2023/10/x.md');
    expect(crlf).toContain('tags: [Rusia]\r\ntranslations: /2023/10/x.md\r\n---\r\n');
    expect(
      readArticle('2023/09/kim-putin.md', crlf!, { timeZone: 'Asia/Jakarta', defaultLang: 'id' }).article?.frontmatter
        .translations,
    ).toEqual(['/2023/10/x.md']);
  });

  it('leaves alone a file that names its versions already or has a story: key, or has no frontmatter', () => {
    expect(addTranslationLink(source.replace('tags:', 'translations: a.md\ntags:'), 'b.md')).toBeUndefined();
    expect(addTranslationLink(source.replace('tags:', 'story: kim\ntags:'), 'b.md')).toBeUndefined();
    expect(addTranslationLink('Isi saja.\n', 'b.md')).toBeUndefined();
    // A body line that looks like a field does not count.
    expect(addTranslationLink(`${source}story: bukan field\n`, 'b.md')).toContain('translations: b.md');
  });
});
