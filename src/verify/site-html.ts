/**
 * The HTML check of a built archive, run before a deploy: html-validate reads every page as a whole
 * document against the HTML standard and its accessibility rules, with the rule choices below; and,
 * as the W3C checker does and html-validate does not, every page must end with `</html>`, nothing
 * after it ("Stray start tag script"). Pages are validated on worker threads, one per core, each
 * taking the next batch of pages when it is done with one.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { HtmlValidate, StaticConfigLoader, type ConfigData, type ResolvedConfig } from 'html-validate';
import { glob } from 'tinyglobby';
import { classifyPage } from '../lib/report/build-report';
import { normalizeBase } from './site-links';

/**
 * The rules every built page is held to: html-validate's recommended set (the HTML standard, ARIA
 * and WCAG techniques, consistent markup) and its `document` set (doctype, no missing references),
 * with four rules set differently, each for a stated reason.
 */
export const htmlRules: ConfigData = {
  root: true,
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // `<title>` carries the editor's headline in full; 70 characters is a search-snippet habit, not
    // a rule of HTML, and shortening headlines is the newsroom's call.
    'long-title': 'off',
    // `<!doctype html>` and `<!DOCTYPE html>` are one and the same to every parser; pages written
    // by other steps than Astro's (redirect pages for old addresses) may spell it either way.
    'doctype-style': 'off',
    // Integrity hashes guard files from other hosts; the archive's own CSS and scripts come from the
    // same deploy as the page. Anything loaded from another origin still needs one.
    'require-sri': ['error', { target: 'crossorigin' }],
    // A list of topics may be named (`<ul aria-label="Topik">`): ARIA allows a name on role `list`,
    // and it tells a screen-reader user what the links are. Misuse on unnamed roles is still an error.
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
  },
};

/** One rule a page breaks. */
export interface HtmlProblem {
  /** Site path of the page (`/arsip/2022/09/index.html`). */
  page: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the line. */
  column: number;
  /** html-validate rule id, e.g. `element-permitted-content`. */
  rule: string;
  /** What is wrong. */
  message: string;
}

