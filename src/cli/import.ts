/**
 * `npm run import -- <file|folder>… [--format text|jsonl|csv] [--out content] [--lang id|en]`:
 * turns raw article dumps into Markdown articles, idempotently: what exists unchanged is left,
 * what an editor changed is never overwritten, and every record that cannot be used is named.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { glob } from 'tinyglobby';
import { displayPath as display, resolveContentDir } from '../lib/content-folder';
import { buildImportedArticle, decideImport, placeArticles, type ImportedArticle } from '../lib/import-article';
import { formatFromFileName, IMPORT_FORMATS, parseDump, type ImportFormat } from '../lib/import-records';
import { formatProblem, type Problem } from '../lib/problems';
import { createProgress } from '../lib/progress';
import { languages, siteConfig, type Lang } from '../site.config';

const HELP = `Usage: npm run import -- <file|folder>… [--format text|jsonl|csv] [--out <folder>] [--lang id|en] [--dry-run]

Turns raw article dumps into Markdown articles at <out>/YYYY/MM/<slug>.md (out: content/, or
WARTA_CONTENT_DIR).

Formats (taken from the file extension unless --format is given):
  text   .txt    one article per file: a leading "date 2023-09" (or "date 2023-09-06") marker, then
                 the text, paragraphs separated by blank lines. The title is made from the first
                 sentence, the summary from the first paragraph, the language is detected.
  jsonl  .jsonl  one JSON object per line
  csv    .csv    a header row, then one article per row
  jsonl and csv records have title, date and body (plain text), and optionally tags and authors
  (a list, or text separated by commas), summary, lang (id or en), source (its name) and url (the
  address of the original report).

Dates may be YYYY-MM (month only), YYYY-MM-DD or a date-time. Importing the same dump again creates
nothing new; a file that exists with other content (an editor changed it) is never overwritten.
A folder is searched for .txt, .jsonl, .ndjson and .csv files.

Exits 1 when any record could not be used (each is listed with the reason), 0 otherwise.

Options:
  --format <f>  read every input as text, jsonl or csv
  --out <path>  write articles below this folder instead of the content folder
  --lang <l>    language of records that do not give one (instead of detecting it): id or en
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

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length === 0) throw new Error('name at least one file or folder to import; see --help');
  const format = values.format as ImportFormat | undefined;
  if (format !== undefined && !IMPORT_FORMATS.includes(format)) {
    throw new Error(`--format must be one of: ${IMPORT_FORMATS.join(', ')}`);
  }
  const lang = values.lang as Lang | undefined;
  if (lang !== undefined && !languages.includes(lang))
    throw new Error(`--lang must be one of: ${languages.join(', ')}`);
  const outDir = values.out ? path.resolve(values.out) : resolveContentDir();
  const options = { timeZone: siteConfig.timeZone, defaultLang: siteConfig.defaultLang, ...(lang ? { lang } : {}) };
  const dryRun = values['dry-run'];

  const unusable: Problem[] = [];
  const articles: ImportedArticle[] = [];
  let recordCount = 0;
  const inputs = await listInputs(positionals, format);
  // Many files (a folder of texts) are counted by file; a single big dump by record.
  const fileProgress =
    inputs.length > 1
      ? createProgress({ label: 'reading dumps', total: inputs.length, stream: process.stderr })
      : undefined;
  for (const [fileIndex, file] of inputs.entries()) {
    fileProgress?.update(fileIndex);
    const fileFormat = format ?? formatFromFileName(file);
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
      const result = buildImportedArticle(record, options);
      if (result.ok) articles.push(result.article);
      else unusable.push(...result.problems);
      recordProgress?.update(index + 1);
    });
    recordProgress?.finish();
  }
  fileProgress?.update(inputs.length);
  fileProgress?.finish();

  const counts = { created: 0, unchanged: 0, edited: 0, duplicates: 0 };
  const placed = placeArticles(articles, options);
  const progress = createProgress({ label: 'writing articles', total: placed.length, stream: process.stderr });
  for (const [index, item] of placed.entries()) {
    progress.update(index);
    const where = (record: ImportedArticle['record']) => `${record.source}:${record.line}`;
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
      console.log(`${dryRun ? 'would create' : 'created'} ${display(target)} (${article.permalink})`);
    }
  }
  progress.finish();

  for (const problem of unusable) console.log(formatProblem({ ...problem, message: `skipped: ${problem.message}` }));
  const skipped = counts.edited + counts.duplicates + unusable.length;
  console.log(
    `${recordCount} record${recordCount === 1 ? '' : 's'} in ${inputs.length} file${inputs.length === 1 ? '' : 's'}: ` +
      `${counts.created} ${dryRun ? 'to create' : 'created'}, ${counts.unchanged} unchanged, ${skipped} skipped ` +
      `(${counts.edited} edited, ${counts.duplicates} duplicate${counts.duplicates === 1 ? '' : 's'}, ${unusable.length} unusable).`,
  );
  if (counts.created > 0 && !dryRun) console.log('Next: npm run check, to validate the whole content folder.');
  return unusable.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`import: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
