/**
 * Builds, once for all browser tests, the search fixture archive, the sample archive in `content/`
 * and the hostile fixture, each with its search index, as `npm run build` would. Tests get their
 * folders with `inject('searchOutDir')`, `inject('sampleOutDir')` and `inject('hostileOutDir')` and
 * serve them with `serveStatic`.
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildArchive, fixturesDir, projectRoot, type BuildResult } from '../helpers/build';

/** Environment of the browser builds: a fixed clock and a UTC machine. */
export const BROWSER_ENV = { SOURCE_DATE_EPOCH: '1767225600', TZ: 'UTC' } as const;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Output folder of the build of `tests/fixtures/search`. */
    searchOutDir: string;
    /** The sub-path the search fixture is built for and must be served under. */
    searchBase: string;
    /** Output folder of the build of the sample articles in `content/`. */
    sampleOutDir: string;
    /** Output folder of the build of `tests/fixtures/hostile/renders`, with its search index. */
    hostileOutDir: string;
  }
}

/** Settings of the sample build: those of astro.config.mjs, whatever the shell exports. */
export const SAMPLE_SETTINGS = {
  WARTA_SITE_URL: '',
  WARTA_BASE: '',
  WARTA_TIME_ZONE: 'Asia/Jakarta',
  WARTA_PAGE_SIZE: '10',
  WARTA_INCLUDE_FUTURE: '',
} as const;

const builds: BuildResult[] = [];

async function build(contentDir: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const result = await buildArchive(contentDir, { ...BROWSER_ENV, ...env });
  builds.push(result);
  if (result.exitCode !== 0) throw new Error(`${contentDir} did not build:\n${result.output}`);
  return result.outDir;
}

export async function setup(project: TestProject): Promise<void> {
  // One after the other: two builds at once would only fight over the two cores. The fixture is
  // built for a sub-path, as a site hosted below its domain's root, so every search test checks
  // that the index, the scripts and the result links honour the base path.
  const searchBase = '/arsip/';
  project.provide('searchBase', searchBase);
  // Two articles to a part of the index, so every search test reads an index in several parts.
  project.provide(
    'searchOutDir',
    await build(path.join(fixturesDir, 'search', 'content'), { WARTA_BASE: searchBase, WARTA_SEARCH_PART_PAGES: '2' }),
  );
  // The sample's pages are read by address and by what they show, so its settings are pinned
  // against whatever the shell exports.
  project.provide('sampleOutDir', await build(path.join(projectRoot, 'content'), SAMPLE_SETTINGS));
  // The hostile articles, searched as a reader would search them (hostile-search.test.ts).
  project.provide('hostileOutDir', await build(path.join(fixturesDir, 'hostile', 'renders', 'content')));
}

export async function teardown(): Promise<void> {
  await Promise.all(builds.map((result) => result.cleanup()));
}
