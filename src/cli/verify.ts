/**
 * `npm run verify [-- --json] [--dir <folder>] [--full] [--html-per-type N] [--skip-html]`: checks a
 * built archive before it is deployed: every internal link, asset and `#fragment` resolves, and every
 * page that changed since the last verified build is valid HTML.
 */
// First: astro.config.mjs registers the site's settings before anything reads them.
import './load-settings';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveCacheDir } from '../files/rendered-cache';
import { createProgress, type Progress } from '../lib/editorial/progress';
import { siteConfig } from '../site.config';
import {
  DEFAULT_SAMPLE_PER_TYPE,
  htmlDigestFile,
  validateChangedHtml,
  type ChangedHtmlReport,
} from '../verify/html-digests';
import { checkSiteLinks } from '../verify/site-links';

const HELP = `Usage: npm run verify [-- --json] [--dir <folder>] [--full] [--html-per-type N] [--skip-html]

Checks the archive that \`npm run build\` wrote (dist/, or WARTA_OUT_DIR, or --dir) before it is
deployed. First the links: reads every page and stylesheet and looks up every internal link, asset,
srcset candidate, CSS url(), preview address, JSON-LD address and #fragment in the folder, as a
host serves it under the base path (WARTA_BASE); full addresses on the site's own origin
(WARTA_SITE_URL) are internal too. Then the HTML, with html-validate on every core: every page whose
bytes changed since it last passed (digests kept in the build cache, WARTA_CACHE_DIR), plus a
sample of each page type. Exits 1 when any link is broken or any page is invalid, 0 otherwise.
Nothing is fetched from other hosts. Progress goes to stderr.

Options:
  --json              print a machine-readable report instead of text
  --dir <path>        check this folder instead of the configured output folder
  --full              validate every page, whatever was verified before
  --html-per-type N   unchanged pages of each type (article, tag, day, …) validated all the
                      same, spread over the archive (default ${DEFAULT_SAMPLE_PER_TYPE}; 0 for none)
  --skip-html         check links only
  -h, --help          show this help`;

// A progress line on stderr that appears at the first report of a run and knows its total then.
function progressOn(label: string): { update: (done: number, total: number) => void; finish: () => void } {
  let progress: Progress | undefined;
  return {
    update(done, total) {
      progress ??= createProgress({ label, total, stream: process.stderr, showElapsed: true });
      progress.update(done);
    },
    finish: () => progress?.finish(),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      dir: { type: 'string' },
      full: { type: 'boolean', default: false },
      'skip-html': { type: 'boolean', default: false },
      'html-per-type': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const outDir = path.resolve(values.dir ?? process.env['WARTA_OUT_DIR'] ?? 'dist');
  const perType = values['html-per-type'] === undefined ? DEFAULT_SAMPLE_PER_TYPE : Number(values['html-per-type']);
  if (!Number.isInteger(perType) || perType < 0) {
    throw new Error(`--html-per-type must be a whole number, 0 or more, got "${values['html-per-type']}"`);
  }
  if (!existsSync(outDir)) throw new Error(`no built archive at ${outDir}; run \`npm run build\` first`);

  const started = performance.now();
  const linkProgress = progressOn('checking links');
  const links = await checkSiteLinks(outDir, {
    base: siteConfig.base,
    siteUrl: siteConfig.url,
    onProgress: linkProgress.update,
  });
  linkProgress.finish();
  const linkSeconds = (performance.now() - started) / 1000;

  let html: ChangedHtmlReport | undefined;
  const cacheDir = resolveCacheDir();
  if (!values['skip-html']) {
    const digestProgress = progressOn('comparing pages with the last verified build');
    const htmlProgress = progressOn('validating HTML');
    html = await validateChangedHtml(outDir, {
      cacheDir,
      base: siteConfig.base,
      full: values.full,
      perType,
      onDigestProgress: digestProgress.update,
      onProgress: (done, total) => {
        digestProgress.finish();
        htmlProgress.update(done, total);
      },
    });
    digestProgress.finish();
    htmlProgress.finish();
  }
  const htmlSeconds = (performance.now() - started) / 1000 - linkSeconds;
  const failed = links.broken.length > 0 || (html?.problems.length ?? 0) > 0;

  if (values.json) {
    const { passed: _digests, ...htmlFigures } = html ?? { passed: undefined };
    console.log(
      JSON.stringify(
        {
          outDir,
          base: siteConfig.base,
          passed: !failed,
          links: { ...links, seconds: linkSeconds },
          ...(html ? { html: { ...htmlFigures, seconds: htmlSeconds, digests: htmlDigestFile(cacheDir) } } : {}),
        },
        null,
        2,
      ),
    );
  } else {
    for (const link of links.broken) console.log(`${link.page}: ${link.url}: ${link.reason}`);
    console.log(
      `links: ${links.files} pages and stylesheets, ${links.checked} addresses checked in ${linkSeconds.toFixed(1)} s: ` +
        `${links.broken.length} broken.`,
    );
    if (html) {
      for (const problem of html.problems) {
        console.log(`${problem.page}:${problem.line}:${problem.column}: ${problem.rule}: ${problem.message}`);
      }
      const why = values.full
        ? 'every page'
        : `${html.changed} new or changed since they last passed, ${html.sampled} unchanged as a sample`;
      console.log(
        `html: ${html.pages} of ${html.total} pages validated (${why}) in ${htmlSeconds.toFixed(1)} s: ` +
          `${html.problems.length} problem${html.problems.length === 1 ? '' : 's'}.`,
      );
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`verify: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
