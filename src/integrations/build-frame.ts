/**
 * The two integrations that frame a build. `buildStart` goes first in the list: it starts the
 * build context and the report's timer, records every warning logged, has each other
 * integration's output step timed, and stages the output (build-staging.ts). `buildFinish` goes last:
 * once every other integration (search index, redirects) has written its files, it swaps the
 * finished folder into place and prints the report. The work is in build-context.ts,
 * build-staging.ts and build-report.ts; this file only wires it to Astro's hooks.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { formatShard, type Shard } from '../lib/core/shards';
import type { BuildReport } from '../lib/report/build-report';
import { writeShardManifest } from '../files/shard-manifest';
import { ContentError } from '../lib/core/problems';
import { measureOutput } from '../files/output-size';
import { checkHostLimits, HOST_SETTING, hostsThatFit } from '../lib/report/output-size';
import {
  finishDeferredRenders,
  getBuildSettings,
  getReportedPublished,
  reportWarning,
  resetBuildContext,
} from './build-context';
import {
  finishBuildReport,
  markPhaseDone,
  recordingWarnings,
  startBuildTimer,
  timeOutputStep,
  timeStep,
  timeSwap,
  type OutputFigures,
} from './build-report';
import { condensePageLog } from './page-log';
import { stagedOutputDir, stageOutput, swapOutputIntoPlace, workFromProjectRoot } from './build-staging';

const START_NAME = 'warta:build-start';
const FINISH_NAME = 'warta:build-finish';

// The frame needs the whole list: it must come first and last, with every output step in between.
function checkOrder(integrations: readonly AstroIntegration[]): void {
  const names = integrations.map((integration) => integration.name);
  const finishAt = names.indexOf(FINISH_NAME);
  if (names[0] !== START_NAME || finishAt === -1) {
    throw new Error(`${START_NAME} must be the first integration and ${FINISH_NAME} the last`);
  }
  // An output step after the swap would write into a folder that has already been moved.
  const late = integrations.slice(finishAt + 1).filter((integration) => integration.hooks['astro:build:done']);
  if (late.length > 0) {
    throw new Error(`move ${late.map((i) => i.name).join(', ')} before ${FINISH_NAME} in astro.config.mjs`);
  }
}

/** The first integration of the build: context, timing, warnings, and output into a staging folder. */
export function buildStart(): AstroIntegration {
  return {
    name: START_NAME,
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (command !== 'build') return;
        resetBuildContext();
        startBuildTimer();
        // Every logger of the build (Astro's, Vite's, each integration's and loader's) writes
        // through this one shared destination, so the report sees every warning, whoever raised it.
        // Astro's line per page and per picture becomes a count every few seconds (page-log.ts),
        // but under --verbose or WARTA_LOG_PAGES=1.
        const { destination, level } = logger.options;
        const everyPage = level === 'debug' || getBuildSettings().logEveryPage;
        logger.options.destination = recordingWarnings(
          everyPage ? destination : condensePageLog(destination),
          reportWarning,
        );
        workFromProjectRoot(config.root);
        updateConfig({ outDir: stageOutput(config.outDir, config.root) });
      },
      'astro:config:done': ({ config }) => {
        checkOrder(config.integrations);
        const finishAt = config.integrations.findIndex((integration) => integration.name === FINISH_NAME);
        for (const integration of config.integrations.slice(1, finishAt)) timeOutputStep(integration);
      },
      'astro:build:start': () => {
        markPhaseDone('content');
      },
      'astro:build:generated': async () => {
        // Bodies rendered while the pages rendered (see build-context.ts) are all done before
        // anything is indexed or put in place; a body no page showed (a draft's) may still fail
        // here, and fails the build as it would have while loading.
        const problems = await finishDeferredRenders();
        if (problems.length > 0) throw new ContentError(problems);
        markPhaseDone('pages');
      },
    },
  };
}

/**
 * Measures the finished output and holds it to the limits of the host named by `warta({ host })` or
 * `WARTA_HOST`; the
 * problems, when there are any, fail the build before the output is put in place.
 */
async function measureStagedOutput(): Promise<OutputFigures> {
  const staged = stagedOutputDir();
  if (!staged) return {};
  const output = await timeStep('output size', () => measureOutput(staged));
  const chosen = getBuildSettings().host;
  const problems = chosen ? checkHostLimits(output, chosen.limits) : [];
  return { output, hosts: { ...hostsThatFit(output), ...(chosen ? { chosen: chosen.name } : {}), problems } };
}

/**
 * Finishes the output of a build (or of the merge of a sharded build's shards) written into the
 * staging folder: measures it, swaps it into place and reports. An output too large for the chosen
 * host is reported and fails the build; the previous output stays.
 */
export async function finishOutput(pathnames: readonly string[], logger: AstroIntegrationLogger): Promise<BuildReport> {
  const figures = await measureStagedOutput();
  const problems = figures.hosts?.problems ?? [];
  if (problems.length > 0) {
    finishBuildReport(pathnames, stagedOutputDir(), logger, figures);
    const host = getBuildSettings().host!;
    const setting = process.env[HOST_SETTING]?.trim()
      ? `${HOST_SETTING}=${host.name}`
      : `warta({ host: '${host.name}' })`;
    throw new Error(
      `${setting}: the archive does not fit ${host.limits.label} (${host.limits.source}); ` +
        `the previous output is left as it was:\n${problems.map((p) => `  ${p.limit}: ${p.message}`).join('\n')}`,
    );
  }
  const outDir = timeSwap(swapOutputIntoPlace);
  return finishBuildReport(pathnames, outDir, logger, figures);
}

/**
 * A shard of a sharded build: its pages go into its own output folder with what the merge needs
 * (src/files/shard-merge.ts); sizes and host limits are the merged output's to meet.
 */
async function finishShard(shard: Shard, pathnames: readonly string[], logger: AstroIntegrationLogger): Promise<void> {
  const staged = stagedOutputDir();
  const published = getReportedPublished();
  if (!staged || !published) throw new Error(`shard ${formatShard(shard)} rendered no page`);
  const report = finishBuildReport(pathnames, undefined, logger);
  await writeShardManifest(staged, { shard, pages: [...pathnames], report }, published);
  timeSwap(swapOutputIntoPlace);
}

/** The last integration of the build: finish the output (or the shard's share of it) and report. */
export function buildFinish(): AstroIntegration {
  return {
    name: FINISH_NAME,
    hooks: {
      'astro:build:done': async ({ pages, logger }) => {
        const pathnames = pages.map((page) => page.pathname);
        const { shard } = getBuildSettings();
        if (shard) await finishShard(shard, pathnames, logger);
        else await finishOutput(pathnames, logger);
      },
    },
  };
}
