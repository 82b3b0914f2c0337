/**
 * The output folder of a build, staged: Astro writes into a folder next to `dist/`, and only once
 * every output step has written its files is the finished folder swapped into place. A build that
 * fails never reaches the swap, so the previous `dist/` stays whole; a build killed mid-way leaves
 * a staging folder that the next build's start removes.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Staging {
  finalDir: string;
  stagingDir: string;
  swapped: boolean;
}

let current: Staging | undefined;

function removeStaleStaging(finalDir: string): void {
  const parent = path.dirname(finalDir);
  if (!existsSync(parent)) return;
  // A build killed mid-way leaves its staging folder, or the previous archive it was removing.
  const base = path.basename(finalDir);
  const prefixes = [`${base}.building-`, `${base}.old-`];
  for (const name of readdirSync(parent)) {
    if (name === `${base}.building` || prefixes.some((prefix) => name.startsWith(prefix)))
      rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

/**
 * Starts staging the output of a build for `outDir`: clears what an earlier, interrupted build
 * left, and returns the folder Astro should write into instead.
 */
export function stageOutput(outDir: URL): URL {
  const finalDir = fileURLToPath(outDir);
  removeStaleStaging(finalDir);
  // One name for every build: Astro writes the output folder into the bundle of each page that
  // uses its image pipeline, and a name that changed from build to build would make every such
  // page look changed to the incremental build.
  const stagingDir = `${finalDir.replace(/[\\/]+$/, '')}.building`;
  const staging: Staging = { finalDir, stagingDir, swapped: false };
  current = staging;
  // Whatever stops the build, a half-written staging folder must not be left behind.
  process.once('exit', () => {
    if (!staging.swapped) rmSync(staging.stagingDir, { recursive: true, force: true });
  });
  return pathToFileURL(`${stagingDir}/`);
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
  const { finalDir, stagingDir } = current;
  const oldDir = `${finalDir.replace(/[\\/]+$/, '')}.old-${process.pid}`;
  if (existsSync(finalDir)) renameSync(finalDir, oldDir);
  renameSync(stagingDir, finalDir);
  current.swapped = true;
  removeInBackground(oldDir);
  return finalDir;
}
