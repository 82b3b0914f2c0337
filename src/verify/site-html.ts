/**
 * The HTML check of a built archive, run before a deploy: html-validate reads every page as a whole
 * document against the HTML standard and its accessibility rules, with the rule choices below; and,
 * as the W3C checker does and html-validate does not, every page must end with `</html>`, nothing
 * after it ("Stray start tag script").
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { glob } from 'tinyglobby';
import { classifyPage } from '../lib/report/build-report';

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
}

/** What an HTML check found. */
export interface SiteHtmlReport {
  /** Pages validated. */
  pages: number;
  /** Every problem, by page and position. */
  problems: HtmlProblem[];
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

/** Validates the pages of the archive built into `outDir`; an empty `problems` list means all are valid. */
export async function validateSiteHtml(outDir: string, options: SiteHtmlOptions = {}): Promise<SiteHtmlReport> {
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const all = options.pages ?? (await glob('**/*.html', { cwd: path.resolve(outDir) })).sort();
  const pages = options.perType === undefined ? all : samplePagesByType(all, options.perType);
  // A static loader: the rules above apply wherever the output folder is, with no config file lookup.
  const validator = new HtmlValidate(new StaticConfigLoader(htmlRules));
  const problems: HtmlProblem[] = [];
  for (const page of pages) {
    const html = await readFile(path.join(outDir, page), 'utf8');
    const stray = findContentAfterHtml(html);
    if (stray) {
      problems.push({
        page: `${base}${page}`,
        ...stray,
        rule: AFTER_HTML_RULE,
        message: 'content after </html> (the W3C checker rejects it: "Stray start tag"); it belongs inside <body>',
      });
    }
    const report = await validator.validateString(html, page);
    for (const result of report.results) {
      for (const message of result.messages) {
        problems.push({
          page: `${base}${page}`,
          line: message.line,
          column: message.column,
          rule: message.ruleId,
          message: message.message,
        });
      }
    }
  }
  return { pages: pages.length, problems };
}
