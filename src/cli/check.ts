/**
 * `npm run check [-- --json] [--dir <folder>]`: validates every article of the content folder
 * without building pages, and prints each problem as `path:line: field: message`.
 */
import { parseArgs } from 'node:util';
import { labelFromCwd, readContentFolder, resolveContentDir } from '../lib/content-folder';
import { formatProblem } from '../lib/problems';
import { siteConfig } from '../site.config';

const HELP = `Usage: npm run check [-- --json] [--dir <folder>]

Validates every Markdown article in the content folder (content/, or WARTA_CONTENT_DIR, or --dir)
without building the site, and prints each problem as  path:line: field: message.
Exits 1 when any article has an error, 0 otherwise.

Options:
  --json        print a machine-readable report instead of text
  --dir <path>  check this folder instead of the configured one
  -h, --help    show this help`;

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
  const dir = values.dir ? resolveContentDir({ WARTA_CONTENT_DIR: values.dir }) : resolveContentDir();
  const started = performance.now();
  const folder = await readContentFolder(dir, {
    defaultLang: siteConfig.defaultLang,
    timeZone: siteConfig.timeZone,
    label: labelFromCwd(dir),
  });
  const errors = folder.problems.filter((problem) => problem.severity === 'error');
  const warnings = folder.problems.filter((problem) => problem.severity === 'warning');
  if (values.json) {
    console.log(
      JSON.stringify(
        {
          contentDir: dir,
          files: folder.fileCount,
          articles: folder.articles.length,
          errors: errors.length,
          warnings: warnings.length,
          problems: folder.problems,
        },
        null,
        2,
      ),
    );
  } else {
    for (const problem of folder.problems) console.log(formatProblem(problem));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${folder.fileCount} files checked in ${seconds} s: ${errors.length} error${errors.length === 1 ? '' : 's'}, ` +
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
