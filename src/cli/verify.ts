/**
 * `npm run verify [-- --json] [--dir <folder>] [--html-per-type N] [--skip-html]`: checks a built archive before it is
 * deployed: every internal link, asset and `#fragment` resolves, and every page is valid HTML.
 */
// First: astro.config.mjs registers the site's settings before anything reads them.
import './load-settings';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { siteConfig } from '../site.config';
import { validateSiteHtml, type SiteHtmlReport } from '../verify/site-html';
import { checkSiteLinks } from '../verify/site-links';

const HELP = `Usage: npm run verify [-- --json] [--dir <folder>] [--html-per-type N] [--skip-html]

Checks the archive that \`npm run build\` wrote (dist/, or WARTA_OUT_DIR, or --dir) before it is
deployed: serves it on a local port under its base path (WARTA_BASE) and requests every internal
link, asset, srcset candidate, CSS url() and #fragment; then validates every page with html-validate.
Exits 1 when any link is broken or any page is invalid, 0 otherwise. Nothing is fetched from other
hosts.

Options:
  --json              print a machine-readable report instead of text
  --dir <path>        check this folder instead of the configured output folder
  --html-per-type N   validate at most N pages of each type (article, tag, day, …), spread
                      over the archive, instead of every page: for large archives
  --skip-html         check links only
  -h, --help          show this help`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      dir: { type: 'string' },
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
  const perType = values['html-per-type'] === undefined ? undefined : Number(values['html-per-type']);
  if (perType !== undefined && (!Number.isInteger(perType) || perType < 1)) {
    throw new Error(`--html-per-type must be a positive whole number, got "${values['html-per-type']}"`);
  }
  if (!existsSync(outDir)) throw new Error(`no built archive at ${outDir}; run \`npm run build\` first`);

  const started = performance.now();
  const links = await checkSiteLinks(outDir, { base: siteConfig.base, siteUrl: siteConfig.url });
  const linkSeconds = (performance.now() - started) / 1000;
  const html: SiteHtmlReport | undefined = values['skip-html']
    ? undefined
    : await validateSiteHtml(outDir, { base: siteConfig.base, ...(perType === undefined ? {} : { perType }) });
  const htmlSeconds = (performance.now() - started) / 1000 - linkSeconds;
  const failed = links.broken.length > 0 || (html?.problems.length ?? 0) > 0;

  if (values.json) {
    console.log(
      JSON.stringify(
        {
          outDir,
          base: siteConfig.base,
          passed: !failed,
          links: { ...links, seconds: linkSeconds },
          ...(html ? { html: { ...html, seconds: htmlSeconds } } : {}),
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
      console.log(
        `html: ${html.pages} pages validated in ${htmlSeconds.toFixed(1)} s: ${html.problems.length} problem` +
          `${html.problems.length === 1 ? '' : 's'}.`,
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
