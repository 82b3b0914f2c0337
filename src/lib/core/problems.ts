/**
 * Problems found in editors' files, in one shape for the build, `npm run check` and the importer,
 * so every tool reports them the same way: `path:line: field: message`.
 */

/** One problem in one file. */
export interface Problem {
  /** Path of the file, relative to the content folder where possible. */
  file: string;
  /** 1-based line of the problem, when it can be pinned to one. */
  line?: number;
  /** Frontmatter field the problem is about (`tags`, `source.url`), or `frontmatter`/`body`/`file`. */
  field: string;
  /** What is wrong and, where possible, how to fix it. */
  message: string;
  /** `error` stops a build; `warning` is reported and the build goes on. */
  severity: 'error' | 'warning';
  /**
   * Where a report lists the problem when it belongs with one in another file (every file of a
   * duplicate permalink is listed right after the newest one): sorted as if it were at that place.
   */
  listWith?: { file: string; line: number };
}

/** Formats one problem as `path:line: field: message`. */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${problem.field}: ${prefix}${problem.message}`;
}

/**
 * Sorts problems by file, then line, so reports read top to bottom and are stable between runs; a
 * problem with `listWith` comes right after the problems at that place.
 */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const place = (problem: Problem) => problem.listWith ?? problem;
  return [...problems].sort((a, b) => {
    const pa = place(a);
    const pb = place(b);
    return (
      (pa.file < pb.file ? -1 : pa.file > pb.file ? 1 : 0) ||
      (pa.line ?? 0) - (pb.line ?? 0) ||
      (a.listWith ? 1 : 0) - (b.listWith ? 1 : 0) ||
      (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)
    );
  });
}

/** A problem as reports write it for machines: file, line, field, message and severity only. */
export function toReportedProblem(problem: Problem): Problem {
  const { listWith: _listed, ...reported } = problem;
  return reported;
}

/** The error a build throws when content has problems: every problem, one per line. */
export class ContentError extends Error {
  /** The problems that stopped the build. */
  readonly problems: Problem[];
  /** What to do next, shown under the list by Astro. */
  readonly hint = 'Fix the fields named above; `npm run check` lists the same problems without building.';

  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    const errors = sorted.filter((p) => p.severity === 'error');
    const files = new Set(errors.map((p) => p.file)).size;
    super(
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in ${files} article${files === 1 ? '' : 's'}:\n` +
        sorted.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = sorted;
    // The list says everything an editor needs; a stack trace into the loader would only bury it.
    this.stack = '';
  }
}
