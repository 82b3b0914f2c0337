import { describe, expect, it } from 'vitest';
import { readArticle, type ArticleRecord } from '../../../../src/lib/content/article-file';
import {
  findTagNearMisses,
  findTagNearMissProblems,
  pluralForms,
} from '../../../../src/lib/content/tag-near-misses';
import { formatProblem } from '../../../../src/lib/core/problems';

function article(file: string, tags: string, lang = 'id'): ArticleRecord {
  const source = `---\ntitle: Judul\ndate: 2024-01-01\nlang: ${lang}\ntags: [${tags}]\n---\n\nIsi.\n`;
  const result = readArticle(file, source, { timeZone: 'Asia/Jakarta', defaultLang: 'id' });
  if (!result.article) throw new Error(JSON.stringify(result.problems));
  return result.article;
}

describe('pluralForms', () => {
  it('gives English plurals and the Indonesian doubled word', () => {
    expect(pluralForms('startup')).toEqual(['startups', 'startupes', 'startup-startup']);
    expect(pluralForms('city')).toEqual(['citys', 'cityes', 'cities', 'city-city']);
    expect(pluralForms('korea utara')).toEqual(['korea utaras', 'korea utaraes']);
    expect(pluralForms('ai')).toEqual([]);
  });
});

describe('findTagNearMisses', () => {
  it('pairs typos of one or two edits between tags of five letters or more', () => {
    expect(findTagNearMisses(['jakarta', 'jakata', 'jakartaa', 'korea utara', 'korea utra'])).toEqual([
      { a: 'jakarta', b: 'jakartaa', kind: 'typo' },
      { a: 'jakarta', b: 'jakata', kind: 'typo' },
      { a: 'jakartaa', b: 'jakata', kind: 'typo' },
      { a: 'korea utara', b: 'korea utra', kind: 'typo' },
    ]);
  });

  it('leaves short tags, far tags and tags with other numbers alone', () => {
    expect(findTagNearMisses(['iran', 'irak', 'jawa barat', 'jawa timur', 'pemilu 2019', 'pemilu 2024'])).toEqual([]);
  });

  it('pairs singular and plural, whatever their length', () => {
    expect(findTagNearMisses(['startup', 'startups', 'bus', 'buses', 'anak', 'anak-anak'])).toEqual([
      { a: 'anak', b: 'anak-anak', kind: 'plural' },
      { a: 'bus', b: 'buses', kind: 'plural' },
      { a: 'startup', b: 'startups', kind: 'plural' },
    ]);
  });
});

describe('findTagNearMissProblems', () => {
  const label = (file: string) => `content/${file}`;

  it('warns on the less used tag at its line, naming the other and where it is used', () => {
    const articles = [
      article('a.md', 'Jakarta, Banjir'),
      article('b.md', 'Jakarta'),
      article('c.md', 'Jakarta'),
      article('d.md', 'Banjir, Jakata'),
    ];
    expect(findTagNearMissProblems(articles, label).map(formatProblem)).toEqual([
      'content/d.md:5: tags: warning: "Jakata" is close to "Jakarta" (used in content/a.md, content/b.md and 1 more); if they are one topic, write "Jakarta"',
    ]);
  });

  it('warns about singular and plural, suggesting the more used one', () => {
    const articles = [article('a.md', 'Startups'), article('b.md', 'Startups'), article('c.md', 'Startup')];
    expect(findTagNearMissProblems(articles, label).map(formatProblem)).toEqual([
      'content/c.md:5: tags: warning: "Startup" and "Startups" (used in content/a.md, content/b.md) are one topic in singular and plural; write "Startups"',
    ]);
  });

  it('warns on both when both are used as often', () => {
    const problems = findTagNearMissProblems([article('a.md', 'Jakarta'), article('b.md', 'Jakata')], label);
    expect(problems.map((problem) => problem.file)).toEqual(['content/a.md', 'content/b.md']);
  });

  it('does not compare tags of different languages: the newsroom maps those', () => {
    const articles = [article('a.md', 'Ekonomi'), article('b.md', 'Economy', 'en')];
    expect(findTagNearMissProblems(articles, label)).toEqual([]);
    expect(findTagNearMissProblems([...articles, article('c.md', 'Economy')], label)).toHaveLength(1);
  });
});
