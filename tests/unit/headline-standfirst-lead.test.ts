/**
 * No article page shows one sentence three times, as headline, standfirst (the summary) and first
 * paragraph: asserted on the frontmatter and body the page is built from, for the sample articles
 * of `content/` and for articles the importer makes from the seed dump and from records.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { readArticle, type ArticleRecord } from '../../src/lib/content/article-file';
import { splitSentences } from '../../src/lib/editorial/headline';
import { buildImportedArticle } from '../../src/lib/editorial/import-article';
import { parseTextDump } from '../../src/lib/editorial/import-records';
import { fixturesDir, projectRoot } from '../helpers/build';

const options = { timeZone: 'Asia/Jakarta', defaultLang: 'id' as const };

// The sentences of a text, compared without case, spacing or closing punctuation.
function sentences(text: string, lang: 'id' | 'en'): Set<string> {
  return new Set(
    splitSentences(text, lang).map((sentence) =>
      sentence
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .replace(/[.!?…"”]+$/u, ''),
    ),
  );
}

/** Sentences that the page shows in all three places. */
function shownThreeTimes(article: ArticleRecord): string[] {
  const { title, summary, lang } = article.frontmatter;
  const lead = fromMarkdown(article.body).children.find((node) => node.type === 'paragraph');
  if (!summary || !lead) return [];
  const inLead = sentences(toString(lead), lang);
  const inSummary = sentences(summary, lang);
  return [...sentences(title, lang)].filter((sentence) => inSummary.has(sentence) && inLead.has(sentence));
}

function read(file: string, text: string): ArticleRecord {
  const result = readArticle(file, text, options);
  if (!result.article) throw new Error(JSON.stringify(result.problems));
  return result.article;
}

describe('headline, standfirst and first paragraph', () => {
  it('never repeat one sentence in a sample article', async () => {
    const contentDir = path.join(projectRoot, 'content');
    const files = await glob('**/*.md', { cwd: contentDir });
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const article = read(file, readFileSync(path.join(contentDir, file), 'utf8'));
      expect(shownThreeTimes(article), file).toEqual([]);
    }
  });

  it('never repeat one sentence in an imported article, even when the dump gives the lead as summary', () => {
    const seed = parseTextDump(readFileSync(path.join(fixturesDir, 'imports', 'seed-korut.txt'), 'utf8'), 'seed');
    const lead = 'Harga beras naik lagi. Pedagang mengeluh.';
    const records = [
      ...seed.records,
      { source: 'dump', line: 1, fields: { date: '2024-03', body: `${lead}\n\nLanjutan.` }, deriveTitle: true },
      {
        source: 'dump',
        line: 2,
        fields: { title: 'Harga beras naik lagi', summary: lead, date: '2024-03-05', body: lead },
        deriveTitle: false,
      },
    ];
    expect(records).toHaveLength(3);
    for (const record of records) {
      const result = buildImportedArticle(record, options);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const article = read(result.article.file, result.article.text);
      expect(shownThreeTimes(article), result.article.file).toEqual([]);
    }
  });

  it('are caught by this test when they do repeat one sentence', () => {
    const repeated = read(
      'a.md',
      '---\ntitle: Harga beras naik lagi\nsummary: Harga beras naik lagi.\ndate: 2024-03\n---\n\nHarga beras naik lagi. Pedagang mengeluh.\n',
    );
    expect(shownThreeTimes(repeated)).toEqual(['harga beras naik lagi']);
  });
});
