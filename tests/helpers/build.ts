/**
 * Builds an archive from a folder of articles exactly as `npm run build` does (the Astro CLI with
 * `WARTA_CONTENT_DIR`), into a temporary output folder, for integration tests to read.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where the test fixtures live. */
export const fixturesDir = path.join(projectRoot, 'tests', 'fixtures');

/** The outcome of a build. */
export interface BuildResult {
  /** Exit code of `astro build`. */
  exitCode: number;
  /** Everything the build printed, stdout and stderr interleaved. */
  output: string;
  /** Folder the archive was written to. */
  outDir: string;
  /** Astro's cache folder of this build (content store, optimized assets). */
  cacheDir: string;
  /** Reads a file of the built archive as text, by its site path (`/2022/09/06/a/` → its index.html). */
  read(sitePath: string): Promise<string>;
  /** Removes the output and cache folders. */
  cleanup(): Promise<void>;
}

// Vitest puts Vite's own variables (BASE_URL, MODE, DEV, …) and its markers into process.env; a
// child Astro process would take them as its own (BASE_URL would override the configured base path).
const testRunnerVariables = /^(NODE_ENV|TEST|VITEST.*|BASE_URL|MODE|DEV|PROD|SSR)$/;

// Warta's own settings come from the test, never from the shell that runs it: a deploy shell
// exporting WARTA_SITE_URL must not change what a test builds.
const wartaSettings = /^WARTA_/;

/**
 * The environment for a child process of a test: the machine's, without the test runner's
 * variables or Warta's settings, plus `extra`.
 */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !testRunnerVariables.test(name) && !wartaSettings.test(name)),
  );
  return { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

/** Runs a command with the project's Node and returns its exit code and combined output. */
export function run(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve, reject) => {
    // The test runner's NODE_ENV=test and friends must not leak into a production build.
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? projectRoot,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 170_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? 1, output });
    });
  });
}

/** Resolves a site path to the file the build wrote for it. */
export function siteFile(outDir: string, sitePath: string): string {
  const clean = decodeURIComponent(sitePath.split(/[?#]/)[0] ?? '/');
  return path.join(outDir, clean.endsWith('/') ? `${clean}index.html` : clean);
}

/** A view of an archive that is already built, for tests that only read it. */
export function openArchive(outDir: string): Pick<BuildResult, 'outDir' | 'read'> {
  return { outDir, read: (sitePath) => readFile(siteFile(outDir, sitePath), 'utf8') };
}

/** Lists every file of a built archive, as sorted paths relative to it. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    ),
  );
  return nested.flat().sort();
}

/**
 * Builds the archive of `contentDir` with extra environment variables and `astro build` arguments,
 * from the project's folder (or `cwd`), killing a build that takes longer than `timeoutMs` (170 s
 * unless given). The fixtures keep the
 * sample's address on purpose (`WARTA_ALLOW_EXAMPLE_URL=1`), whether or not the tests run in CI; the
 * tests of that guard pass `WARTA_ALLOW_EXAMPLE_URL: ''`.
 */
export async function buildArchive(
  contentDir: string,
  env: NodeJS.ProcessEnv = {},
  args: readonly string[] = [],
  options: { timeoutMs?: number; cwd?: string } = {},
): Promise<BuildResult> {
  const work = await mkdtemp(path.join(tmpdir(), 'warta-build-'));
  const outDir = env['WARTA_OUT_DIR'] ?? path.join(work, 'dist');
  const cacheDir = env['WARTA_CACHE_DIR'] ?? path.join(work, 'cache');
  const { exitCode, output } = await run(
    [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', ...args],
    {
      WARTA_CONTENT_DIR: contentDir,
      WARTA_ALLOW_EXAMPLE_URL: '1',
      ...env,
      WARTA_OUT_DIR: outDir,
      WARTA_CACHE_DIR: cacheDir,
    },
    options,
  );
  return {
    exitCode,
    output,
    outDir,
    cacheDir,
    read: (sitePath) => readFile(siteFile(outDir, sitePath), 'utf8'),
    cleanup: () => rm(work, { recursive: true, force: true }),
  };
}
