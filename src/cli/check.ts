/**
 * `npm run check [-- --json [<file>]] [--dir <folder>]`: validates every article of the content
 * folder without building pages, and prints each problem as `path:line: field: message`, or writes
 * them as a JSON report to standard output (and nothing else there) or to a file.
 */
// First: astro.config.mjs registers the site's settings before anything reads them.
import './load-settings';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveBuildTime } from '../lib/core/build-time';
import { checkContentFolder } from '../lib/content/content-checks';
import { displayPath, labelFromCwd, readContentFolder, resolveContentDir } from '../files/content-folder';
import { formatProblem, sortProblems, toReportedProblem } from '../lib/core/problems';
import { createProgress } from '../lib/editorial/progress';
import { listStaticPaths } from '../files/static-paths';
import { siteConfig } from '../site.config';

const HELP = `Usage: npm run check [-- --json [<file>]] [--dir <folder>]

Validates every Markdown article in the content folder (content/, or WARTA_CONTENT_DIR, or --dir)
without building the site, and prints each problem as  path:line: field: message.

Besides what stops a build (frontmatter and its fields, impossible dates, "updated" before "date",
two articles at one permalink, an alias on another article), it finds:
  - tags written differently in different articles (warning),
  - tags nearly alike: a typo (Jakata, Jakarta) or singular and plural (Startup, Startups) (warning),
  - links in article bodies to site paths or .md files that point nowhere,
  - images (image.src, and ![](...) in bodies) that do not exist,
  - aliases on a page of the site (home, archives, tags, fixed pages),
  - dates in the text of Indonesian articles, such as "Selasa (6/9/2022)", more than a month from
    the article's date (warning),
  - a summary line left empty in a published article (warning),
  - translations: that lead to no article file or to one in the same language, and links or
    story: keys that give one story two versions in one language (a version still a draft,
    and a story: key no other article has, are warnings).

Exits 1 when any article has an error, 0 otherwise (warnings do not fail).

Options:
  --json         print a machine-readable report instead of text, and nothing else, on standard
                 output; run it as  npm run -s check -- --json > report.json  so that npm prints
                 no banner of its own into the file
  --json <file>  write the report to <file>, and print the text report as usual
  --dir <path>   check this folder instead of the configured one
  -h, --help     show this help`;

// `--json` alone means standard output; parseArgs needs a value for a text option.
const STDOUT = '-';

/** The command line with a bare `--json` (last, or before another option) given the value `-`. */
function withJsonTarget(args: readonly string[]): string[] {
  return args.map((arg, index) => {
    const next = args[index + 1];
    return arg === '--json' && (next === undefined || next.startsWith('-')) ? `--json=${STDOUT}` : arg;
  });
}

async function fileExists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: withJsonTarget(process.argv.slice(2)),
    options: {
      json: { type: 'string' },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const root = process.cwd();
  const dir = values.dir ? resolveContentDir({ WARTA_CONTENT_DIR: values.dir }) : resolveContentDir();
  // A mistyped folder would otherwise pass as an empty, problem-free archive.
  if (
    !(await stat(dir).then(
      (info) => info.isDirectory(),
      () => false,
    ))
  ) {
    throw new Error(`${displayPath(dir)} is not a folder; pass the content folder with --dir`);
  }
  const started = performance.now();
  const label = labelFromCwd(dir);
  let progress: ReturnType<typeof createProgress> | undefined;
  const folder = await readContentFolder(dir, {
    defaultLang: siteConfig.defaultLang,
    timeZone: siteConfig.timeZone,
    label,
    onProgress: (done, total) => {
      progress ??= createProgress({ label: 'checking articles', total, stream: process.stderr });
      progress.update(done);
    },
  });
  progress?.finish();
  const crossChecks = await checkContentFolder(folder.articles, {
    contentDir: dir,
    publicDir: path.join(root, 'public'),
    timeZone: siteConfig.timeZone,
    pageSize: siteConfig.pageSize,
    sections: siteConfig.sections,
    pages: siteConfig.pages,
    staticPaths: await listStaticPaths(root),
    now: resolveBuildTime(process.env),
    label,
    displayPath: (absolute) => displayPath(absolute, root),
    fileExists,
    files: folder.files,
  });
  const problems = sortProblems([...folder.problems, ...crossChecks]);
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  const seconds = (performance.now() - started) / 1000;
  const report = `${JSON.stringify(
    {
      contentDir: dir,
      files: folder.fileCount,
      articles: folder.articles.length,
      errors: errors.length,
      warnings: warnings.length,
      seconds: Number(seconds.toFixed(2)),
      problems: problems.map(toReportedProblem),
    },
    null,
    2,
  )}\n`;
  if (values.json === STDOUT) {
    process.stdout.write(report);
  } else {
    for (const problem of problems) console.log(formatProblem(problem));
    console.log(
      `${folder.fileCount} file${folder.fileCount === 1 ? '' : 's'} checked in ${seconds.toFixed(1)} s: ${errors.length} error${errors.length === 1 ? '' : 's'}, ` +
        `${warnings.length} warning${warnings.length === 1 ? '' : 's'}.`,
    );
    if (values.json !== undefined) {
      await writeFile(path.resolve(values.json), report);
      console.log(`Report written to ${displayPath(path.resolve(values.json))}.`);
    }
  }
  return errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`check: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
