/**
 * Loads astro.config.mjs, whose `warta({ … })` registers the site's settings (src/site.config.ts),
 * for code that runs outside Astro: each command-line tool that reads the settings imports it first,
 * and the tests' global setup (tests/helpers/site-options-setup.ts) imports it once per run. Wrong
 * settings stop the command here, each problem named (./settings-errors.ts).
 */
import { reportSettingsError } from './settings-errors';
import '../../astro.config.mjs';

// The settings loaded: the tool's own errors are Node's to report again.
process.off('uncaughtException', reportSettingsError);
