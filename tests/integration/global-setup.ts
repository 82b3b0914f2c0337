/**
 * Builds the fixture archive and the sample archive of `content/` once for all integration tests
 * (each build takes seconds; most tests only read what it wrote). Tests get the output folders with
 * `inject('basicOutDir')` and `inject('sampleOutDir')`.
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
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
    /** Output folder of the shared build of the sample archive in `content/`. */
    sampleOutDir: string;
    /** Astro cache folder of that build, for a rebuild that starts from it. */
    sampleCacheDir: string;
  }
}

let basic: BuildResult | undefined;
let sample: BuildResult | undefined;

export async function setup(project: TestProject): Promise<void> {
  basic = await buildArchive(path.join(fixturesDir, 'basic', 'content'), BASIC_ENV);
  if (basic.exitCode !== 0) {
    throw new Error(`the fixture archive did not build:\n${basic.output}`);
  }
  project.provide('basicOutDir', basic.outDir);
  sample = await buildArchive(SAMPLE_CONTENT, SAMPLE_ENV);
  if (sample.exitCode !== 0) {
    throw new Error(`the sample archive did not build:\n${sample.output}`);
  }
  project.provide('sampleOutDir', sample.outDir);
  project.provide('sampleCacheDir', sample.cacheDir);
}

export async function teardown(): Promise<void> {
  await basic?.cleanup();
  await sample?.cleanup();
}
