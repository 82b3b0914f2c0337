/**
 * `npm run check [-- --json] [--dir <folder>]`: validates every article of the content folder
 * without building pages, and prints each problem as `path:line: field: message`.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveBuildTime } from '../lib/core/build-time';
import { checkContentFolder } from '../lib/content/content-checks';
import { displayPath, labelFromCwd, readContentFolder, resolveContentDir } from '../files/content-folder';
import { formatProblem, sortProblems } from '../lib/core/problems';
import { createProgress } from '../lib/editorial/progress';
import { listStaticPaths } from '../files/static-paths';
import { siteConfig } from '../site.config';

const HELP = `Usage: npm run check [-- --json] [--dir <folder>]

Validates every Markdown article in the content folder (content/, or WARTA_CONTENT_DIR, or --dir)
without building the site, and prints each problem as  path:line: field: message.

Besides what stops a build (frontmatter and its fields, impossible dates, "updated" before "date",
two articles at one permalink, an alias on another article), it finds:
  - tags written differently in different articles (warning),
  - links in article bodies to site paths or .md files that point nowhere,
  - images (image.src, and ![](...) in bodies) that do not exist,
  - aliases on a page of the site (home, archives, tags, fixed pages),
  - translations: that lead to no article file or to one in the same language, and links or
    story: keys that give one story two versions in one language (a version still a draft,
    and a story: key no other article has, are warnings).

Exits 1 when any article has an error, 0 otherwise (warnings do not fail).

Options:
  --json        print a machine-readable report instead of text
  --dir <path>  check this folder instead of the configured one
  -h, --help    show this help`;

async function fileExists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
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
  if (values.json) {
    console.log(
      JSON.stringify(
        {
          contentDir: dir,
          files: folder.fileCount,
          articles: folder.articles.length,
          errors: errors.length,
          warnings: warnings.length,
          seconds: Number(seconds.toFixed(2)),
          problems,
        },
        null,
        2,
      ),
    );
  } else {
    for (const problem of problems) console.log(formatProblem(problem));
    console.log(
      `${folder.fileCount} file${folder.fileCount === 1 ? '' : 's'} checked in ${seconds.toFixed(1)} s: ${errors.length} error${errors.length === 1 ? '' : 's'}, ` +
        `${warnings.length} warning${warnings.length === 1 ? '' : 's'}.`,
    );
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
