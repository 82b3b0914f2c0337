/**
 * `npm run -s published [-- --digest] [--dir <folder>]`: the permalinks a build at this moment
 * would publish (the build clock: `SOURCE_DATE_EPOCH`, else now), one a line, or with `--digest`
 * one SHA-256 of them. The deploy workflow's hourly run compares the digest with the one it last
 * deployed and stops early when no scheduled article has come due since.
 */
// First: astro.config.mjs registers the site's settings before anything reads them.
import './load-settings';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { readContentFolder, resolveContentDir } from '../files/content-folder';
import { publishedArticles } from '../lib/content/publishing';
import { resolveBuildTime } from '../lib/core/build-time';
import { formatProblem } from '../lib/core/problems';
import { siteConfig } from '../site.config';

const HELP = `Usage: npm run -s published [-- --digest] [--dir <folder>]

Prints the permalink of every article a build would publish now (drafts and articles scheduled
later left out; SOURCE_DATE_EPOCH sets "now"), sorted, one a line. With --digest, prints one
SHA-256 of that list instead: it changes exactly when a build would publish another set.
Exits 1 when an article has errors (run npm run check for the details).

Options:
  --digest      print the SHA-256 of the list instead of the list
  --dir <path>  read this content folder instead of the configured one
  -h, --help    show this help`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      digest: { type: 'boolean', default: false },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const dir = values.dir ? resolveContentDir({ WARTA_CONTENT_DIR: values.dir }) : resolveContentDir();
  const folder = await readContentFolder(dir, { defaultLang: siteConfig.defaultLang, timeZone: siteConfig.timeZone });
  const errors = folder.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    for (const problem of errors) console.error(formatProblem(problem));
    return 1;
  }
  const published = publishedArticles(folder.articles, {
    now: resolveBuildTime(process.env),
    includeFuture: process.env['WARTA_INCLUDE_FUTURE'] === '1',
  });
  const list = published.map((article) => article.permalink).sort();
  const text = list.map((permalink) => `${permalink}\n`).join('');
  process.stdout.write(values.digest ? `${createHash('sha256').update(text).digest('hex')}\n` : text);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`published: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
