/**
 * Two integrations that frame the build. `buildStart` goes first in the list: it times the phases
 * (each other integration's output step on its own, the search index among them), collects every
 * warning logged during the build, and redirects the output into a temporary folder next to
 * `dist/`. `buildFinish` goes last: once every other integration (search index, redirects) has
 * written its files, it swaps the finished folder into place and prints the build report
 * (`npm run build -- --json` prints it as a JSON line among Astro's own; `WARTA_BUILD_REPORT=<file>`
 * also writes it to a file). A build that fails never reaches the swap, so the previous `dist/`
 * stays whole.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import {
  classifyPage,
  countPages,
  formatBuildReport,
  isRedirectPage,
  pagePathOfFile,
  type BuildReport,
  type PageType,
  type PhaseTiming,
} from '../lib/build-report';
import { readBuildChannel, reportWarning, resetBuildChannel } from './build-channel';
import { finishDeferredRenders } from '../lib/deferred-renders';
import { ContentError } from '../lib/problems';

const START_NAME = 'warta:build-start';
const FINISH_NAME = 'warta:build-finish';

/**
 * Report names of the output steps other integrations run once the pages are written; any other
 * integration's step is reported under its own name.
 */
export const OUTPUT_PHASE_NAMES: Readonly<Record<string, string>> = {
  '@astrojs/sitemap': 'sitemaps',
  'warta-publishing': 'redirects',
  'warta:security-headers': 'security headers',
  'warta:pagefind': 'search index',
};

interface BuildState {
  finalDir?: string;
  stagingDir?: string;
  started: number;
  contentDone?: number;
  pagesDone?: number;
  outputSteps: PhaseTiming[];
  swapSeconds: number;
  swapped: boolean;
}

const state: BuildState = { started: 0, outputSteps: [], swapSeconds: 0, swapped: false };

function phases(finished: number): PhaseTiming[] {
  const result: PhaseTiming[] = [];
  const { started, contentDone, pagesDone } = state;
  if (contentDone === undefined || pagesDone === undefined) return result;
  result.push({ name: 'content', seconds: (contentDone - started) / 1000 });
  result.push({ name: 'pages', seconds: (pagesDone - contentDone) / 1000 });
  result.push(...state.outputSteps);
  // Astro's own finishing work (copying public/, cleaning up) between the pages and the swap.
  const timed = state.outputSteps.reduce((sum, step) => sum + step.seconds, 0) + state.swapSeconds;
  result.push({ name: 'finishing', seconds: Math.max(0, (finished - pagesDone) / 1000 - timed) });
  result.push({ name: 'swap into place', seconds: state.swapSeconds });
  return result;
}

/**
 * Wraps a logger destination so that every warning and error logged during the build, by Astro, by
 * Vite or by any integration or loader, is also handed to `onWarning` as `[label] message` (errors
 * as `[label] error: message`).
 */
