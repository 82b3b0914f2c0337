import { describe, expect, it } from 'vitest';
import { readArticle, type ArticleRecord } from '../../../../src/lib/content/article-file';
import { formatProblem } from '../../../../src/lib/core/problems';
import { findTranslationProblems } from '../../../../src/lib/content/translation-checks';

const options = { timeZone: 'Asia/Jakarta', defaultLang: 'id' } as const;

/** An article file of `fields` (frontmatter lines), read as the build reads it. */
function article(file: string, ...fields: string[]): ArticleRecord {
  const result = readArticle(file, ['---', `title: ${file}`, 'date: 2022-09-06', ...fields, '---', 'Isi.'].join('\n'), options);
  if (!result.article) throw new Error(JSON.stringify(result.problems));
  return result.article;
}

function check(articles: ArticleRecord[], files?: string[]): string[] {
  return findTranslationProblems(articles, { label: (file) => `content/${file}`, ...(files ? { files } : {}) }).map(
    formatProblem,
  );
}

describe('the translations and story fields', () => {
  it('take one path or a list of paths, and a story key', () => {
    expect(article('a.md', 'translations: b.md').frontmatter.translations).toEqual(['b.md']);
    expect(article('a.md', 'translations: [b.md, /en/c.md]').frontmatter.translations).toEqual(['b.md', '/en/c.md']);
    expect(article('a.md', 'story: " korut-peluru "').frontmatter.story).toBe('korut-peluru');
    expect(article('a.md').frontmatter.translations).toEqual([]);
  });

  it('reject what is not the path of a Markdown file, naming the line and the fix', () => {
    const read = (line: string) =>
      readArticle('a.md', ['---', 'title: A', 'date: 2022-09-06', line, '---', 'Isi.'].join('\n'), options).problems.map(
        formatProblem,
      );
    expect(read('translations: https://example.org/en/a.md')).toEqual([
      `a.md:4: translations.0: "https://example.org/en/a.md" must be the path of the other version's Markdown file, such as korut-en.md or /2022/09/korut-en.md`,
    ]);
    expect(read('translations: [korut-en]')).toEqual([
      `a.md:4: translations.0: "korut-en" must be the path of the other version's Markdown file, such as korut-en.md or /2022/09/korut-en.md`,
    ]);
    expect(read('translations: { en: b.md }')).toEqual([
      'a.md:4: translations: must be a path, or a list of paths, such as [korut-en.md]',
    ]);
    expect(read('story: ""')).toEqual(['a.md:4: story: must not be empty; leave the field out instead']);
  });
});

describe('findTranslationProblems', () => {
  it('accepts a pair named from one side, from both sides, or by a shared story key', () => {
    expect(
      check([
        article('2022/09/korut.md'),
        article('2022/09/korut-en.md', 'lang: en', 'translations: korut.md'),
        article('2023/a.md', 'translations: /2023/en/a.md'),
        article('2023/en/a.md', 'lang: en', 'translations: ../a.md'),
        article('2024/b.md', 'story: Pemilu'),
        article('2024/b-en.md', 'lang: en', 'story: pemilu'),
      ]),
    ).toEqual([]);
  });

  it('rejects a link to no file, and says where it looked and what was probably meant', () => {
    expect(
      check([
        article('2022/09/korut.md', 'translations:', '  - 2022/09/korut-en.md', '  - korut-english.md', '  - sanksi.md'),
        article('2022/09/korut-en.md', 'lang: en'),
        article('2022/10/korut-english.md', 'lang: en'),
      ]),
    ).toEqual([
      'content/2022/09/korut.md:5: translations: 2022/09/korut-en.md points to no article file (looked for content/2022/09/2022/09/korut-en.md); a path from the content folder starts with "/": /2022/09/korut-en.md',
      'content/2022/09/korut.md:6: translations: korut-english.md points to no article file (looked for content/2022/09/korut-english.md); did you mean ../10/korut-english.md?',
      'content/2022/09/korut.md:7: translations: sanksi.md points to no article file (looked for content/2022/09/sanksi.md); give the path of the other version relative to this file, or from the content folder starting with "/"',
    ]);
  });

  it('says so when the linked file exists but has errors of its own', () => {
    expect(check([article('a.md', 'translations: b.md')], ['a.md', 'b.md'])).toEqual([
      'content/a.md:4: translations: b.md points to content/b.md, which has errors of its own; the versions are paired once they are fixed',
    ]);
  });

  it('rejects a path outside the content folder and a link of an article to itself', () => {
    expect(check([article('2022/a.md', 'translations: [../../b.md, ../2022/a.md]')])).toEqual([
      'content/2022/a.md:4: translations: ../../b.md points outside the content folder; give the path of the other version from the content folder, starting with "/" (e.g. /2022/09/story.md)',
      'content/2022/a.md:4: translations: ../2022/a.md is this article itself; name the file of its version in the other language',
    ]);
  });

  it('rejects a version in the same language', () => {
    expect(check([article('a.md', 'translations: b.md'), article('b.md')])).toEqual([
      'content/a.md:4: translations: b.md (content/b.md) is in Indonesian too (lang: id); a translation is the same story in another language: correct "lang:" in the one that is not Indonesian, or remove this entry',
    ]);
  });

  it('rejects a one-sided pair that conflicts (A names B, B names C), in every file that links, with the chain', () => {
    const chain =
      'joins this article into one story with 2 Indonesian versions (content/a.md, content/c.md): content/a.md names content/b.md; content/b.md names content/c.md; a story has one version per language, so correct or remove the link or key that joins the wrong article';
    expect(
      check([
        article('a.md', 'translations: b.md'),
        article('b.md', 'lang: en', 'translations: c.md'),
        article('c.md'),
      ]),
    ).toEqual([`content/a.md:4: translations: ${chain}`, `content/b.md:5: translations: ${chain}`]);
  });

  it('rejects a story key shared by two articles in one language', () => {
    const message =
      'joins this article into one story with 2 English versions (content/b.md, content/c.md): content/a.md, content/b.md, content/c.md share story "korut"; a story has one version per language, so correct or remove the link or key that joins the wrong article';
    expect(
      check([article('a.md', 'story: korut'), article('b.md', 'lang: en', 'story: korut'), article('c.md', 'lang: en', 'story: Korut')]),
    ).toEqual([`content/a.md:4: story: ${message}`, `content/b.md:5: story: ${message}`, `content/c.md:5: story: ${message}`]);
  });

  it('warns that a version still a draft is linked once it is published, unless both are drafts', () => {
    expect(
      check([
        article('a.md', 'translations: b.md'),
        article('b.md', 'lang: en', 'draft: true'),
        article('c.md', 'draft: true', 'translations: d.md'),
        article('d.md', 'lang: en', 'draft: true'),
      ]),
    ).toEqual([
      'content/a.md:4: translations: warning: b.md is a draft (content/b.md); the two versions are linked once it is published',
    ]);
  });

  it('warns about a story key no other article has', () => {
    expect(check([article('a.md', 'story: korut-peluru'), article('b.md', 'lang: en', 'story: korut-peluu')])).toEqual([
      'content/a.md:4: story: warning: no other article has story "korut-peluru"; check that its other version spells the key the same way',
      'content/b.md:5: story: warning: no other article has story "korut-peluu"; check that its other version spells the key the same way',
    ]);
  });

  it('reports every problem of a folder in one run', () => {
    const problems = check([
      article('a.md', 'translations: [gone.md, b.md]'),
      article('b.md'),
      article('c.md', 'story: lonely'),
    ]);
    expect(problems).toHaveLength(3);
  });
});