/** Options for {@link validateSiteHtml}. */
export interface SiteHtmlOptions {
  /** Sub-path the archive was built for, only to name pages as the reader sees them. Defaults to `/`. */
  base?: string;
  /** Pages to validate, relative to the output folder; defaults to every `.html` file. */
  pages?: readonly string[];
  /** Validate at most this many pages of each type (article, tag, day, …); defaults to all. */
  perType?: number;
  /** Worker threads to validate on; 0 validates on this thread. Defaults to one per core, none for a few pages. */
  threads?: number;
  /** Called as pages are validated, with how many are done of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** What an HTML check found. */
export interface SiteHtmlReport {
  /** Pages validated. */
  pages: number;
  /** Every problem, by page and position. */
  problems: HtmlProblem[];
  /** The digest of every validated page that passed, by file: what may be recorded as verified. */
  passed: Record<string, string>;
}

/**
 * Picks at most `perType` of the pages of each type, spread evenly over them in name order (the
 * first and the last included), so a sample of a large archive still reaches every kind of page
 * and every period.
 */
export function samplePagesByType(pages: readonly string[], perType: number): string[] {
  const byType = new Map<string, string[]>();
  for (const page of [...pages].sort()) {
    const type = classifyPage(`/${page.replace(/(^|\/)index\.html$/, '$1')}`);
    const group = byType.get(type) ?? [];
    group.push(page);
    byType.set(type, group);
  }
  const picked: string[] = [];
  for (const group of byType.values()) {
    if (group.length <= perType) picked.push(...group);
    else if (perType === 1) picked.push(group[0]!);
    else for (let i = 0; i < perType; i += 1) picked.push(group[Math.round((i * (group.length - 1)) / (perType - 1))]!);
  }
  return picked.sort();
}

/** The rule id of content after `</html>`, which html-validate lets pass. */
export const AFTER_HTML_RULE = 'content-after-html';

/**
 * Where a document has content after its closing `</html>` (anything but white space and
 * comments), as 1-based line and column, or undefined when it ends there.
 */
export function findContentAfterHtml(html: string): { line: number; column: number } | undefined {
  const end = html.toLowerCase().lastIndexOf('</html>');
  if (end === -1) return undefined;
  const after = end + '</html>'.length;
  const rest = html.slice(after).replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length));
  const offset = rest.search(/\S/);
  if (offset === -1) return undefined;
  const before = html.slice(0, after + offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** What validating one page found: its problems, and the digest of the bytes that were validated. */
export interface PageValidation {
  /** The page, relative to the output folder (`2022/09/index.html`). */
  file: string;
  /** SHA-256 of the page's bytes, hex: the page as it was validated. */
  digest: string;
  /** Every problem on the page; empty when it is valid. */
  problems: HtmlProblem[];
}

/** The digest a page's bytes are recorded under once they passed: SHA-256, hex. */
export function digestPageBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A static loader that resolves its configuration once. html-validate's own resolves it again for
 * every document, element metadata included: more than half of the time a 20 kB article page took
 * (95 ms a page before, 37–41 ms after, on the loaded two-core machine).
 */
class ResolvedOnceConfigLoader extends StaticConfigLoader {
  private resolved: ResolvedConfig | Promise<ResolvedConfig> | undefined;

  override getConfigFor(handle: string, configOverride?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
    if (configOverride) return super.getConfigFor(handle, configOverride);
    this.resolved ??= super.getConfigFor(handle);
    return this.resolved;
  }
}

/** A validator with {@link htmlRules}, for {@link validatePage}; one per thread. */
export function createPageValidator(): HtmlValidate {
  // A static loader: the rules above apply wherever the output folder is, with no config file lookup.
  return new HtmlValidate(new ResolvedOnceConfigLoader(htmlRules));
}

/** Validates one page of the archive built into `outDir`, naming it under the base path in its problems. */
export async function validatePage(
  validator: HtmlValidate,
  outDir: string,
  file: string,
  base = '/',
): Promise<PageValidation> {
  const bytes = await readFile(path.join(outDir, file));
  const html = bytes.toString('utf8');
  const page = `${normalizeBase(base)}${file}`;
  const problems: HtmlProblem[] = [];
  const stray = findContentAfterHtml(html);
  if (stray) {
    problems.push({
      page,
      ...stray,
      rule: AFTER_HTML_RULE,
      message: 'content after </html> (the W3C checker rejects it: "Stray start tag"); it belongs inside <body>',
    });
  }
  const report = validator.validateStringSync(html, file);
  for (const result of report.results) {
    for (const message of result.messages) {
      problems.push({
        page,
        line: message.line,
        column: message.column,
        rule: message.ruleId,
        message: message.message,
      });
    }
  }
  return { file, digest: digestPageBytes(bytes), problems };
}

// Pages below this many are validated on the calling thread: starting a worker costs more.
const THREADED_FROM = 40;
// Pages a worker is handed at once: few enough that both threads finish together.
const BATCH = 16;

// Validates pages on worker threads, each taking the next batch as soon as it is done with one.
async function validateOnThreads(
  outDir: string,
  pages: readonly string[],
  base: string,
  threads: number,
  onDone: (results: readonly PageValidation[]) => void,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./html-worker.mjs', import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const handOut = () => {
              if (next >= pages.length) {
                resolve();
                return;
              }
              const batch = pages.slice(next, next + BATCH);
              next += batch.length;
              worker.postMessage({ outDir, base, pages: batch } satisfies HtmlWorkerJob);
            };
            worker.on('message', (message: HtmlWorkerReply) => {
              if ('error' in message) {
                reject(new Error(`validating ${message.file}: ${message.error}`));
                return;
              }
              onDone(message.results);
              handOut();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`an HTML validation thread stopped (exit code ${code})`)));
            handOut();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** A batch of pages for an HTML validation thread. */
export interface HtmlWorkerJob {
  /** The output folder. */
  outDir: string;
  /** Base path, to name pages in problems. */
  base: string;
  /** Pages relative to the output folder. */
  pages: string[];
}

/** What an HTML validation thread sends back for a batch: every page's result, or why it could not. */
export type HtmlWorkerReply = { results: PageValidation[] } | { file: string; error: string };

/** Validates the pages of the archive built into `outDir`; an empty `problems` list means all are valid. */
export async function validateSiteHtml(outDir: string, options: SiteHtmlOptions = {}): Promise<SiteHtmlReport> {
  const base = normalizeBase(options.base);
  const root = path.resolve(outDir);
  const all = options.pages ?? (await glob('**/*.html', { cwd: root })).sort();
  const pages = options.perType === undefined ? [...all] : samplePagesByType(all, options.perType);
  const threads = Math.min(
    options.threads ?? (pages.length < THREADED_FROM ? 0 : availableParallelism()),
    Math.ceil(pages.length / BATCH),
  );
  const results: PageValidation[] = [];
  const collect = (batch: readonly PageValidation[]) => {
    results.push(...batch);
    options.onProgress?.(results.length, pages.length);
  };
  if (threads < 1) {
    const validator = createPageValidator();
    for (const page of pages) collect([await validatePage(validator, root, page, base)]);
  } else {
    await validateOnThreads(root, pages, base, threads, collect);
  }
  const order = new Map(pages.map((page, index) => [page, index]));
  results.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
  return {
    pages: pages.length,
    problems: results.flatMap((result) => result.problems),
    passed: Object.fromEntries(results.filter((r) => r.problems.length === 0).map((r) => [r.file, r.digest])),
  };
}
