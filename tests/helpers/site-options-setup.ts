/**
 * Vitest's global setup for Warta's settings: loads astro.config.mjs once per run, as the
 * command-line tools do, and hands the options of its `warta({ … })` to every test file
 * (tests/helpers/register-site-options.ts registers them), so no test file loads Astro's config itself.
 */
import type { TestProject } from 'vitest/node';
import type { WartaOptions } from '../../src/lib/core/site-settings';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The options of `warta({ … })` in astro.config.mjs. */
    siteOptions: WartaOptions;
  }
}

/** Loads astro.config.mjs and provides its site options to the test files. */
export async function setup(project: TestProject): Promise<void> {
  await import('../../src/cli/load-settings');
  const { getRegisteredSiteOptions } = await import('../../src/site.config');
  const options = getRegisteredSiteOptions();
  if (options === undefined) throw new Error('astro.config.mjs did not call warta({ … })');
  project.provide('siteOptions', options);
}
