/**
 * Turning an imported record into an article file for `npm run import`: title, summary and
 * language made from the text where the record has none, the body escaped so it reads exactly as
 * the dump did, the file placed at `YYYY/MM/<slug>.md`, and the result validated with the same
 * schema as the build. Deterministic, so a second import of the same dump writes the same bytes.
 */
import { DEFAULT_LABELS as READ_ALSO_LABELS } from '../../markdown/remark-read-also';
import { languages, type Lang } from '../../site.config';
import { readArticle } from '../content/article-file';
import { paragraphsToMarkdown, stringifyArticle, type ArticleFields } from './article-writer';
import { parseArticleDate } from '../core/dates';
import { summaryFromParagraph, titleFromText } from './headline';
import type { ImportRecord } from './import-records';
import { detectLanguage } from './language';
import { articleFilePath, formatFrontmatterDate, slugFromTitle } from './new-article';
import type { Problem } from '../core/problems';

/** Settings of an import run. */
export interface ImportOptions {
  /** Site time zone. */
  timeZone: string;
  /** Language of records whose language is neither given nor detectable. */
  defaultLang: Lang;
  /** Language forced by `--lang` for records that do not name their own. */
  lang?: Lang;
}

/** An article made from a record, ready to be written. */
export interface ImportedArticle {
  /** The record it came from. */
  record: ImportRecord;
  /** Path below the content folder, e.g. `2023/09/korea-utara-atau-korut.md`. */
  file: string;
  /** URL slug. */
  slug: string;
  /** Site-relative permalink. */
  permalink: string;
  /** The whole file. */
  text: string;
}

/** The outcome of turning one record into an article. */
export type ImportResult = { ok: true; article: ImportedArticle } | { ok: false; problems: Problem[] };

const READ_ALSO_LINE = new RegExp(
  `^\\s*(?:${READ_ALSO_LABELS.map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*:`,
  'i',
);

/**
 * Splits plain text into paragraphs at blank lines. Lines within a paragraph are joined (dumps
 * wrap lines anywhere), except "read also" promo lines, which stay paragraphs of their own so the
 * Markdown pipeline can recognise them.
 */
export function splitParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    let current: string[] = [];
    const flush = () => {
      const paragraph = current.join(' ').replace(/\s+/g, ' ').trim();
      if (paragraph !== '') paragraphs.push(paragraph);
      current = [];
    };
    for (const line of block.split('\n')) {
      if (READ_ALSO_LINE.test(line)) {
        flush();
        current.push(line);
        flush();
      } else {
        current.push(line);
      }
    }
    flush();
  }
  return paragraphs;
}

function textList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') {
    return value
      .split(/[,;|]/)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.map((item) => item.trim()).filter((item) => item !== '');
  }
  return undefined;
}

function optionalText(value: unknown): string | undefined | false {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return false;
  const text = value.trim().replace(/\s+/g, ' ');
  return text === '' ? undefined : text;
}

