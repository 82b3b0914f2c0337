import { defineConfig } from 'vitest/config';

// Tests pin Warta's settings themselves: a shell that exports them for a deploy (WARTA_SITE_URL,
// WARTA_BASE, …) must not change what a test sees, in this process, its workers or the builds they start.
for (const name of Object.keys(process.env)) if (name.startsWith('WARTA_')) delete process.env[name];

// Unit tests run in parallel; integration tests each build an archive with Astro, so they run one
// file at a time to stay within two cores. Browser tests drive Chromium against archives their
// global setup builds once, also one file at a time.
// The code under test reads the settings of astro.config.mjs's warta({ … }): loaded once per run
// (loading it in every test file would cost seconds each), and registered in every test file.
const setupFiles = ['tests/helpers/register-site-options.ts'];
const siteOptions = 'tests/helpers/site-options-setup.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles,
          globalSetup: [siteOptions],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          setupFiles,
          globalSetup: [siteOptions, 'tests/integration/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          setupFiles,
          globalSetup: [siteOptions, 'tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
