/**
 * The same content and configuration always build the same archive: a second build on a "different
 * machine" (another time zone and locale, the articles copied in reverse order with other file
 * times, another folder, a build clock a day later, and Markdown rendered on two worker threads
 * while the pages render instead of on the build's own thread) writes byte-identical files. Each build
 * costs seconds, so one build per archive carries all of these differences at once.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildArchive, fixturesDir, listFiles, type BuildResult } from '../helpers/build';
import { compareTrees, copyInReverseOrder } from '../helpers/trees';
import { BASIC_ENV, SAMPLE_CONTENT, SAMPLE_ENV } from './global-setup';

/**
 * What differs on the other machine. Turkish has its own case rules and collation; Los Angeles is
 * behind UTC with daylight saving. The clock moves a day on, to a time at which the same articles
 * are published, none is recent enough for the news sitemap and none has its anniversary (its age
 * label counts whole years), so nothing may change: only output that is about time may read the clock.
 */
function otherMachine(env: { SOURCE_DATE_EPOCH: string }): NodeJS.ProcessEnv {
  return {
    TZ: 'America/Los_Angeles',
    LANG: 'tr_TR.UTF-8',
    LC_ALL: 'tr_TR.UTF-8',
    SOURCE_DATE_EPOCH: String(Number(env.SOURCE_DATE_EPOCH) + 86_400),
    // A large archive's way of rendering (src/integrations/build-context.ts), which a small one never takes.
    WARTA_RENDER_WORKERS: '2',
  };
}

describe.each([
  {
    name: 'the sample archive, rebuilt from the first build’s content cache',
    content: SAMPLE_CONTENT,
    env: SAMPLE_ENV,
    outDir: () => inject('sampleOutDir'),
    // A CI run restores the previous run's cache: that build must not differ from a clean one.
    reuseCache: true,
  },
  {
    name: 'the fixture archive, rebuilt from scratch',
    content: path.join(fixturesDir, 'basic', 'content'),
    env: BASIC_ENV,
    outDir: () => inject('basicOutDir'),
    reuseCache: false,
  },
])('$name on another machine', ({ content, env, outDir, reuseCache }) => {
  let copy: string;
  let build: BuildResult;

  beforeAll(async () => {
    copy = await copyInReverseOrder(content);
    const cache = reuseCache ? { WARTA_CACHE_DIR: inject('sampleCacheDir') } : {};
    build = await buildArchive(copy, { ...env, ...otherMachine(env), ...cache });
    if (build.exitCode !== 0) throw new Error(`the second build failed:\n${build.output}`);
  });
  afterAll(async () => {
    await build?.cleanup();
    await rm(copy, { recursive: true, force: true });
  });

  it('writes byte-identical files', async () => {
    expect((await listFiles(build.outDir)).length).toBeGreaterThan(10);
    expect(await compareTrees(outDir(), build.outDir)).toEqual({ onlyInFirst: [], onlyInSecond: [], changed: [] });
  });
});