/** Turns one record into an article file, or says why the record cannot be used. */
export function buildImportedArticle(record: ImportRecord, options: ImportOptions): ImportResult {
  const problems: Problem[] = [];
  const fail = (field: string, message: string) =>
    problems.push({ file: record.source, line: record.line, field, message, severity: 'error' });
  const { fields } = record;

  const body = typeof fields['body'] === 'string' ? splitParagraphs(fields['body']) : [];
  if (fields['body'] !== undefined && typeof fields['body'] !== 'string') fail('body', 'must be text');
  else if (body.length === 0) fail('body', 'is empty; an article needs its text');

  const rawDate = fields['date'];
  const date = typeof rawDate === 'string' ? parseArticleDate(rawDate, options.timeZone) : undefined;
  if (rawDate === undefined) fail('date', 'is required, e.g. 2023-09, 2023-09-06 or 2023-09-06T14:30:00+07:00');
  else if (!date) fail('date', 'must be text such as 2023-09-06');
  else if (!date.ok) fail('date', date.reason);

  const langField = optionalText(fields['lang']);
  const recordLang = typeof langField === 'string' ? langField.toLowerCase() : undefined;
  if (langField === false || (recordLang !== undefined && !(languages as readonly string[]).includes(recordLang))) {
    fail('lang', `must be one of: ${languages.join(', ')}`);
  }
  const lang: Lang =
    (recordLang as Lang | undefined) ?? options.lang ?? detectLanguage(body.join('\n')) ?? options.defaultLang;

  const givenTitle = optionalText(fields['title']);
  if (givenTitle === false) fail('title', 'must be text');
  else if (givenTitle === undefined && !record.deriveTitle) fail('title', 'is required');
  const title = givenTitle || (body[0] ? titleFromText(body[0], lang) : '');

  const givenSummary = optionalText(fields['summary']);
  if (givenSummary === false) fail('summary', 'must be text');
  const summary = givenSummary || (body[0] ? summaryFromParagraph(body[0], lang) : undefined);

  const tags = textList(fields['tags']);
  if (!tags) fail('tags', 'must be text ("a, b") or a list of text');
  const authors = textList(fields['authors']);
  if (!authors) fail('authors', 'must be text ("a, b") or a list of text');

  const sourceName = optionalText(fields['source']);
  const sourceUrl = optionalText(fields['url']);
  if (sourceName === false) fail('source', 'must be text: the name of the original source');
  if (sourceUrl === false) fail('url', 'must be text: the address of the original report');
  let source: ArticleFields['source'];
  if (typeof sourceUrl === 'string') {
    let host: string | undefined;
    try {
      host = new URL(sourceUrl).hostname.replace(/^www\./, '');
    } catch {
      fail('url', `"${sourceUrl}" is not a full http:// or https:// address`);
    }
    if (host !== undefined) source = { name: sourceName || host, url: sourceUrl };
  } else if (typeof sourceName === 'string') {
    source = { name: sourceName };
  }

  if (problems.length > 0 || !date?.ok) return { ok: false, problems };

  const slug = slugFromTitle(title, lang);
  if (slug === '') {
    fail('title', `"${title}" has no letters or digits to make a URL slug from`);
    return { ok: false, problems };
  }
  const file = articleFilePath(date.value.date, slug, options.timeZone);
  const text = stringifyArticle(
    {
      title,
      date: formatFrontmatterDate(date.value, options.timeZone),
      ...(summary ? { summary } : {}),
      tags: tags ?? [],
      authors: authors ?? [],
      ...(source ? { source } : {}),
      lang,
    },
    paragraphsToMarkdown(body),
  );

  // The file must pass the very validation the build runs; anything it reports is the record's fault.
  const checked = readArticle(file, text, { timeZone: options.timeZone, defaultLang: options.defaultLang });
  if (!checked.article) {
    return {
      ok: false,
      problems: checked.problems.map((problem) => ({ ...problem, file: record.source, line: record.line })),
    };
  }
  return { ok: true, article: { record, file, slug, permalink: checked.article.permalink, text } };
}

/** What an import does with one article, given what is already at its path. */
export type ImportAction = 'create' | 'unchanged' | 'edited';

/** Decides what to do with an article file: create it, leave an identical one, or leave an edited one alone. */
export function decideImport(generated: string, existing: string | undefined): ImportAction {
  if (existing === undefined) return 'create';
  return existing === generated ? 'unchanged' : 'edited';
}

/** An article with its final path, or a record found to repeat an earlier one. */
export type PlacedArticle = { article: ImportedArticle } | { duplicateOf: ImportedArticle; record: ImportRecord };

/**
 * Gives every article of a run its own file. A record identical to an earlier one is a duplicate;
 * a different article that would land on an earlier one's path gets the next free slug (`-2`),
 * decided by input order, so a re-run places every record where it did before.
 */
export function placeArticles(articles: readonly ImportedArticle[], options: ImportOptions): PlacedArticle[] {
  const taken = new Map<string, ImportedArticle>();
  const placed: PlacedArticle[] = [];
  for (const article of articles) {
    const first = taken.get(article.file);
    if (!first) {
      taken.set(article.file, article);
      placed.push({ article });
      continue;
    }
    if (first.text === article.text) {
      placed.push({ duplicateOf: first, record: article.record });
      continue;
    }
    let n = 2;
    const base = article.file.replace(/\.md$/, '');
    while (taken.has(`${base}-${n}.md`)) n += 1;
    const slug = `${article.slug}-${n}`;
    const file = `${base}-${n}.md`;
    // The slug comes from the file name, so the permalink follows; the text itself is unchanged.
    const checked = readArticle(file, article.text, { timeZone: options.timeZone, defaultLang: options.defaultLang });
    const moved = { ...article, file, slug, permalink: checked.article?.permalink ?? article.permalink };
    taken.set(file, moved);
    placed.push({ article: moved });
  }
  return placed;
}
