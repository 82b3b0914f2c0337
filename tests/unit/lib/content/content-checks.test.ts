import { describe, expect, it } from 'vitest';
import { readArticle, type ArticleRecord } from '../../../../src/lib/content/article-file';
import { checkContentFolder, type ContentCheckOptions } from '../../../../src/lib/content/content-checks';
import { formatProblem } from '../../../../src/lib/core/problems';

function article(file: string, ...lines: string[]): ArticleRecord {
  const result = readArticle(file, lines.join('\n'), { timeZone: 'Asia/Jakarta', defaultLang: 'id' });
  if (!result.article) throw new Error(JSON.stringify(result.problems));
  return result.article;
}

const options: ContentCheckOptions = {
  contentDir: '/c',
  publicDir: '/p',
  timeZone: 'Asia/Jakarta',
  pageSize: 10,
  staticPaths: ['/favicon.svg'],
  now: new Date('2025-01-01T00:00:00Z'),
  label: (file) => `content/${file}`,
  displayPath: (absolute) => absolute,
  fileExists: async (absolute) => ['/c/2022/09/foto.jpg', '/p/gambar/peta.png'].includes(absolute),
};

async function check(...articles: ArticleRecord[]): Promise<string[]> {
  return (await checkContentFolder(articles, options)).map(formatProblem);
}

const target = article(
  '2022/09/korut.md',
  '---',
  'title: Korut',
  'date: 2022-09-06',
  'tags: [Korea Utara]',
  '---',
  'Isi.',
);

