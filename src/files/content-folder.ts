/**
 * Reading the editors' content folder: every `**\/*.md` file below it, each validated, and the
 * collisions between them and the pairing of their language versions, with every problem collected
 * before anything is reported.
 */
import { readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { findCollisions, readArticle, type ArticleRecord, type ReadArticleOptions } from '../lib/content/article-file';
import { sortProblems, type Problem } from '../lib/core/problems';
import { findTranslationProblems } from '../lib/content/translation-checks';

/** The environment variable that points a build at another folder of articles. */
export const CONTENT_DIR_ENV = 'WARTA_CONTENT_DIR';

/**
 * The content folder for this run: `WARTA_CONTENT_DIR` (absolute, or relative to `cwd`) when set,
 * else `content/` in the project.
 */
export function resolveContentDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const configured = env[CONTENT_DIR_ENV];
  return path.resolve(cwd, configured && configured.trim() !== '' ? configured : 'content');
}

/**
 * Fails, naming the folder and what chose it, when the content folder does not exist or is not a
 * folder: a build would otherwise publish an empty archive without a word.
 */
export async function assertContentFolder(
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Promise<void> {
  const found = await stat(dir).catch(() => undefined);
  if (found?.isDirectory()) return;
  const configured = env[CONTENT_DIR_ENV]?.trim();
  const source = configured ? `${CONTENT_DIR_ENV}="${configured}"` : 'the default, content/ in the project';
  const problem = found ? 'is a file, not a folder' : 'does not exist';
  throw new Error(
    `The content folder ${displayPath(dir, cwd)} (${source}) ${problem}: ` +
      (configured
        ? `point ${CONTENT_DIR_ENV} at the folder that holds the articles, or leave it unset to use content/`
        : 'create content/ and put the articles in it, or point WARTA_CONTENT_DIR at the folder that holds them'),
  );
}

/** Everything read from a content folder. */
export interface ContentFolder {
  /** Articles without errors, sorted by file path. */
  articles: ArticleRecord[];
  /** Every problem in every file, sorted by file and line. */
  problems: Problem[];
  /** How many Markdown files were read. */
  fileCount: number;
  /** Every Markdown file read, as sorted paths below the folder, with or without errors. */
  files: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number } {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    // Find the first byte sequence that does not decode, to point the editor at its line.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const index = lenient.indexOf('\uFFFD');
    return { badLine: lenient.slice(0, Math.max(index, 0)).split('\n').length };
  }
}

/** Lists the Markdown files below `dir`, as sorted paths relative to it with `/` separators. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const files = await glob('**/*.md', { cwd: dir, onlyFiles: true, dot: false, followSymbolicLinks: false });
  return files.sort();
}

/** Options for {@link readContentFolder}. */
export interface ReadContentFolderOptions extends ReadArticleOptions {
  /** How problems name a file, given its path below the folder; by default that path itself. */
  label?: (file: string) => string;
  /** Called as files are read, with how many of how many are done; for progress on long runs. */
  onProgress?: (done: number, total: number) => void;
}

// How often reading reports progress, in files.
const PROGRESS_EVERY = 50;

/** Names files by their path from the working directory (`content/2022/09/a.md`), for editors. */
export function labelFromCwd(dir: string, cwd: string = process.cwd()): (file: string) => string {
  return (file) => displayPath(path.join(dir, file), cwd);
}

/** Names a file for editors: its path from the working directory, or its absolute path when outside it. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return (relative.startsWith('..') ? path.resolve(cwd, file) : relative).split(path.sep).join('/');
}

/** Reads and validates every article in `dir`. */
export async function readContentFolder(dir: string, options: ReadContentFolderOptions): Promise<ContentFolder> {
  const label = options.label ?? ((file: string) => file);
  const files = await listArticleFiles(dir);
  const articles: ArticleRecord[] = [];
  const problems: Problem[] = [];
  for (const [index, file] of files.entries()) {
    if (index % PROGRESS_EVERY === 0) options.onProgress?.(index, files.length);
    // Synchronous reads: for thousands of small files they cost a sixth of the CPU time of
    // promise-based ones, and parsing blocks the thread anyway.
    const decoded = decodeUtf8(readFileSync(path.join(dir, file)));
    if ('badLine' in decoded) {
      problems.push({
        file,
        line: decoded.badLine,
        field: 'file',
        message: 'is not valid UTF-8 text; save the file as UTF-8',
        severity: 'error',
      });
      continue;
    }
    const result = readArticle(file, decoded.text, options);
    problems.push(...result.problems);
    if (result.article) articles.push(result.article);
  }
  options.onProgress?.(files.length, files.length);
  const labelled = problems.map((problem) => ({ ...problem, file: label(problem.file) }));
  // Only files that share a permalink are looked at again, for which of them changed last.
  const modifiedAt = (file: string) => statSync(path.join(dir, file), { throwIfNoEntry: false })?.mtimeMs;
  labelled.push(
    ...findCollisions(articles, label, { modifiedAt }).map((problem) => ({
      ...problem,
      file: label(problem.file),
      ...(problem.listWith ? { listWith: { ...problem.listWith, file: label(problem.listWith.file) } } : {}),
    })),
  );
  labelled.push(...findTranslationProblems(articles, { label, files }));
  return { articles, problems: sortProblems(labelled), fileCount: files.length, files };
}
