/**
 * Two integrations that frame the build. `buildStart` goes first in the list: it times the phases
 * and redirects the output into a temporary folder next to `dist/`. `buildFinish` goes last: once
 * every other integration (search index, redirects) has written its files, it swaps the finished
 * folder into place and prints the build report (`npm run build -- --json` prints it as a JSON
 * line among Astro's own; `WARTA_BUILD_REPORT=<file>` also writes it to a file).
 * A build that fails never reaches the swap, so the previous `dist/` stays whole.
 */
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { countPages, formatBuildReport, type BuildReport, type PhaseTiming } from '../lib/build-report';
import { readBuildChannel, resetBuildChannel } from './build-channel';

interface BuildState {
  finalDir?: string;
  stagingDir?: string;
  marks: { name: string; at: number }[];
  swapped: boolean;
}

const state: BuildState = { marks: [], swapped: false };

function mark(name: string): void {
  state.marks.push({ name, at: performance.now() });
}

function phases(): PhaseTiming[] {
  const names: Record<string, string> = {
    'build:start': 'content loading and Markdown',
    'build:generated': 'bundling and page rendering',
    finish: 'search index and other output',
  };
  const result: PhaseTiming[] = [];
  for (let i = 1; i < state.marks.length; i += 1) {
    const current = state.marks[i]!;
    result.push({ name: names[current.name] ?? current.name, seconds: (current.at - state.marks[i - 1]!.at) / 1000 });
  }
  return result;
}

function removeStaleStaging(finalDir: string): void {
  const parent = path.dirname(finalDir);
  if (!existsSync(parent)) return;
  const prefix = `${path.basename(finalDir)}.building-`;
  for (const name of readdirSync(parent)) {
    if (name.startsWith(prefix)) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

/** The first integration of the build: timing, and output into a staging folder. */
export function buildStart(): AstroIntegration {
  return {
    name: 'warta:build-start',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        resetBuildChannel();
        state.marks = [];
        state.swapped = false;
        mark('start');
        const finalDir = fileURLToPath(config.outDir);
        removeStaleStaging(finalDir);
        const stagingDir = `${finalDir.replace(/[\\/]+$/, '')}.building-${process.pid}`;
        state.finalDir = finalDir;
        state.stagingDir = stagingDir;
        updateConfig({ outDir: pathToFileURL(`${stagingDir}/`) });
        // Whatever stops the build, a half-written staging folder must not be left behind.
        process.once('exit', () => {
          if (!state.swapped && state.stagingDir) rmSync(state.stagingDir, { recursive: true, force: true });
        });
      },
      'astro:build:start': () => mark('build:start'),
      'astro:build:generated': () => mark('build:generated'),
    },
  };
}

/** The last integration of the build: swap the finished output into place and report. */
export function buildFinish(): AstroIntegration {
  return {
    name: 'warta:build-finish',
    hooks: {
      'astro:build:done': ({ pages, logger }) => {
        const { finalDir, stagingDir } = state;
        if (finalDir && stagingDir && existsSync(stagingDir)) {
          const oldDir = `${finalDir.replace(/[\\/]+$/, '')}.old-${process.pid}`;
          if (existsSync(finalDir)) renameSync(finalDir, oldDir);
          renameSync(stagingDir, finalDir);
          state.swapped = true;
          rmSync(oldDir, { recursive: true, force: true });
        }
        mark('finish');
        const channel = readBuildChannel();
        const pathnames = pages.map((page) => page.pathname);
        const report: BuildReport = {
          ...(channel.content ? { content: channel.content } : {}),
          pages: countPages(pathnames),
          totalPages: pathnames.length,
          warnings: [...channel.warnings],
          phases: phases(),
          totalSeconds: (state.marks.at(-1)!.at - state.marks[0]!.at) / 1000,
        };
        const reportFile = process.env['WARTA_BUILD_REPORT'];
        if (reportFile) writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
        if (process.argv.includes('--json')) {
          // With --json Astro logs one JSON object a line; the report is one more such line.
          process.stdout.write(`${JSON.stringify({ label: 'warta:build-report', level: 'info', report })}\n`);
        } else {
          logger.info(`\n${formatBuildReport(report)}`);
        }
        for (const warning of report.warnings) logger.warn(warning);
      },
    },
  };
}
