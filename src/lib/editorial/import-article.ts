/**
 * Turning an imported record into an article file for `npm run import`: title and language made
 * from the text where the record has none, the body escaped so it reads exactly as the dump did,
 * the file placed at `YYYY/MM/<slug>.md` as a draft, and the result validated with the same schema
 * as the build, with the list of what an editor must review before publishing it. Deterministic,
 * so a second import of the same dump writes the same bytes.
 */
import { DEFAULT_LABELS as READ_ALSO_LABELS } from '../../markdown/remark-read-also';
import { languages, type Lang } from '../../site.config';
import { readArticle, type ArticleRecord } from '../content/article-file';
import { paragraphsToMarkdown, stringifyArticle, type ArticleFields } from './article-writer';
import { parseArticleDate } from '../core/dates';
import { headlineFromText, TITLE_MAX_LENGTH, type MadeHeadline } from './headline';
import { contradictingDateMessage, findContradictingDates } from '../content/body-dates';
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
  /** Publish at once (`--publish`) instead of writing a draft. */
  publish?: boolean;
}

/** Something an editor must look at in an imported article before publishing it. */
export interface ReviewNote {
  /** 1-based line of the article file. */
  line: number;
  /** The field to look at: `title`, `date`, `tags`, `authors`, `summary` or `body`. */
  field: string;
  /** What to check, and how to fix it. */
  message: string;
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
  /** What an editor must review, in file order; empty when the record gave everything. */
  review: ReviewNote[];
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
  const made: MadeHeadline | undefined = givenTitle || !body[0] ? undefined : headlineFromText(body[0], lang);
  const title = givenTitle || made?.title || '';

  // The page shows the summary above the first paragraph: one that only repeats it is left out.
  const givenSummary = optionalText(fields['summary']);
  if (givenSummary === false) fail('summary', 'must be text');
  const summaryRepeatsLead =
    typeof givenSummary === 'string' && body[0] !== undefined && repeatsLead(givenSummary, body[0]);
  const summary = summaryRepeatsLead ? undefined : givenSummary || undefined;

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
      ...(options.publish ? {} : { draft: true }),
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
  const review = listReviewNotes(checked.article, { made, summaryRepeatsLead, timeZone: options.timeZone });
  return { ok: true, article: { record, file, slug, permalink: checked.article.permalink, text, review } };
}

// Whether a summary only repeats the start of the lead paragraph (a dump's summary is often the
// lead itself, or the lead shortened with "…").
function repeatsLead(summary: string, lead: string): boolean {
  const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const bareSummary = normal(summary).replace(/(?:…|\.\.\.)$/, '');
  return bareSummary !== '' && normal(lead).startsWith(bareSummary);
}

/** What an imported article leaves for an editor to check: made-up headline, missing fields, dates. */
function listReviewNotes(
  article: ArticleRecord,
  facts: { made: MadeHeadline | undefined; summaryRepeatsLead: boolean; timeZone: string },
): ReviewNote[] {
  const { frontmatter } = article;
  const line = (field: string) => article.lineOf([field]) ?? 1;
  const notes: ReviewNote[] = [];
  if (facts.made) {
    notes.push({
      line: line('title'),
      field: 'title',
      message:
        facts.made.source === 'long-sentence'
          ? `made from the first sentence, which is ${facts.made.title.length} characters long (a headline has at most ${TITLE_MAX_LENGTH}); write a shorter headline`
          : facts.made.source === 'clause'
            ? 'made from the first clause of the first sentence; check that it reads as a headline'
            : 'made from the first sentence; check that it reads as a headline',
    });
  }
  if (frontmatter.date.precision === 'month') {
    const written = formatFrontmatterDate(frontmatter.date, facts.timeZone);
    notes.push({
      line: line('date'),
      field: 'date',
      message: `only the month is known (${written}); add the day if the source gives it`,
    });
  }
  if (frontmatter.tags.length === 0) {
    notes.push({ line: line('tags'), field: 'tags', message: 'none; add the subjects, e.g. tags: [Ekonomi, Jakarta]' });
  }
  if (frontmatter.authors.length === 0) {
    notes.push({
      line: line('authors'),
      field: 'authors',
      message: 'none; add the byline if the source names the writers',
    });
  }
  if (facts.summaryRepeatsLead) {
    notes.push({
      line: article.bodyLine,
      field: 'summary',
      message: "left out: the record's summary repeats the first paragraph; write one that adds to it, or leave it out",
    });
  }
  const written = formatFrontmatterDate(frontmatter.date, facts.timeZone);
  for (const found of findContradictingDates(article.body, frontmatter.date, {
    lang: frontmatter.lang,
    timeZone: facts.timeZone,
  })) {
    notes.push({
      line: article.bodyLine + found.line,
      field: 'body',
      message: contradictingDateMessage(found, written),
    });
  }
  return notes;
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
