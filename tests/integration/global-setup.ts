/**
 * Builds the fixture archive and the sample archive of `content/` once for all integration tests
 * (each build takes seconds; most tests only read what it wrote). Tests get the output folders with
 * `inject('basicOutDir')` and `inject('sampleOutDir')`.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { BuildReport } from '../../src/lib/report/build-report';
import { buildArchive, fixturesDir, projectRoot, type BuildResult } from '../helpers/build';

/** Environment of the shared fixture build: small pages, a fixed clock, a UTC machine. */
export const BASIC_ENV = { WARTA_PAGE_SIZE: '2', SOURCE_DATE_EPOCH: '1767225600', TZ: 'UTC' } as const;

/** The sample archive's content folder, the articles `npm run build` publishes. */
export const SAMPLE_CONTENT = path.join(projectRoot, 'content');

/** Environment of the shared sample build: the default configuration on a fixed clock and a UTC machine. */
export const SAMPLE_ENV = {
  SOURCE_DATE_EPOCH: '1767225600',
  TZ: 'UTC',
  LANG: 'C.UTF-8',
  WARTA_SITE_URL: 'https://warta.example.org',
} as const;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Output folder of the shared build of `tests/fixtures/basic`. */
    basicOutDir: string;
    /** Its build report, as `--json` printed it and as `WARTA_BUILD_REPORT` wrote it. */
    basicReport: { printed: BuildReport[]; written: BuildReport };
    /** Output folder of the shared build of the sample archive in `content/`. */
    sampleOutDir: string;
    /** Astro cache folder of that build, for a rebuild that starts from it. */
    sampleCacheDir: string;
  }
}

let basic: BuildResult | undefined;
let sample: BuildResult | undefined;

const reportFile = path.join(tmpdir(), `warta-build-report-${process.pid}.json`);

/** The build reports among the JSON lines that `astro build --json` printed. */
function printedReports(output: string): BuildReport[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { label?: string; report?: BuildReport })
    .filter((entry) => entry.label === 'warta:build-report' && entry.report)
    .map((entry) => entry.report!);
}

export async function setup(project: TestProject): Promise<void> {
  // Built as CI builds: with --json for machines, and the report written to a file.
  basic = await buildArchive(
    path.join(fixturesDir, 'basic', 'content'),
    { ...BASIC_ENV, WARTA_BUILD_REPORT: reportFile },
    ['--json'],
  );
  if (basic.exitCode !== 0) {
    throw new Error(`the fixture archive did not build:\n${basic.output}`);
  }
  project.provide('basicOutDir', basic.outDir);
  project.provide('basicReport', {
    printed: printedReports(basic.output),
    written: JSON.parse(await readFile(reportFile, 'utf8')) as BuildReport,
  });
  sample = await buildArchive(SAMPLE_CONTENT, SAMPLE_ENV);
  if (sample.exitCode !== 0) {
    throw new Error(`the sample archive did not build:\n${sample.output}`);
  }
  project.provide('sampleOutDir', sample.outDir);
  project.provide('sampleCacheDir', sample.cacheDir);
}

export async function teardown(): Promise<void> {
  await rm(reportFile, { force: true });
  await basic?.cleanup();
  await sample?.cleanup();
}