describe('checkContentFolder', () => {
  it('finds nothing wrong with links and images that resolve', async () => {
    const linking = article(
      '2022/09/induk.md',
      '---',
      'title: Induk',
      'date: 2022-09-07',
      'image: { src: foto.jpg, alt: Foto }',
      '---',
      '[a](/2022/09/06/korut/#kutipan) [b](/tags/korea-utara/) [c](/2022/09/) [d](https://example.org/x)',
      '[e](/favicon.svg) [f](#atas) [g](mailto:redaksi@example.org) [h](//cdn.example.org/x)',
      '![peta](/gambar/peta.png) ![luar](https://example.org/a.png)',
    );
    expect(await check(target, linking)).toEqual([]);
  });

  it('reports a link to a missing article on its file line, suggesting the article with that slug', async () => {
    const linking = article(
      '2022/09/induk.md',
      '---',
      'title: Induk',
      'date: 2022-09-07',
      '---',
      '',
      'Lihat [x](/2022/09/05/korut/).',
    );
    expect(await check(target, linking)).toEqual([
      'content/2022/09/induk.md:6: body: link to /2022/09/05/korut/ points to no article or page; did you mean /2022/09/06/korut/ (content/2022/09/korut.md)?',
    ]);
  });

  it('suggests the article whose slug is closest to a misspelt one, and the closest file for a .md link', async () => {
    const other = article('2022/09/korea-selatan.md', '---', 'title: Korsel', 'date: 2022-09-06', '---', 'Isi.');
    const linking = article(
      '2022/09/induk.md',
      '---',
      'title: Induk',
      'date: 2022-09-07',
      '---',
      '[a](/2022/09/06/korutt/) [b](/2022/09/06/korea-seltan) [c](korea-selatn.md) [d](/2022/09/06/lain-sekali/)',
    );
    expect(await check(target, other, linking)).toEqual([
      'content/2022/09/induk.md:5: body: link to /2022/09/06/korutt/ points to no article or page; did you mean /2022/09/06/korut/ (content/2022/09/korut.md)?',
      'content/2022/09/induk.md:5: body: link to /2022/09/06/korea-seltan points to no article or page; did you mean /2022/09/06/korea-selatan/ (content/2022/09/korea-selatan.md)?',
      'content/2022/09/induk.md:5: body: link to korea-selatn.md points to no article file (looked for content/2022/09/korea-selatn.md); did you mean content/2022/09/korea-selatan.md?',
      'content/2022/09/induk.md:5: body: link to /2022/09/06/lain-sekali/ points to no article or page of this site; check the date and slug in the address',
    ]);
  });

  it('accepts a relative link to an article file, and names one that is missing or has errors', async () => {
    const linking = article(
      '2022/09/induk.md',
      '---',
      'title: Induk',
      'date: 2022-09-07',
      '---',
      '[a](korut.md#latar) [b](rusak.md) [c](../08/hilang.md) [d](../../../luar.md)',
    );
    const problems = await checkContentFolder([target, linking], {
      ...options,
      files: ['2022/09/induk.md', '2022/09/korut.md', '2022/09/rusak.md'],
    });
    expect(problems.map(formatProblem)).toEqual([
      'content/2022/09/induk.md:5: body: link to rusak.md points to content/2022/09/rusak.md, which has errors of its own; the link works once they are fixed',
      'content/2022/09/induk.md:5: body: link to ../08/hilang.md points to no article file (looked for content/2022/08/hilang.md)',
      "content/2022/09/induk.md:5: body: link to ../../../luar.md points outside the content folder; link to the article's permalink instead",
    ]);
  });

  it('warns about links to drafts and scheduled articles from published ones only', async () => {
    const draft = article('d.md', '---', 'title: Draf', 'date: 2022-09-01', 'draft: true', '---', 'x');
    const later = article('l.md', '---', 'title: Nanti', 'date: 2030-01-01', '---', 'x');
    const linking = article(
      'a.md',
      '---',
      'title: A',
      'date: 2022-09-07',
      '---',
      '[d](/2022/09/01/d/) [l](/2030/01/01/l/)',
    );
    const linkingDraft = article(
      'b.md',
      '---',
      'title: B',
      'date: 2022-09-07',
      'draft: true',
      '---',
      '[d](/2022/09/01/d/)',
    );
    expect(await check(draft, later, linking, linkingDraft)).toEqual([
      'content/a.md:5: body: warning: link to /2022/09/01/d/ points to a draft (content/d.md), which the build leaves out; the link is dead until it is published',
      'content/a.md:5: body: warning: link to /2030/01/01/l/ points to an article scheduled for 1 Jan 2030 (content/l.md); the link is dead until then',
    ]);
  });

  it('reports missing lead and body images with where they were looked for', async () => {
    const withImages = article(
      '2022/09/a.md',
      '---',
      'title: A',
      'date: 2022-09-07',
      'image:',
      '  src: hilang.jpg',
      '  alt: Foto',
      '---',
      '![x](/gambar/tidak.png)',
    );
    expect(await check(withImages)).toEqual([
      'content/2022/09/a.md:5: image.src: image hilang.jpg does not exist (looked for /c/2022/09/hilang.jpg)',
      'content/2022/09/a.md:8: body: image /gambar/tidak.png does not exist (looked for /p/gambar/tidak.png)',
    ]);
  });

  it('warns once per article that spells a tag differently from the most used spelling', async () => {
    const same = article('b.md', '---', 'title: B', 'date: 2022-09-08', 'tags: [Korea Utara]', '---', 'x');
    const odd = article('c.md', '---', 'title: C', 'date: 2022-09-09', 'tags: [Politik, "korea  utara"]', '---', 'x');
    expect(await check(target, same, odd)).toEqual([
      'content/c.md:4: tags: warning: "korea utara" is written "Korea Utara" in content/2022/09/korut.md, content/b.md; use one spelling so the tag has one name',
    ]);
  });

  it('reports an alias that is a listing page of the site', async () => {
    const aliased = article(
      'a.md',
      '---',
      'title: A',
      'date: 2022-09-07',
      'aliases:',
      '  - /lama/a/',
      '  - /2022/09/',
      '---',
      'x',
    );
    expect(await check(aliased)).toEqual([
      'content/a.md:6: aliases: /2022/09/ is a page of the site; a redirect there would hide it, so remove this alias',
    ]);
  });
});

describe('findContradictingBodyDates', () => {
  it('warns at the line of a date in the text that contradicts the article date', async () => {
    const seed = article(
      '2023/09/korut.md',
      '---',
      'title: Korut',
      'date: 2023-09',
      '---',
      '',
      'Paragraf pertama.',
      '',
      'ujar pejabat AS, dikutip Selasa (6/9/2022).',
    );
    expect(await check(seed)).toEqual([
      'content/2023/09/korut.md:8: body: warning: the text is dated "Selasa (6/9/2022)" (2022-09-06), 12 months before the article\'s date 2023-09; correct "date:", or the date in the text if that is the wrong one',
    ]);
  });
});

describe('findEmptySummaries', () => {
  it('warns about an empty summary line in a published article, not in a draft still being written', async () => {
    const published = article('a.md', '---', 'title: A', 'date: 2024-01-05', 'summary: ""', '---', 'Isi.');
    const blank = article('b.md', '---', 'title: B', 'date: 2024-01-05', 'summary:', '---', 'Isi.');
    const draft = article('c.md', '---', 'title: C', 'date: 2024-01-05', 'summary: ""', 'draft: true', '---', 'Isi.');
    expect(await check(published, blank, draft)).toEqual([
      'content/a.md:4: summary: warning: is empty; write one or two sentences for lists, search results and link previews, or delete the line',
      'content/b.md:4: summary: warning: is empty; write one or two sentences for lists, search results and link previews, or delete the line',
    ]);
  });
});
