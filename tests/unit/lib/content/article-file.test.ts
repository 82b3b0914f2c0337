import { describe, expect, it } from 'vitest';
import {
  findCollisions,
  readArticle,
  suggestField,
  toArticleData,
  type ArticleRecord,
  type ReadArticleOptions,
} from '../../../../src/lib/content/article-file';
import { articleDataSchema } from '../../../../src/lib/content/article-schema';
import { formatProblem, sortProblems, type Problem } from '../../../../src/lib/core/problems';

const options: ReadArticleOptions = { defaultLang: 'id', timeZone: 'Asia/Jakarta' };

/** An article file: the given frontmatter lines between `---` lines, then a body. */
function file(...frontmatter: string[]): string {
  return ['---', ...frontmatter, '---', 'Isi berita.', ''].join('\n');
}

/** Reads an article that must be valid. */
function readOk(path: string, source: string, opts: ReadArticleOptions = options): ArticleRecord {
  const result = readArticle(path, source, opts);
  if (!result.article) throw new Error(`expected a valid article, got ${JSON.stringify(result.problems)}`);
  expect(result.problems).toEqual([]);
  return result.article;
}

/** Reads an article that must have problems, returning them. */
function readProblems(path: string, source: string): Problem[] {
  const result = readArticle(path, source, options);
  expect(result.article).toBeUndefined();
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

/** The one problem about `field`. */
function problemAbout(problems: Problem[], field: string): Problem {
  const found = problems.filter((problem) => problem.field === field);
  expect(found, `problems about ${field} in ${JSON.stringify(problems)}`).toHaveLength(1);
  return found[0]!;
}

describe('readArticle: a valid article', () => {
  it('gets its slug from the file name and its permalink from the date', () => {
    const article = readOk('2022/09/2022-09-06-korut.md', file('title: Korea Utara', 'date: 2022-09-06'));
    expect(article.id).toBe('2022/09/2022-09-06-korut');
    expect(article.slug).toBe('korut');
    expect(article.permalink).toBe('/2022/09/06/korut/');
    expect(article.body).toBe('Isi berita.\n');
    expect(article.frontmatter.title).toBe('Korea Utara');
  });

  it('puts a month-precision article under its month', () => {
    const article = readOk('arsip.md', file('title: Arsip', 'date: 2023-09'));
    expect(article.permalink).toBe('/2023/09/arsip/');
    expect(article.frontmatter.date.precision).toBe('month');
  });

  it('files an instant under its calendar day in the site zone', () => {
    const article = readOk('tahun-baru.md', file('title: Tahun Baru', 'date: 2023-12-31T23:30:00Z'));
    expect(article.permalink).toBe('/2024/01/01/tahun-baru/');
  });

  it('defaults lang to the site language given in the options', () => {
    expect(readOk('a.md', file('title: A', 'date: 2022-09-06')).frontmatter.lang).toBe('id');
    expect(
      readOk('a.md', file('title: A', 'date: 2022-09-06'), { ...options, defaultLang: 'en' }).frontmatter.lang,
    ).toBe('en');
    expect(readOk('a.md', file('title: A', 'date: 2022-09-06', 'lang: en')).frontmatter.lang).toBe('en');
  });

  it('trims tags and drops spellings that differ only in case', () => {
    const article = readOk(
      'a.md',
      file('title: A', 'date: 2022-09-06', 'tags: ["  Politik ", politik, POLITIK, "Ekonomi   Makro", ""]'),
    );
    expect(article.frontmatter.tags).toEqual(['Politik', 'Ekonomi Makro']);
  });

  it('accepts a single text for tags and authors as a list of one', () => {
    const article = readOk('a.md', file('title: A', 'date: 2022-09-06', 'tags: Politik', 'authors: Budi Santoso'));
    expect(article.frontmatter.tags).toEqual(['Politik']);
    expect(article.frontmatter.authors).toEqual(['Budi Santoso']);
  });

  it('slugifies a "slug:" override', () => {
    const article = readOk('a.md', file('title: A', 'date: 2022-09-06', 'slug: Korea Utara Luncurkan Rudal!'));
    expect(article.slug).toBe('korea-utara-luncurkan-rudal');
    expect(article.permalink).toBe('/2022/09/06/korea-utara-luncurkan-rudal/');
  });

  it('normalises good aliases to end with "/" and decodes %-escapes', () => {
    const article = readOk(
      'a.md',
      file('title: A', 'date: 2022-09-06', 'aliases: [/lama/berita-123, /lama/ok/, /news/old.html, /berita/caf%C3%A9]'),
    );
    expect(article.frontmatter.aliases).toEqual(['/lama/berita-123/', '/lama/ok/', '/news/old.html', '/berita/café/']);
  });

  it('makes "updated" the latest correction when a correction is later', () => {
    const article = readOk(
      'a.md',
      file(
        'title: A',
        'date: 2022-09-06',
        'updated: 2022-09-07',
        'corrections:',
        '  - date: 2022-09-10T10:00:00+07:00',
        '    text: Nama menteri diperbaiki',
        '  - date: 2022-09-08',
        '    text: Salah ketik',
      ),
    );
    expect(article.updated?.toISOString()).toBe('2022-09-10T03:00:00.000Z');
  });

  it('keeps "updated" when it is later than every correction', () => {
    const article = readOk(
      'a.md',
      file(
        'title: A',
        'date: 2022-09-06',
        'updated: 2022-09-20',
        'corrections:',
        '  - date: 2022-09-10',
        '    text: X',
      ),
    );
    expect(article.updated?.toISOString()).toBe('2022-09-19T17:00:00.000Z');
  });

  it('takes a correction as the update when "updated" is not set', () => {
    const article = readOk(
      'a.md',
      file('title: A', 'date: 2022-09-06', 'corrections:', '  - date: 2022-09-10', '    text: X'),
    );
    expect(article.updated?.toISOString()).toBe('2022-09-09T17:00:00.000Z');
  });

  it('has no "updated" when neither updated nor corrections are given', () => {
    expect(readOk('a.md', file('title: A', 'date: 2022-09-06')).updated).toBeUndefined();
  });
});

describe('readArticle: problems', () => {
  it('reports a missing title on the field "title" with a line', () => {
    const problem = problemAbout(readProblems('a.md', file('date: 2022-09-06')), 'title');
    expect(problem).toEqual({ file: 'a.md', line: 1, field: 'title', message: 'is required', severity: 'error' });
  });

  it('reports a missing date with an example', () => {
    const problem = problemAbout(readProblems('a.md', file('title: A')), 'date');
    expect(problem.message).toMatch(/is required, e\.g\. 2022-09-06/);
  });

  it('reports an impossible date on its line, with the reason', () => {
    const problem = problemAbout(readProblems('a.md', file('title: A', 'date: 2023-02-30')), 'date');
    expect(problem.line).toBe(3);
    expect(problem.message).toBe('2023-02-30 is not a day in the calendar (that month has 28 days)');
  });

  it('suggests "tags" for "tag:"', () => {
    const problem = problemAbout(readProblems('a.md', file('title: A', 'date: 2022-09-06', 'tag: [Politik]')), 'tag');
    expect(problem.line).toBe(4);
    expect(problem.message).toBe('unknown field; did you mean "tags"?');
  });

  it('lists the known fields for an unknown field it cannot place', () => {
    const problem = problemAbout(readProblems('a.md', file('title: A', 'date: 2022-09-06', 'xyzzy: 1')), 'xyzzy');
    expect(problem.message).toMatch(/^unknown field; known fields are title, date, /);
  });

  it('names the field and what was written when a value has the wrong type', () => {
    const problems = readProblems(
      'a.md',
      file('title: 42', 'date: 2022-09-06', 'tags: 7', 'draft: yes', 'lang: fr', 'source: Antara', 'image: foto.jpg'),
    );
    expect(problemAbout(problems, 'title')).toMatchObject({ line: 2, message: 'must be text, not a number (42)' });
    expect(problemAbout(problems, 'tags')).toMatchObject({
      line: 4,
      message: expect.stringMatching(/not a number \(7\)/),
    });
    expect(problemAbout(problems, 'draft')).toMatchObject({ line: 5, message: 'must be true or false' });
    expect(problemAbout(problems, 'lang')).toMatchObject({ line: 6, message: 'must be one of: id, en' });
    expect(problemAbout(problems, 'source')).toMatchObject({
      line: 7,
      message: 'must be a mapping with name and url, not text ("Antara")',
    });
    expect(problemAbout(problems, 'image')).toMatchObject({ line: 8, message: expect.stringMatching(/src and alt/) });
  });

  it('names a nested field by its path', () => {
    const problems = readProblems(
      'a.md',
      file('title: A', 'date: 2022-09-06', 'source:', '  name: Antara', '  url: ftp://antaranews.com/x'),
    );
    expect(problemAbout(problems, 'source.url')).toMatchObject({
      line: 6,
      message: 'must be a full http:// or https:// address',
    });
  });

  it('returns every problem of a file at once, not only the first', () => {
    const problems = readProblems(
      'a.md',
      file('title: ""', 'date: 2023-13-01', 'titel: Salah', 'draft: "no"', 'aliases: ["https://lama.example/x"]'),
    );
    expect(problems.map((problem) => problem.field).sort()).toEqual(['aliases.0', 'date', 'draft', 'titel', 'title']);
    expect(problems.every((problem) => problem.file === 'a.md' && problem.severity === 'error')).toBe(true);
  });

  it('reports "updated" before "date" together with other problems of the file', () => {
    const problems = readProblems('a.md', file('date: 2022-09-06', 'updated: 2022-09-01'));
    expect(problems.map((problem) => problem.field).sort()).toEqual(['title', 'updated']);
  });

  it('reports a digits-only slug together with other problems of the file', () => {
    const problems = readProblems('2022-09-06-123.md', file('date: 2022-09-06'));
    expect(problems.map((problem) => problem.field).sort()).toEqual(['slug', 'title']);
  });

  it('refuses "updated" before "date"', () => {
    const problem = problemAbout(
      readProblems('a.md', file('title: A', 'date: 2022-09-06', 'updated: 2022-09-05')),
      'updated',
    );
    expect(problem.line).toBe(4);
    expect(problem.message).toMatch(/is before date/);
  });

  it('refuses a correction dated before the article', () => {
    const problems = readProblems(
      'a.md',
      file('title: A', 'date: 2022-09-06', 'corrections:', '  - date: 2022-09-01', '    text: X'),
    );
    expect(problemAbout(problems, 'corrections.0.date')).toMatchObject({
      line: 5,
      message: 'is before the article date',
    });
  });

  it('refuses aliases that climb out of the site or point elsewhere', () => {
    const problems = readProblems(
      'a.md',
      file(
        'title: A',
        'date: 2022-09-06',
        'aliases:',
        '  - /lama/../rahasia/',
        '  - /lama/%2e%2e/rahasia/',
        '  - https://evil.example/',
        '  - //evil.example/x',
        '  - lama/relatif/',
        '  - /dengan spasi/',
        '  - /rusak/%E0%A4%A/',
      ),
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'aliases.0',
      'aliases.1',
      'aliases.2',
      'aliases.3',
      'aliases.4',
      'aliases.5',
      'aliases.6',
    ]);
    expect(problemAbout(problems, 'aliases.0').message).toMatch(/may not contain "\.\."/);
    expect(problemAbout(problems, 'aliases.1').message).toMatch(/may not contain "\.\."/);
    expect(problemAbout(problems, 'aliases.2').message).toMatch(/not a full address/);
    expect(problemAbout(problems, 'aliases.3').message).toMatch(/not a full address/);
    expect(problemAbout(problems, 'aliases.6').message).toMatch(/broken %-escape/);
    expect(problemAbout(problems, 'aliases.3').line).toBe(8);
  });

  it('refuses an alias that becomes //host once decoded', () => {
    const problems = readProblems('a.md', file('title: A', 'date: 2022-09-06', 'aliases: ["/%2Fevil.example/x"]'));
    expect(problemAbout(problems, 'aliases.0').message).toMatch(/not a full address/);
  });

  it('refuses a slug of digits only, from the file name or from "slug:"', () => {
    const fromFile = problemAbout(readProblems('2022-09-06-123.md', file('title: A', 'date: 2022-09-06')), 'slug');
    expect(fromFile).toMatchObject({ line: 1, message: expect.stringMatching(/"123" is only digits/) });
    const fromField = problemAbout(readProblems('a.md', file('title: A', 'date: 2022-09-06', 'slug: "2024"')), 'slug');
    expect(fromField).toMatchObject({ line: 4, message: expect.stringMatching(/"2024" is only digits/) });
  });

  it('refuses a slug that comes out empty', () => {
    const problem = problemAbout(readProblems('a.md', file('title: A', 'date: 2022-09-06', 'slug: "!!!"')), 'slug');
    expect(problem.message).toMatch(/gives an empty URL slug/);
  });

  it('reports a __proto__ key as an unknown field', () => {
    const problem = problemAbout(
      readProblems('a.md', file('__proto__:', '  polluted: yes', 'title: A', 'date: 2022-09-06')),
      '__proto__',
    );
    expect(problem.line).toBe(2);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('turns frontmatter syntax errors into problems on the field "frontmatter"', () => {
    expect(readProblems('a.md', '')).toEqual([
      { file: 'a.md', line: 1, field: 'frontmatter', message: expect.stringMatching(/empty/), severity: 'error' },
    ]);
    expect(problemAbout(readProblems('a.md', file('title: A', 'title: B')), 'frontmatter').line).toBe(3);
  });

  it('names the offending item when a list holds a non-text value', () => {
    const problems = readProblems('a.md', file('title: A', 'date: 2022-09-06', 'tags: [Politik, 5]'));
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(/a number \(5\)/);
  });
});

describe('suggestField', () => {
  it('suggests the field a misspelling was meant to be', () => {
    expect(suggestField('tag')).toBe('tags');
    expect(suggestField('Tag')).toBe('tags');
    expect(suggestField('titel')).toBe('title');
    expect(suggestField('author')).toBe('authors');
    expect(suggestField('summery')).toBe('summary');
    expect(suggestField('corection')).toBe('corrections');
  });

  it('suggests nothing for a word far from every field', () => {
    expect(suggestField('xyzzy')).toBeUndefined();
    expect(suggestField('kategori')).toBeUndefined();
  });
});

describe('toArticleData', () => {
  it('flattens an article into the stored shape, which its own schema accepts', () => {
    const article = readOk(
      '2022/09/korut.md',
      file(
        'title: Korea Utara',
        'date: 2022-09-06T14:30:00+07:00',
        'summary: Ringkasan.',
        'tags: [Politik]',
        'authors: [Budi]',
        'source:',
        '  name: Antara',
        'image:',
        '  src: foto.jpg',
        '  alt: Peluncuran rudal',
        'corrections:',
        '  - date: 2022-09-07',
        '    text: Nama diperbaiki',
      ),
    );
    const data = toArticleData(article);
    expect(articleDataSchema.parse(data)).toEqual(data);
    expect(data).toMatchObject({
      title: 'Korea Utara',
      datePrecision: 'instant',
      summary: 'Ringkasan.',
      tags: ['Politik'],
      authors: ['Budi'],
      source: { name: 'Antara' },
      lang: 'id',
      draft: false,
      slug: 'korut',
      permalink: '/2022/09/06/korut/',
      aliases: [],
      image: { src: 'foto.jpg', alt: 'Peluncuran rudal' },
      file: '2022/09/korut.md',
    });
    expect(data.date.toISOString()).toBe('2022-09-06T07:30:00.000Z');
    expect(data.updated?.toISOString()).toBe('2022-09-06T17:00:00.000Z');
    expect(data.corrections).toEqual([
      { date: new Date('2022-09-06T17:00:00Z'), datePrecision: 'day', text: 'Nama diperbaiki' },
    ]);
    expect(data.source).not.toHaveProperty('url');
    expect(data.image).not.toHaveProperty('caption');
  });

  it('leaves out optional fields that were not written', () => {
    const data = toArticleData(readOk('a.md', file('title: A', 'date: 2022-09-06')));
    for (const key of ['updated', 'summary', 'source', 'image']) expect(data).not.toHaveProperty(key);
  });
});

describe('findCollisions', () => {
  const korut = readOk('2022/09/korut.md', file('title: Korea Utara', 'date: 2022-09-06'));
  const korutCopy = readOk('2022/09/salinan.md', file('title: Salinan', 'date: 2022-09-06', 'slug: korut'));
  const other = readOk('2022/09/lain.md', file('title: Lain', 'date: 2022-09-06'));

  it('finds nothing among articles at distinct permalinks', () => {
    expect(findCollisions([korut, other])).toEqual([]);
  });

  it('reports both files at one permalink, each at the line that makes its slug, whatever their order', () => {
    for (const articles of [
      [korut, korutCopy],
      [korutCopy, korut],
    ]) {
      // Same date: the later path is taken as the newer file.
      // The label names the other files in messages; the caller labels each problem's own file.
      expect(sortProblems(findCollisions(articles, (name) => `content/${name}`)).map(formatProblem)).toEqual([
        '2022/09/salinan.md:4: slug: has the same permalink /2022/09/06/korut/ as content/2022/09/korut.md:1; give one of them a different "slug:"',
        '2022/09/korut.md:1: slug: has the same permalink /2022/09/06/korut/ as content/2022/09/salinan.md:4; give one of them a different "slug:" (this one comes from the file name)',
      ]);
    }
  });

  it('lists the newer article first: the later date, then the file changed last', () => {
    const morning = readOk('2022/09/b-pagi.md', file('title: Pagi', 'date: 2022-09-06T08:00', 'slug: sama'));
    const evening = readOk('2022/09/a-malam.md', file('title: Malam', 'date: 2022-09-06T20:00', 'slug: sama'));
    expect(sortProblems(findCollisions([morning, evening])).map((p) => p.file)).toEqual([
      '2022/09/a-malam.md',
      '2022/09/b-pagi.md',
    ]);
    const changed = { '2022/09/korut.md': 2_000, '2022/09/salinan.md': 1_000 } as Record<string, number>;
    const problems = sortProblems(findCollisions([korut, korutCopy], undefined, { modifiedAt: (f) => changed[f] }));
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['2022/09/korut.md:1', '2022/09/salinan.md:4']);
  });

  it('keeps the files of one permalink together in a sorted report, whatever lies between them', () => {
    const between = { file: '2022/09/lain.md', line: 3, field: 'tags', message: 'x', severity: 'error' as const };
    const problems = sortProblems([...findCollisions([korut, korutCopy]), between]);
    expect(problems.map((p) => p.file)).toEqual(['2022/09/lain.md', '2022/09/salinan.md', '2022/09/korut.md']);
  });

  it('names every other file when three articles share a permalink', () => {
    const third = readOk('2022/09/ketiga.md', file('title: Ketiga', 'date: 2022-09-06', 'slug: korut'));
    const problems = sortProblems(findCollisions([korut, korutCopy, third]));
    expect(problems.map((p) => p.file)).toEqual(['2022/09/salinan.md', '2022/09/korut.md', '2022/09/ketiga.md']);
    expect(problems[0]?.message).toContain('as 2022/09/korut.md:1 and 2022/09/ketiga.md:4;');
  });

  it('reports an alias that is another article’s permalink', () => {
    const redirecting = readOk(
      '2022/09/baru.md',
      file('title: Baru', 'date: 2022-09-07', 'aliases: [/2022/09/06/korut]'),
    );
    const problems = findCollisions([korut, redirecting]);
    expect(problems).toEqual([
      {
        file: '2022/09/baru.md',
        field: 'aliases',
        message: expect.stringMatching(/^\/2022\/09\/06\/korut\/ is the permalink of 2022\/09\/korut\.md/),
        severity: 'error',
      },
    ]);
  });

  it('reports one alias claimed by two articles, naming the other', () => {
    const first = readOk('a.md', file('title: A', 'date: 2022-09-06', 'aliases: [/lama/123/]'));
    const second = readOk('b.md', file('title: B', 'date: 2022-09-06', 'aliases: [/lama/123]'));
    const problems = findCollisions([first, second]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'b.md', field: 'aliases' });
    expect(problems[0]?.message).toMatch(/^\/lama\/123\/ is also an alias of a\.md/);
  });
});
