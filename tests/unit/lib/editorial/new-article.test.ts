import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../../src/lib/content/article-file';
import { parseArticleDate, type ArticleDate } from '../../../../src/lib/core/dates';
import {
  articleFilePath,
  createNewArticle,
  matchSeriesName,
  otherLanguage,
  shortenSlug,
  slugFromTitle,
  translationEntry,
} from '../../../../src/lib/editorial/new-article';

const timeZone = 'Asia/Jakarta';

function date(text: string): ArticleDate {
  const parsed = parseArticleDate(text, timeZone);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

describe('slugs for new articles', () => {
  it('cuts a long slug at a hyphen', () => {
    expect(shortenSlug('satu-dua-tiga-empat', 12)).toBe('satu-dua');
    expect(shortenSlug('pendek', 12)).toBe('pendek');
  });

  it('makes a slug from a long title without a dangling word at the end', () => {
    const slug = slugFromTitle(
      'Korea Utara atau Korut menjadi pemasok senjata dengan menjual jutaan peluru artileri',
      'id',
    );
    expect(slug).toBe('korea-utara-atau-korut-menjadi-pemasok-senjata');
  });
});

describe('articleFilePath', () => {
  it('files an article by its month in the site time zone', () => {
    expect(articleFilePath(date('2024-01-31T20:00:00Z').date, 'a', timeZone)).toBe('2024/02/a.md');
    expect(articleFilePath(date('2023-09').date, 'a', timeZone)).toBe('2023/09/a.md');
  });
});

describe('createNewArticle', () => {
  it('writes complete frontmatter that the build accepts', () => {
    const article = createNewArticle({
      title: 'Banjir Rendam Jakarta',
      date: date('2025-01-05T14:30:00+07:00'),
      timeZone,
      lang: 'id',
      tags: ['Banjir', 'Jakarta'],
      authors: ['Rina'],
      summary: 'Hujan semalaman.',
      draft: true,
    });
    expect(article.file).toBe('2025/01/banjir-rendam-jakarta.md');
    expect(article.text).toBe(
      [
        '---',
        'title: Banjir Rendam Jakarta',
        'date: 2025-01-05T14:30:00+07:00',
        'summary: Hujan semalaman.',
        'tags: [Banjir, Jakarta]',
        'authors: [Rina]',
        'lang: id',
        'draft: true',
        '',
        '# More fields (updated, source, slug, aliases, image, corrections): see docs/editors-guide.md',
        '---',
        '',
      ].join('\n'),
    );
    const read = readArticle(article.file, article.text, { timeZone, defaultLang: 'id' });
    expect(read.problems).toEqual([]);
    expect(read.article?.permalink).toBe('/2025/01/05/banjir-rendam-jakarta/');
  });

  it('uses a given slug for the file name', () => {
    const article = createNewArticle({
      title: 'Apa Saja',
      date: date('2025-02'),
      timeZone,
      lang: 'en',
      tags: [],
      authors: [],
      slug: 'Nama Lain',
      draft: false,
    });
    expect(article.file).toBe('2025/02/nama-lain.md');
    expect(article.text).toContain('\ndate: 2025-02\n');
    expect(article.text).toContain('\ndraft: false\n');
  });

  it('writes an empty summary line to fill in, which counts as no summary until it is', () => {
    const article = createNewArticle({
      title: 'Banjir',
      date: date('2025-01-05'),
      timeZone,
      lang: 'id',
      tags: [],
      authors: [],
      draft: true,
    });
    expect(article.text).toContain('\ndate: 2025-01-05\nsummary: ""\ntags: []\n');
    const read = readArticle(article.file, article.text, { timeZone, defaultLang: 'id' });
    expect(read.problems).toEqual([]);
    expect(read.article?.frontmatter.summary).toBeUndefined();
    expect(read.article?.lineOf(['summary'])).toBe(4);
  });
});

describe('a new article in a series, or in another language', () => {
  const base = {
    title: 'Kim and Putin Meet at Vostochny',
    date: date('2023-09-13T20:00'),
    timeZone,
    lang: 'en' as const,
    tags: [],
    authors: [],
    draft: true,
  };

  it('writes series: as the archive already spells it, whatever the case or spacing given', () => {
    expect(matchSeriesName('  korea utara–rusia ', ['Pemilu 2024', 'Korea Utara–Rusia'])).toBe('Korea Utara–Rusia');
    expect(matchSeriesName('Banjir Jakarta ', ['Korea Utara–Rusia'])).toBe('Banjir Jakarta');
    const article = createNewArticle({ ...base, series: 'Korea Utara–Rusia' });
    expect(article.text).toContain('\nseries: Korea Utara–Rusia\n');
    expect(readArticle(article.file, article.text, { timeZone, defaultLang: 'id' }).article?.frontmatter.series).toBe(
      'Korea Utara–Rusia',
    );
  });

  it('names the other version by file name in one folder, else from the content folder', () => {
    expect(translationEntry('2023/09/a.md', '2023/09/b.md')).toBe('b.md');
    expect(translationEntry('2023/10/a.md', '2023/09/b.md')).toBe('/2023/09/b.md');
    expect(otherLanguage('id', ['id', 'en'])).toBe('en');
    expect(otherLanguage('en', ['id', 'en'])).toBe('id');
    expect(otherLanguage('id', ['id'])).toBeUndefined();
  });

  it("links to the article it translates, or shares that article's story: key", () => {
    const linked = createNewArticle({
      ...base,
      translationOf: { file: '2023/09/kim-putin.md', lang: 'id', translations: [] },
    });
    expect(linked.file).toBe('2023/09/kim-and-putin-meet-at-vostochny.md');
    expect(linked.text).toContain('\ntranslations: [kim-putin.md]\n');
    expect(linked.text).not.toContain('story:');
    const shared = createNewArticle({
      ...base,
      translationOf: { file: '2023/09/kim-putin.md', lang: 'id', story: 'kim-putin-2023', translations: [] },
    });
    expect(shared.text).toContain('\nstory: kim-putin-2023\n');
    expect(shared.text).not.toContain('translations:');
    expect(readArticle(shared.file, shared.text, { timeZone, defaultLang: 'id' }).problems).toEqual([]);
  });
});
