/**
 * Folder helpers for reproducibility tests: copy a content folder so the files come back from the
 * file system in another order, and compare two built archives byte for byte.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listFiles } from './build';

/**
 * Copies `source` into a new temporary folder, file by file in reverse name order, each with its own
 * old modification time. On tmpfs (`/dev/shm`, used when present) a folder lists its files newest
 * first, so the copy reads back in the opposite order; elsewhere the times and the path still differ.
 */
export async function copyInReverseOrder(source: string): Promise<string> {
  const parent = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const target = await mkdtemp(path.join(parent, 'warta-reversed-'));
  const files = (await listFiles(source)).reverse();
  for (const [index, file] of files.entries()) {
    await mkdir(path.dirname(path.join(target, file)), { recursive: true });
    await copyFile(path.join(source, file), path.join(target, file));
    const time = new Date(Date.UTC(2001, 0, 1) + index * 86_400_000);
    await utimes(path.join(target, file), time, time);
  }
  return target;
}

/** How two folders differ: files only in one of them, and files in both whose bytes differ. */
export interface TreeDifference {
  /** Files only in the first folder. */
  onlyInFirst: string[];
  /** Files only in the second folder. */
  onlyInSecond: string[];
  /** Files in both, with different contents. */
  changed: string[];
}

/** Compares two folders file by file; every list empty means they are byte-identical. */
export async function compareTrees(first: string, second: string): Promise<TreeDifference> {
  const [a, b] = await Promise.all([listFiles(first), listFiles(second)]);
  const inSecond = new Set(b);
  const inFirst = new Set(a);
  const changed: string[] = [];
  for (const file of a.filter((name) => inSecond.has(name))) {
    const [x, y] = await Promise.all([readFile(path.join(first, file)), readFile(path.join(second, file))]);
    if (!x.equals(y)) changed.push(file);
  }
  return {
    onlyInFirst: a.filter((name) => !inSecond.has(name)),
    onlyInSecond: b.filter((name) => !inFirst.has(name)),
    changed,
  };
}
