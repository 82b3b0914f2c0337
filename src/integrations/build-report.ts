/**
 * The build report printed at the end of `npm run build`: how long each phase took (each output
 * step of the other integrations on its own, the search index among them), every warning logged
 * during the build, what was published and held back, and the pages written by type.
 * `npm run build -- --json` prints it as a JSON line among Astro's own; `WARTA_BUILD_REPORT=<file>`
 * also writes it to a file. The framing integrations (src/integrations/build-frame.ts) call it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger, AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import {
  classifyPage,
  countPages,
  formatBuildReport,
  isRedirectPage,
  pagePathOfFile,
  type BuildReport,
  type PageType,
  type PhaseTiming,
} from '../lib/report/build-report';
import { getReportedPublished, getWarnings } from './build-context';

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

/** The moments a build passes, as `performance.now()` read them. */
interface Timings {
  started: number;
  contentDone?: number;
  pagesDone?: number;
  outputSteps: PhaseTiming[];
  swapSeconds: number;
}

let timings: Timings = { started: 0, outputSteps: [], swapSeconds: 0 };

/** Starts timing a build. */
export function startBuildTimer(): void {
  timings = { started: performance.now(), outputSteps: [], swapSeconds: 0 };
}

/** Marks the end of a build phase: the content loaded, or the pages written. */
export function markPhaseDone(phase: 'content' | 'pages'): void {
  if (phase === 'content') timings.contentDone = performance.now();
  else timings.pagesDone = performance.now();
}

function phases(finished: number): PhaseTiming[] {
  const { started, contentDone, pagesDone, outputSteps, swapSeconds } = timings;
  if (contentDone === undefined || pagesDone === undefined) return [];
  // Astro's own finishing work (copying public/, cleaning up) between the pages and the swap.
  const timed = outputSteps.reduce((sum, step) => sum + step.seconds, 0) + swapSeconds;
  return [
    { name: 'content', seconds: (contentDone - started) / 1000 },
    { name: 'pages', seconds: (pagesDone - contentDone) / 1000 },
    ...outputSteps,
    { name: 'finishing', seconds: Math.max(0, (finished - pagesDone) / 1000 - timed) },
    { name: 'swap into place', seconds: swapSeconds },
  ];
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

/** Times one integration's output step (`astro:build:done`), which Astro runs one after the other. */
export function timeOutputStep(integration: AstroIntegration): void {
  const hook = integration.hooks['astro:build:done'];
  if (!hook) return;
  const name = OUTPUT_PHASE_NAMES[integration.name] ?? integration.name;
  integration.hooks['astro:build:done'] = async (options) => {
    const started = performance.now();
    try {
      await hook(options);
    } finally {
      timings.outputSteps.push({ name, seconds: (performance.now() - started) / 1000 });
    }
  };
}

/** Runs the swap of the output into place, timed as the report's last phase. */
export function timeSwap<T>(swap: () => T): T {
  const started = performance.now();
  try {
    return swap();
  } finally {
    timings.swapSeconds = (performance.now() - started) / 1000;
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
      : classifyPage(pagePathOfFile(file));
    pages[type] = (pages[type] ?? 0) + 1;
    totalPages += 1;
  }
  return { pages, totalPages };
}

/** Times a step of the frame's own (measuring the output), reported under `name` among the output steps. */
export async function timeStep<T>(name: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await step();
  } finally {
    timings.outputSteps.push({ name, seconds: (performance.now() - started) / 1000 });
  }
}

/** What the output holds and where it fits, for the report. */
export type OutputFigures = Pick<BuildReport, 'output' | 'hosts'>;

/**
 * Assembles the report of the build that wrote Astro's pages `pathnames` into `outDir` (counted
 * from Astro's list alone when there is no output folder), and prints and writes it.
 */
export function finishBuildReport(
  pathnames: readonly string[],
  outDir: string | undefined,
  logger: AstroIntegrationLogger,
  figures: OutputFigures = {},
): BuildReport {
  const finished = performance.now();
  const content = getReportedPublished()?.stats;
  const report: BuildReport = {
    ...(content ? { content } : {}),
    ...(outDir ? countOutputPages(outDir, pathnames) : { pages: countPages(pathnames), totalPages: pathnames.length }),
    ...figures,
    warnings: [...getWarnings()],
    phases: phases(finished),
    totalSeconds: (finished - timings.started) / 1000,
  };
  const reportFile = process.env['WARTA_BUILD_REPORT'];
  if (reportFile) writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  if (process.argv.includes('--json')) {
    // With --json Astro logs one JSON object a line; the report is one more such line.
    process.stdout.write(`${JSON.stringify({ label: 'warta:build-report', level: 'info', report })}\n`);
  } else {
    logger.info(`\n${formatBuildReport(report)}`);
  }
  return report;
}
