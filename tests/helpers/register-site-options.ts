/**
 * Vitest's setup file: registers the options of astro.config.mjs's `warta({ … })`, which
 * tests/helpers/site-options-setup.ts read once for the run, as the settings of this test file.
 */
import { inject } from 'vitest';
import { registerSiteOptions } from '../../src/site.config';

registerSiteOptions(inject('siteOptions'));
