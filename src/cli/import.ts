/**
 * `npm run import -- <file|folder>… [--format text|jsonl|csv] [--out content] [--lang id|en] [--publish]`:
 * turns raw article dumps into Markdown articles, drafts unless `--publish`, idempotently: what
 * exists unchanged is left, what an editor changed is never overwritten, every record that cannot
 * be used is named, and every created article is listed with what an editor must review.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { glob } from 'tinyglobby';
import { displayPath as display, resolveContentDir } from '../files/content-folder';
import {
  buildImportedArticle,
  decideImport,
  placeArticles,
  type ImportedArticle,
} from '../lib/editorial/import-article';
import { formatFromFileName, IMPORT_FORMATS, parseDump, type ImportFormat } from '../lib/editorial/import-records';
import { formatProblem, type Problem } from '../lib/core/problems';
import { createProgress } from '../lib/editorial/progress';
import { languages, siteConfig, type Lang } from '../site.config';

const HELP = `Usage: npm run import -- <file|folder>… [--format text|jsonl|csv] [--out <folder>] [--lang id|en]
                         [--publish] [--dry-run]

Turns raw article dumps into Markdown articles at <out>/YYYY/MM/<slug>.md (out: content/, or
WARTA_CONTENT_DIR). Each article is a draft (draft: true) until an editor has reviewed it; under
each created article the run lists what to review (a headline made from the text, no tags, no
authors, a date known only to the month, a date in the text far from the article's date).

Formats (taken from the file extension unless --format is given):
  text   .txt    one article per file: a leading "date 2023-09" (or "date 2023-09-06") marker, then
                 the text, paragraphs separated by blank lines. The title is made from the first
                 sentence (or its first clause, never cut with "…"), the language is detected.
  jsonl  .jsonl  one JSON object per line
  csv    .csv    a header row, then one article per row
  jsonl and csv records have title, date and body (plain text), and optionally tags and authors
  (a list, or text separated by commas), summary, lang (id or en), source (its name) and url (the
  address of the original report). A summary is never made from the text, and one that repeats
  the first paragraph is left out: the page shows the first paragraph below it.

Dates may be YYYY-MM (month only), YYYY-MM-DD or a date-time. Importing the same dump again creates
nothing new; a file that exists with other content (an editor changed it) is never overwritten.
A folder is searched for .txt, .jsonl, .ndjson and .csv files.

Exits 1 when any record could not be used (each is listed with the reason), 0 otherwise.

Options:
  --format <f>  read every input as text, jsonl or csv
  --out <path>  write articles below this folder instead of the content folder
  --lang <l>    language of records that do not give one (instead of detecting it): id or en
  --publish     write the articles ready to publish, without draft: true
  --dry-run     report what would be done without writing anything
  -h, --help    show this help`;

async function listInputs(inputs: readonly string[], format: ImportFormat | undefined): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(input);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new Error(`${input} does not exist`);
    if (info.isDirectory()) {
      const found = await glob(format ? '**/*' : '**/*.{txt,jsonl,ndjson,csv}', { cwd: absolute, onlyFiles: true });
      files.push(...found.sort().map((file) => path.join(absolute, file)));
    } else {
      files.push(absolute);
    }
  }
  return files;
}

async function readExisting(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** What the command line asks for. */
interface ImportRequest {
  /** Files and folders to import. */
  inputs: string[];
  /** The format of every input, when `--format` names one. */
  format: ImportFormat | undefined;
  /** The folder articles are written below. */
  outDir: string;
  /** How records become articles: time zone, default language, and the language `--lang` forces. */
  options: { timeZone: string; defaultLang: Lang; lang?: Lang; publish: boolean };
  /** Report without writing. */
  dryRun: boolean;
}

// Reads the command line; `undefined` when it asks for the help text.
function readRequest(): ImportRequest | undefined {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return undefined;
  if (positionals.length === 0) throw new Error('name at least one file or folder to import; see --help');
  const format = values.format as ImportFormat | undefined;
  if (format !== undefined && !IMPORT_FORMATS.includes(format)) {
    throw new Error(`--format must be one of: ${IMPORT_FORMATS.join(', ')}`);
  }
  const lang = values.lang as Lang | undefined;
  if (lang !== undefined && !languages.includes(lang))
    throw new Error(`--lang must be one of: ${languages.join(', ')}`);
  return {
    inputs: positionals,
    format,
    outDir: values.out ? path.resolve(values.out) : resolveContentDir(),
    options: {
      timeZone: siteConfig.timeZone,
      defaultLang: siteConfig.defaultLang,
      ...(lang ? { lang } : {}),
      publish: values.publish,
    },
    dryRun: values['dry-run'],
  };
}

/** The records of every dump, as articles, and those that could not be used. */
interface ReadDumps {
  /** Articles made from usable records, in the order read. */
  articles: ImportedArticle[];
  /** Why each unusable record (or file) could not be used. */
  unusable: Problem[];
  /** Records read, usable or not. */
  recordCount: number;
}