export function recordingWarnings(
  destination: AstroLoggerDestination,
  onWarning: (warning: string) => void,
): AstroLoggerDestination {
  return {
    ...destination,
    write(message: AstroLoggerMessage) {
      if (message.level === 'warn' || message.level === 'error') {
        // Strip colours: the report is read in files and JSON too.
        // eslint-disable-next-line no-control-regex
        const text = message.message.replace(/\u001b\[[0-9;]*m/g, '').trim();
        const level = message.level === 'error' ? 'error: ' : '';
        onWarning(message.label ? `[${message.label}] ${level}${text}` : `${level}${text}`);
      }
      destination.write(message);
    },
  };
}

function removeStaleStaging(finalDir: string): void {
  const parent = path.dirname(finalDir);
  if (!existsSync(parent)) return;
  // A build killed mid-way leaves its staging folder, or the previous archive it was removing.
  const base = path.basename(finalDir);
  const prefixes = [`${base}.building-`, `${base}.old-`];
  for (const name of readdirSync(parent)) {
    if (name === `${base}.building` || prefixes.some((prefix) => name.startsWith(prefix)))
      rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

/**
 * Counts the pages in the finished output: Astro's own pages by the type of their path, and the
 * HTML files other integrations wrote (redirect pages for old addresses) as what they are.
 */
function countOutputPages(dir: string, astroPathnames: readonly string[]): Pick<BuildReport, 'pages' | 'totalPages'> {
  const pages = countPages(astroPathnames);
  const fromAstro = new Set(astroPathnames.map(pagePathOfFile));
  let totalPages = astroPathnames.length;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = entry.split(path.sep).join('/');
    if (!file.endsWith('.html') || fromAstro.has(pagePathOfFile(file))) continue;
    const type: PageType = isRedirectPage(readFileSync(path.join(dir, entry), 'utf8'))
      ? 'redirect'
      : classifyPage(`/${file.replace(/(^|\/)index\.html$/, '$1')}`);
    pages[type] = (pages[type] ?? 0) + 1;
    totalPages += 1;
  }
  return { pages, totalPages };
}

/** The first integration of the build: timing, and output into a staging folder. */
export function buildStart(): AstroIntegration {
  return {
    name: START_NAME,
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (command !== 'build') return;
        resetBuildChannel();
        state.started = performance.now();
        delete state.contentDone;
        delete state.pagesDone;
        state.outputSteps = [];
        state.swapSeconds = 0;
        state.swapped = false;
        // Every logger of the build (Astro's, Vite's, each integration's and loader's) writes
        // through this one shared destination, so the report sees every warning, whoever raised it.
        logger.options.destination = recordingWarnings(logger.options.destination, reportWarning);
        const finalDir = fileURLToPath(config.outDir);
        removeStaleStaging(finalDir);
        // One name for every build: Astro writes the output folder into the bundle of each page that
        // uses its image pipeline, and a name that changed from build to build would make every
        // such page look changed to the incremental build.
        const stagingDir = `${finalDir.replace(/[\\/]+$/, '')}.building`;
        state.finalDir = finalDir;
        state.stagingDir = stagingDir;
        updateConfig({ outDir: pathToFileURL(`${stagingDir}/`) });
        // Whatever stops the build, a half-written staging folder must not be left behind.
        process.once('exit', () => {
          if (!state.swapped && state.stagingDir) rmSync(state.stagingDir, { recursive: true, force: true });
        });
      },
      'astro:config:done': ({ config }) => {
        const names = config.integrations.map((integration) => integration.name);
        const finishAt = names.indexOf(FINISH_NAME);
        if (names[0] !== START_NAME || finishAt === -1) {
          throw new Error(`${START_NAME} must be the first integration and ${FINISH_NAME} the last`);
        }
        // An output step after the swap would write into a folder that has already been moved.
        const late = config.integrations
          .slice(finishAt + 1)
          .filter((integration) => integration.hooks['astro:build:done']);
        if (late.length > 0) {
          throw new Error(`move ${late.map((i) => i.name).join(', ')} before ${FINISH_NAME} in astro.config.mjs`);
        }
        for (const integration of config.integrations.slice(1, finishAt)) timeOutputStep(integration);
      },
      'astro:build:start': () => {
        state.contentDone = performance.now();
      },
      'astro:build:generated': async () => {
        // Bodies rendered while the pages rendered (src/lib/deferred-renders.ts) are all done
        // before anything is indexed or put in place; a body no page showed (a draft's) may still
        // fail here, and fails the build as it would have while loading.
        const problems = await finishDeferredRenders();
        if (problems.length > 0) throw new ContentError(problems);
        state.pagesDone = performance.now();
      },
    },
  };
}

// Times one integration's output step (`astro:build:done`), which Astro runs one after the other.
function timeOutputStep(integration: AstroIntegration): void {
  const hook = integration.hooks['astro:build:done'];
  if (!hook) return;
  const name = OUTPUT_PHASE_NAMES[integration.name] ?? integration.name;
  integration.hooks['astro:build:done'] = async (options) => {
    const started = performance.now();
    try {
      await hook(options);
    } finally {
      state.outputSteps.push({ name, seconds: (performance.now() - started) / 1000 });
    }
  };
}

/**
 * Deletes the previous archive after the new one is in place, in a process of its own that
 * outlives the build: a large archive's tens of thousands of files take the better part of a
 * minute to delete, and nobody needs to wait for that. Whatever it leaves (a machine switched off
 * meanwhile), the next build's start removes.
 */
function removeInBackground(dir: string): void {
  if (!existsSync(dir)) return;
  const child = spawn(
    process.execPath,
    ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir],
    { detached: true, stdio: 'ignore' },
  );
  child.on('error', () => rmSync(dir, { recursive: true, force: true }));
  child.unref();
}

/** The last integration of the build: swap the finished output into place and report. */
export function buildFinish(): AstroIntegration {
  return {
    name: FINISH_NAME,
    hooks: {
      'astro:build:done': ({ pages, logger }) => {
        const { finalDir, stagingDir } = state;
        const swapStarted = performance.now();
        if (finalDir && stagingDir && existsSync(stagingDir)) {
          const oldDir = `${finalDir.replace(/[\\/]+$/, '')}.old-${process.pid}`;
          if (existsSync(finalDir)) renameSync(finalDir, oldDir);
          renameSync(stagingDir, finalDir);
          state.swapped = true;
          removeInBackground(oldDir);
        }
        const finished = performance.now();
        state.swapSeconds = (finished - swapStarted) / 1000;
        const channel = readBuildChannel();
        const pathnames = pages.map((page) => page.pathname);
        const report: BuildReport = {
          ...(channel.content ? { content: channel.content } : {}),
          ...(finalDir && state.swapped
            ? countOutputPages(finalDir, pathnames)
            : { pages: countPages(pathnames), totalPages: pathnames.length }),
          warnings: [...channel.warnings],
          phases: phases(finished),
          totalSeconds: (finished - state.started) / 1000,
        };
        const reportFile = process.env['WARTA_BUILD_REPORT'];
        if (reportFile) writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
        if (process.argv.includes('--json')) {
          // With --json Astro logs one JSON object a line; the report is one more such line.
          process.stdout.write(`${JSON.stringify({ label: 'warta:build-report', level: 'info', report })}\n`);
        } else {
          logger.info(`\n${formatBuildReport(report)}`);
        }
      },
    },
  };
}
