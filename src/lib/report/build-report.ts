/**
 * The build report printed at the end of `npm run build`: what was published, what was held back,
 * and how long each phase took. Pure data and formatting; the integration gathers the figures.
 */
import { parseSitePath } from '../core/routes';
import { tagKey } from '../core/tags';
import type { HostLimitProblem, HostName, OutputSize } from './output-size';

/** The kinds of page a build writes, for counting. */
export type PageType =
  | 'article'
  | 'home'
  | 'year'
  | 'month'
  | 'day'
  | 'archive'
  | 'tag'
  | 'author'
  | 'section'
  | 'corrections'
  | 'series'
  | 'search'
  | 'redirect'
  | 'other';

/** Counts of what the content holds, reported by the query module during the build. */
export interface ContentStats {
  /** Published articles. */
  articles: number;
  /** Distinct tags over published articles. */
  tags: number;
  /** Distinct authors over published articles. */
  authors: number;
  /** Drafts left out. */
  drafts: number;
  /** Articles dated after the build time, left out. */
  scheduled: number;
}

/** Counts what a build publishes: `articles`, their distinct tags and authors, and what was held back. */
export function summarizeContent(
  articles: readonly { tags: readonly string[]; authors: readonly string[] }[],
  drafts: number,
  scheduled: number,
): ContentStats {
  return {
    articles: articles.length,
    tags: new Set(articles.flatMap((article) => article.tags.map(tagKey))).size,
    authors: new Set(articles.flatMap((article) => article.authors.map(tagKey))).size,
    drafts,
    scheduled,
  };
}

/** One timed phase of the build. */
export interface PhaseTiming {
  /** What the phase did. */
  name: string;
  /** How long it took, in seconds. */
  seconds: number;
}

/** Everything the report says. */
export interface BuildReport {
  /** Content counts, when the query module ran. */
  content?: ContentStats;
  /** Pages written, by type. */
  pages: Partial<Record<PageType, number>>;
  /** Total pages written. */
  totalPages: number;
  /** Warnings raised during the build. */
  warnings: string[];
  /** What the output folder holds, as a host counts it. */
  output?: OutputSize;
  /** The hosts the output fits and those it is too large for; with a host named (`warta({ host })`, `WARTA_HOST`), that host's problems. */
  hosts?: { fits: HostName[]; tooLarge: HostName[]; chosen?: HostName; problems: HostLimitProblem[] };
  /** Timed phases, in order. */
  phases: PhaseTiming[];
  /** Whole build, in seconds. */
  totalSeconds: number;
}

/** Classifies a written page by its site path (without base), e.g. `/2022/09/06/slug/` → `article`. */
export function classifyPage(pathname: string): PageType {
  const parsed = parseSitePath(pathname.replace(/\/?$/, '/'));
  switch (parsed?.kind) {
    case 'home':
    case 'article':
    case 'archive':
    case 'search':
    case 'section':
    case 'corrections':
    case 'series':
      return parsed.kind;
    case 'series-index':
      return 'series';
    case 'date-archive':
      return parsed.period;
    case 'term':
    case 'term-index':
      return parsed.term === 'tags' ? 'tag' : 'author';
    default:
      return 'other';
  }
}

/**
 * The site path of an HTML file of the output, as Astro names its pages: `2022/09/index.html` →
 * `2022/09`, `404.html` → `404`, `index.html` → the empty path.
 */
export function pagePathOfFile(file: string): string {
  return file
    .replace(/(^|\/)index\.html$/, '')
    .replace(/\.html$/, '')
    .replace(/^\/+|\/+$/g, '');
}

/** Whether an HTML page only sends the reader on: a `<meta http-equiv="refresh">` redirect. */
export function isRedirectPage(html: string): boolean {
  return /<meta\s[^>]*http-equiv\s*=\s*["']?refresh/i.test(html);
}

/** Counts pages by type. */
export function countPages(pathnames: readonly string[]): Partial<Record<PageType, number>> {
  const counts: Partial<Record<PageType, number>> = {};
  for (const pathname of pathnames) {
    const type = classifyPage(pathname);
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(38, ' ')}${value}`;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function formatOutput(output: OutputSize): string[] {
  const lines = [
    row('output', `${formatMegabytes(output.bytes)} in ${output.files.toLocaleString('en')} files`),
    row('  largest file', `${output.largestFile.path} (${formatMegabytes(output.largestFile.bytes)})`),
    row(
      '  fullest folder',
      `${output.largestFolder.path === '' ? '(top)' : `${output.largestFolder.path}/`} ` +
        `(${output.largestFolder.entries.toLocaleString('en')} entries)`,
    ),
  ];
  const kinds = Object.entries(output.byKind).sort(([, a], [, b]) => b.bytes - a.bytes);
  for (const [kind, { files, bytes }] of kinds) {
    lines.push(row(`  ${kind}`, `${formatMegabytes(bytes)} in ${files.toLocaleString('en')} files`));
  }
  return lines;
}

/** Formats the report as the text table printed at the end of a build. */
export function formatBuildReport(report: BuildReport): string {
  const lines = ['Build report'];
  if (report.content) {
    const c = report.content;
    lines.push(row('articles published', String(c.articles)));
    lines.push(row('tags', String(c.tags)));
    lines.push(row('authors', String(c.authors)));
    lines.push(row('drafts held back', String(c.drafts)));
    lines.push(row('scheduled, held back', String(c.scheduled)));
  }
  lines.push(row('pages written', String(report.totalPages)));
  for (const [type, count] of Object.entries(report.pages).sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(row(`  ${type}`, String(count)));
  }
  if (report.output) lines.push(...formatOutput(report.output));
  if (report.hosts) {
    const { fits, tooLarge, chosen, problems } = report.hosts;
    lines.push(row('fits (published limits)', fits.length === 0 ? 'none of the hosts Warta knows' : fits.join(', ')));
    if (tooLarge.length > 0) lines.push(row('too large for', tooLarge.join(', ')));
    if (chosen) lines.push(row(`host ${chosen}`, problems.length === 0 ? 'fits' : 'does not fit'));
    for (const problem of problems) lines.push(`    ${problem.limit}: ${problem.message}`);
  }
  lines.push(row('warnings', String(report.warnings.length)));
  for (const warning of report.warnings) lines.push(`    ${warning}`);
  for (const phase of report.phases) lines.push(row(`${phase.name} (s)`, phase.seconds.toFixed(2)));
  lines.push(row('total (s)', report.totalSeconds.toFixed(2)));
  return lines.join('\n');
}
