/**
 * Loads astro.config.mjs, whose `warta({ … })` registers the site's settings (src/site.config.ts),
 * for code that runs outside Astro: the command-line tools (`tsx --import` in package.json) and the
 * tests (Vitest's setup files). Invalid settings stop the command here, each problem named.
 */
import '../../astro.config.mjs';
