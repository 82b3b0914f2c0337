/**
 * The output folder of a build, staged: Astro writes into a staging folder, and only once every
 * output step has written its files is the finished folder swapped into place. A build that fails
 * never reaches the swap, so the previous output stays whole; a build killed mid-way leaves a
 * staging folder that the next build's start removes.
 *
 * The staging folder is `dist.building/` next to an output folder inside the project. For an output
 * folder outside it (`WARTA_OUT_DIR=/tmp/site`) it is inside the project, under
 * `node_modules/.cache/warta-staging/`: Astro runs the bundle of the pages from the staging folder,
 * and Node finds the project's packages only from a folder inside the project. At the swap the
 * finished folder is first moved next to the output folder (renamed, or copied where the two are
 * on different file systems) and then swapped in by rename, so the previous output is replaced
 * whole or not at all.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { moveFolder } from '../files/move-folder';

interface Staging {
  finalDir: string;
  /** Where Astro writes. */
  stagingDir: string;
  /** Next to the output folder: where the finished folder waits for the swap. */
  besideDir: string;
  swapped: boolean;
}

let current: Staging | undefined;

const withoutTrailingSlash = (dir: string) => dir.replace(/[\\/]+$/, '');

/** Whether `dir` is `root` or a folder below it. */
function isInside(dir: string, root: string): boolean {
  const relative = path.relative(root, dir);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The staging folder of the output folder `finalDir` in the project at `root`: `dist.building`
 * beside an output folder inside the project, or a folder of its own under the project's
 * `node_modules/.cache/warta-staging/` for one outside it. The name is the same from build to build
 * (Astro writes the output folder into the bundle of each page that uses its image pipeline, and a
 * name that changed would make every such page look changed to the incremental build), and differs
 * between output folders, so two archives can build side by side.
 */
export function stagingDirFor(finalDir: string, root: string): string {
  const final = withoutTrailingSlash(path.resolve(finalDir));
  if (isInside(final, root)) return `${final}.building`;
  const key = createHash('sha256').update(final).digest('hex').slice(0, 16);
  return path.join(root, 'node_modules', '.cache', 'warta-staging', `${path.basename(final)}-${key}`);
}

function removeStaleStaging(staging: Staging): void {
  rmSync(staging.stagingDir, { recursive: true, force: true });
  const parent = path.dirname(staging.finalDir);
  if (!existsSync(parent)) return;
  // A build killed mid-way leaves its staging folder, or the previous archive it was removing.
  const base = path.basename(staging.finalDir);
  const prefixes = [`${base}.building-`, `${base}.old-`];
  for (const name of readdirSync(parent)) {
    if (name === `${base}.building` || prefixes.some((prefix) => name.startsWith(prefix)))
      rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

/**
 * Starts staging the output of a build for `outDir` of the project at `root`: clears what an
 * earlier, interrupted build left, and returns the folder Astro should write into instead.
 */
export function stageOutput(outDir: URL, root: URL): URL {
  const finalDir = withoutTrailingSlash(fileURLToPath(outDir));
  const stagingDir = stagingDirFor(finalDir, fileURLToPath(root));
  const staging: Staging = { finalDir, stagingDir, besideDir: `${finalDir}.building`, swapped: false };
  removeStaleStaging(staging);
  current = staging;
  // Whatever stops the build, a half-written staging folder must not be left behind.
  process.once('exit', () => {
    if (staging.swapped) return;
    rmSync(staging.stagingDir, { recursive: true, force: true });
    rmSync(staging.besideDir, { recursive: true, force: true });
  });
  return pathToFileURL(`${stagingDir}/`);
}

/**
 * Makes the project's folder the working folder of the build. Astro puts the bundle of the pages
 * inside the output folder only when that is below the working folder, and otherwise in `.astro/`
 * of the working folder: run from elsewhere (`cd /tmp && astro build --root …`), the bundle would
 * land where Node cannot find the project's packages.
 */
export function workFromProjectRoot(root: URL): void {
  const dir = fileURLToPath(root);
  if (path.resolve(process.cwd()) !== path.resolve(dir)) process.chdir(dir);
}

/**
 * Deletes the previous archive after the new one is in place, in a process of its own that
 * outlives the build: a large archive's tens of thousands of files take the better part of a
 * minute to delete, and nobody needs to wait for that. Whatever it leaves (a machine switched off
 * meanwhile), the next build's start removes.
 */
function removeInBackground(dir: string): void {
  if (!existsSync(dir)) return;
  const child = spawn(
    process.execPath,
    ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir],
    { detached: true, stdio: 'ignore' },
  );
  child.on('error', () => rmSync(dir, { recursive: true, force: true }));
  child.unref();
}

/** The folder this build is writing its output into, while it has not been swapped into place. */
export function stagedOutputDir(): string | undefined {
  return current && !current.swapped && existsSync(current.stagingDir) ? current.stagingDir : undefined;
}

/**
 * Puts the finished staging folder in place of the output folder; returns the output folder, or
 * `undefined` when nothing was staged (a build that wrote nothing).
 */
export function swapOutputIntoPlace(): string | undefined {
  if (!current || !existsSync(current.stagingDir)) return undefined;
  const { finalDir, stagingDir, besideDir } = current;
  // The output folder's parent may not exist yet (`WARTA_OUT_DIR=shards/1`).
  mkdirSync(path.dirname(finalDir), { recursive: true });
  // Staged inside the project for an output folder elsewhere: first beside it, where a copy
  // across file systems that fails part-way harms nothing.
  if (stagingDir !== besideDir) moveFolder(stagingDir, besideDir);
  const oldDir = `${finalDir}.old-${process.pid}`;
  if (existsSync(finalDir)) renameSync(finalDir, oldDir);
  renameSync(besideDir, finalDir);
  current.swapped = true;
  removeInBackground(oldDir);
  return finalDir;
}
