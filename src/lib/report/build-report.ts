/**
 * The build report printed at the end of `npm run build`: what was published, what was held back,
 * and how long each phase took. Pure data and formatting; the integration gathers the figures.
 */
import { parseSitePath } from '../core/routes';
import { tagKey } from '../core/tags';

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
      return parsed.kind;
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
  lines.push(row('warnings', String(report.warnings.length)));
  for (const warning of report.warnings) lines.push(`    ${warning}`);
  for (const phase of report.phases) lines.push(row(`${phase.name} (s)`, phase.seconds.toFixed(2)));
  lines.push(row('total (s)', report.totalSeconds.toFixed(2)));
  return lines.join('\n');
}
