import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../../src/lib/content/article-file';
import {
  buildImportedArticle,
  decideImport,
  placeArticles,
  splitParagraphs,
  type ImportedArticle,
} from '../../../../src/lib/editorial/import-article';
import type { ImportRecord } from '../../../../src/lib/editorial/import-records';

const options = { timeZone: 'Asia/Jakarta', defaultLang: 'id' as const };

function record(fields: Record<string, unknown>, deriveTitle = false, line = 1): ImportRecord {
  return { source: 'dump', line, fields, deriveTitle };
}

function build(fields: Record<string, unknown>, deriveTitle = false, extra = {}): ImportedArticle {
  const result = buildImportedArticle(record(fields, deriveTitle), { ...options, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.article;
}

const INDONESIAN =
  'Korea Utara menjual jutaan peluru artileri kepada Rusia. Hal ini dilakukan karena Rusia kekurangan senjata.\n\n' +
  'Intelijen Amerika Serikat mengatakan pihak Korea Utara terdorong untuk menjual persenjataannya.\n\n' +
  'Baca Juga: Berita lain tentang Ukraina';

describe('splitParagraphs', () => {
  it('splits at blank lines and joins wrapped lines', () => {
    expect(splitParagraphs('Satu baris\nterbungkus.\n  \nDua.\n\n\n')).toEqual(['Satu baris terbungkus.', 'Dua.']);
  });

  it('keeps a "read also" line as a paragraph of its own for the Markdown pipeline', () => {
    expect(splitParagraphs('Paragraf.\nBaca juga: Lain\nLanjutan.')).toEqual([
      'Paragraf.',
      'Baca juga: Lain',
      'Lanjutan.',
    ]);
  });
});

describe('buildImportedArticle from plain text', () => {
  it('makes title and language from the text, leaves out a summary that would repeat the lead, and writes a draft', () => {
    const article = build({ date: '2023-09', body: INDONESIAN }, true);
    expect(article.file).toBe('2023/09/korea-utara-menjual-jutaan-peluru-artileri-kepada-rusia.md');
    expect(article.permalink).toBe('/2023/09/korea-utara-menjual-jutaan-peluru-artileri-kepada-rusia/');
    expect(article.text).toBe(
      [
        '---',
        'title: Korea Utara menjual jutaan peluru artileri kepada Rusia',
        'date: 2023-09',
        'tags: []',
        'authors: []',
        'lang: id',
        'draft: true',
        '---',
        '',
        'Korea Utara menjual jutaan peluru artileri kepada Rusia. Hal ini dilakukan karena Rusia kekurangan senjata.',
        '',
        'Intelijen Amerika Serikat mengatakan pihak Korea Utara terdorong untuk menjual persenjataannya.',
        '',
        'Baca Juga: Berita lain tentang Ukraina',
        '',
      ].join('\n'),
    );
  });

  it('lists what an editor must review, each at its line of the file', () => {
    const body = `${INDONESIAN}\n\nPejabat itu berbicara Selasa (6/9/2022).`;
    expect(build({ date: '2023-09', body }, true).review).toEqual([
      { line: 2, field: 'title', message: 'made from the first sentence; check that it reads as a headline' },
      { line: 3, field: 'date', message: 'only the month is known (2023-09); add the day if the source gives it' },
      { line: 4, field: 'tags', message: 'none; add the subjects, e.g. tags: [Ekonomi, Jakarta]' },
      { line: 5, field: 'authors', message: 'none; add the byline if the source names the writers' },
      {
        line: 16,
        field: 'body',
        message:
          'the text is dated "Selasa (6/9/2022)" (2022-09-06), 12 months before the article\'s date 2023-09; correct "date:", or the date in the text if that is the wrong one',
      },
    ]);
  });

  it('asks nothing of a record that gives headline, day, tags and authors', () => {
    const article = build({
      title: 'Harga Beras Naik',
      date: '2024-03-05',
      body: 'Harga beras naik.',
      tags: ['Ekonomi'],
      authors: ['Sari Dewi'],
    });
    expect(article.review).toEqual([]);
  });

  it('publishes at once with --publish', () => {
    const article = build({ date: '2023-09', body: INDONESIAN }, true, { publish: true });
    expect(article.text).not.toContain('draft');
    expect(readArticle(article.file, article.text, options).article?.frontmatter.draft).toBe(false);
  });

  it('leaves out a given summary that repeats the first paragraph, and says so', () => {
    const lead = 'Harga beras naik di pasar. Pedagang mengeluh.';
    for (const summary of [lead, 'Harga beras naik di pasar.', 'Harga beras naik di…']) {
      const article = build({ title: 'Beras', date: '2024-03-05', body: `${lead}\n\nLanjutan.`, summary });
      expect(article.text).not.toContain('summary:');
      expect(article.review.map((note) => note.field)).toContain('summary');
    }
    const own = build({ title: 'Beras', date: '2024-03-05', body: lead, summary: 'Pedagang pasar mengeluh.' });
    expect(own.text).toContain('\nsummary: Pedagang pasar mengeluh.\n');
  });

  it('writes the same bytes every time', () => {
    expect(build({ date: '2023-09', body: INDONESIAN }, true).text).toBe(
      build({ date: '2023-09', body: INDONESIAN }, true).text,
    );
  });

  it('detects English, and lets --lang decide instead', () => {
    const body = 'The storm hit the coast on Monday. Thousands of people were evacuated from low-lying areas.';
    expect(build({ date: '2024-03', body }, true).text).toContain('\nlang: en\n');
    expect(build({ date: '2024-03', body }, true, { lang: 'id' }).text).toContain('\nlang: id\n');
  });

  it('escapes text that Markdown would read as formatting, so it shows as written', () => {
    const article = build({ title: 'Tanda', date: '2024-03-01', body: '# bukan judul\n\n1. bukan daftar *miring*' });
    const parsed = readArticle(article.file, article.text, options);
    expect(parsed.article?.body).toBe('\n\\# bukan judul\n\n1\\. bukan daftar \\*miring\\*\n');
  });
});

describe('buildImportedArticle from records', () => {
  it('takes tags and authors as text or lists, and the source from source and url', () => {
    const article = build({
      title: 'Harga Beras',
      date: '2024-03-05T08:00:00Z',
      body: 'Harga beras naik.',
      tags: 'Ekonomi; Pangan',
      authors: ['Sari Dewi', 'Budi'],
      url: 'https://www.example.org/beras',
    });
    const parsed = readArticle(article.file, article.text, options).article!;
    expect(parsed.frontmatter.tags).toEqual(['Ekonomi', 'Pangan']);
    expect(parsed.frontmatter.authors).toEqual(['Sari Dewi', 'Budi']);
    expect(parsed.frontmatter.source).toEqual({ name: 'example.org', url: 'https://www.example.org/beras' });
    // The instant is written in the site time zone.
    expect(article.text).toContain('\ndate: 2024-03-05T15:00:00+07:00\n');
    expect(article.permalink).toBe('/2024/03/05/harga-beras/');
  });

  it('says why a record cannot be used, naming its line and every field at fault', () => {
    const result = buildImportedArticle(
      record({ date: '2023-02-30', body: '', lang: 'fr', tags: 7, url: 'kemarin' }, false, 12),
      options,
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`)).toEqual([
      'dump:12: body: is empty; an article needs its text',
      'dump:12: date: 2023-02-30 is not a day in the calendar (that month has 28 days)',
      'dump:12: lang: must be one of: id, en',
      'dump:12: title: is required',
      'dump:12: tags: must be text ("a, b") or a list of text',
      'dump:12: url: "kemarin" is not a full http:// or https:// address',
    ]);
  });

  it('refuses a title with nothing to make a slug from', () => {
    const result = buildImportedArticle(record({ title: '!!!', date: '2024-03', body: 'Isi.' }), options);
    expect(result.ok ? '' : result.problems[0]?.message).toBe('"!!!" has no letters or digits to make a URL slug from');
  });
});

describe('decideImport', () => {
  it('creates what is missing, leaves what is identical, and never touches what was edited', () => {
    expect(decideImport('a', undefined)).toBe('create');
    expect(decideImport('a', 'a')).toBe('unchanged');
    expect(decideImport('a', 'a\nedited')).toBe('edited');
  });
});

describe('placeArticles', () => {
  it('marks a repeated record as a duplicate and gives a different article on the same path the next slug', () => {
    const first = build({ title: 'Banjir', date: '2024-03-01', body: 'Satu.' });
    const repeat = build({ title: 'Banjir', date: '2024-03-01', body: 'Satu.' });
    const other = build({ title: 'Banjir', date: '2024-03-20', body: 'Dua.' });
    const placed = placeArticles([first, repeat, other], options);
    expect(placed.map((p) => ('article' in p ? p.article.file : `duplicate of ${p.duplicateOf.file}`))).toEqual([
      '2024/03/banjir.md',
      'duplicate of 2024/03/banjir.md',
      '2024/03/banjir-2.md',
    ]);
    const moved = placed[2];
    expect(moved && 'article' in moved ? moved.article.permalink : '').toBe('/2024/03/20/banjir-2/');
  });
});
