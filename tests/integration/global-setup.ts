/**
 * Builds the fixture archive once for all integration tests (each build takes seconds; most tests
 * only read what it wrote). Tests get the output folder with `inject('basicOutDir')`.
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildArchive, fixturesDir, type BuildResult } from '../helpers/build';

/** Environment of the shared fixture build: small pages, a fixed clock, a UTC machine. */
export const BASIC_ENV = { WARTA_PAGE_SIZE: '2', SOURCE_DATE_EPOCH: '1767225600', TZ: 'UTC' } as const;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Output folder of the shared build of `tests/fixtures/basic`. */
    basicOutDir: string;
  }
}

let basic: BuildResult | undefined;

export async function setup(project: TestProject): Promise<void> {
  basic = await buildArchive(path.join(fixturesDir, 'basic', 'content'), BASIC_ENV);
  if (basic.exitCode !== 0) {
    throw new Error(`the fixture archive did not build:\n${basic.output}`);
  }
  project.provide('basicOutDir', basic.outDir);
}

export async function teardown(): Promise<void> {
  await basic?.cleanup();
}