// Reads every dump and turns its records into articles, with progress on standard error.
async function readDumps(files: readonly string[], request: ImportRequest): Promise<ReadDumps> {
  const unusable: Problem[] = [];
  const articles: ImportedArticle[] = [];
  let recordCount = 0;
  // Many files (a folder of texts) are counted by file; a single big dump by record.
  const fileProgress =
    files.length > 1
      ? createProgress({ label: 'reading dumps', total: files.length, stream: process.stderr })
      : undefined;
  for (const [fileIndex, file] of files.entries()) {
    fileProgress?.update(fileIndex);
    const fileFormat = request.format ?? formatFromFileName(file);
    if (!fileFormat) {
      unusable.push({
        file: display(file),
        field: 'file',
        message: 'has no known extension; use --format',
        severity: 'error',
      });
      continue;
    }
    const dump = parseDump(await readFile(file, 'utf8'), display(file), fileFormat);
    unusable.push(...dump.unusable);
    recordCount += dump.records.length + dump.unusable.length;
    const recordProgress = fileProgress
      ? undefined
      : createProgress({ label: `reading ${display(file)}`, total: dump.records.length, stream: process.stderr });
    dump.records.forEach((record, index) => {
      const result = buildImportedArticle(record, request.options);
      if (result.ok) articles.push(result.article);
      else unusable.push(...result.problems);
      recordProgress?.update(index + 1);
    });
    recordProgress?.finish();
  }
  fileProgress?.update(files.length);
  fileProgress?.finish();
  return { articles, unusable, recordCount };
}

/** What writing the articles did. */
interface WriteCounts {
  /** Articles written (or, in a dry run, to be written). */
  created: number;
  /** Articles whose file already holds exactly their text. */
  unchanged: number;
  /** Articles whose file holds other text, left alone. */
  edited: number;
  /** Records that repeat an earlier one. */
  duplicates: number;
  /** Created articles with something for an editor to review. */
  toReview: number;
}

// Writes each article at its place unless its file exists, saying what it did with each.
async function writeArticles(articles: readonly ImportedArticle[], request: ImportRequest): Promise<WriteCounts> {
  const { outDir, dryRun } = request;
  const counts = { created: 0, unchanged: 0, edited: 0, duplicates: 0, toReview: 0 };
  const placed = placeArticles(articles, request.options);
  const progress = createProgress({ label: 'writing articles', total: placed.length, stream: process.stderr });
  const where = (record: ImportedArticle['record']) => `${record.source}:${record.line}`;
  for (const [index, item] of placed.entries()) {
    progress.update(index);
    if ('duplicateOf' in item) {
      counts.duplicates += 1;
      progress.clear();
      console.log(`${where(item.record)}: record: skipped: repeats the record at ${where(item.duplicateOf.record)}`);
      continue;
    }
    const { article } = item;
    const target = path.join(outDir, article.file);
    const action = decideImport(article.text, await readExisting(target));
    if (action === 'unchanged') {
      counts.unchanged += 1;
    } else if (action === 'edited') {
      counts.edited += 1;
      progress.clear();
      console.log(
        `${where(article.record)}: file: skipped: ${display(target)} exists with other content ` +
          '(changed by an editor, or another article with this name); it was left as it is',
      );
    } else {
      if (!dryRun) {
        await mkdir(path.dirname(target), { recursive: true });
        // "wx" refuses to write over a file that appeared since it was looked at.
        await writeFile(target, article.text, { flag: 'wx' });
      }
      counts.created += 1;
      progress.clear();
      const state = request.options.publish ? '' : ', a draft';
      const review = article.review.length > 0 ? '; to review:' : '';
      console.log(`${dryRun ? 'would create' : 'created'} ${display(target)} (${article.permalink})${state}${review}`);
      if (article.review.length > 0) counts.toReview += 1;
      for (const note of article.review) {
        console.log(formatProblem({ file: display(target), ...note, severity: 'warning' }));
      }
    }
  }
  progress.finish();
  return counts;
}

// Lists the unusable records and prints the closing summary.
function printSummary(read: ReadDumps, fileCount: number, counts: WriteCounts, request: ImportRequest): void {
  const { dryRun } = request;
  const { unusable, recordCount } = read;
  for (const problem of unusable) console.log(formatProblem({ ...problem, message: `skipped: ${problem.message}` }));
  const skipped = counts.edited + counts.duplicates + unusable.length;
  console.log(
    `${recordCount} record${recordCount === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'}: ` +
      `${counts.created} ${dryRun ? 'to create' : 'created'}, ${counts.unchanged} unchanged, ${skipped} skipped ` +
      `(${counts.edited} edited, ${counts.duplicates} duplicate${counts.duplicates === 1 ? '' : 's'}, ${unusable.length} unusable).`,
  );
  if (counts.toReview > 0) {
    console.log(
      `${counts.toReview} ${dryRun ? 'article' : 'created article'}${counts.toReview === 1 ? ' has' : 's have'} notes to review, listed under ${counts.toReview === 1 ? 'it' : 'each'} as path:line: field: warning.`,
    );
  }
  if (counts.created > 0 && !dryRun) {
    console.log(
      request.options.publish
        ? 'Next: npm run check, to validate the whole content folder.'
        : 'Next: review each article, set "draft: false" to publish it, and run npm run check.',
    );
  }
}

async function main(): Promise<number> {
  const request = readRequest();
  if (!request) {
    console.log(HELP);
    return 0;
  }
  const files = await listInputs(request.inputs, request.format);
  const read = await readDumps(files, request);
  const counts = await writeArticles(read.articles, request);
  printSummary(read, files.length, counts, request);
  return read.unusable.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`import: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
