/**
 * The one clock a build reads. `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
 * convention) fixes it, so time-based output (scheduled articles) is reproducible.
 */

/** Returns the build's notion of "now" from an environment: `SOURCE_DATE_EPOCH` when set, else `now`. */
export function resolveBuildTime(env: Readonly<Record<string, string | undefined>>, now: Date = new Date()): Date {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw.trim() === '') return now;
  const date = /^\d+$/.test(raw.trim()) ? new Date(Number(raw.trim()) * 1000) : new Date(Number.NaN);
  // The reproducible-builds convention allows decimal digits only, and the date must exist.
  if (Number.isNaN(date.getTime())) {
    throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got "${raw}"`);
  }
  return date;
}

/**
 * The value of `SOURCE_DATE_EPOCH` that fixes a build's clock for all it runs: the one given (checked),
 * else `now` in whole seconds. `npm run build` sets it before starting Astro, so that every page of a
 * build, and every shard of a build on one machine, tells the time of one moment: otherwise an
 * article's age ("more than 24 years old") can change between pages rendered minutes apart.
 */
export function fixedBuildClock(env: Readonly<Record<string, string | undefined>>, now: Date = new Date()): string {
  return String(Math.floor(resolveBuildTime(env, now).getTime() / 1000));
}
