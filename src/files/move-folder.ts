/**
 * Moving a finished folder to where it belongs: a rename when both places are on one file system,
 * a copy and a removal when they are not (a rename across file systems fails with EXDEV, as from a
 * project on one disk to an output folder on a tmpfs); and moving the contents of one folder into
 * another that already holds some (the merge of a sharded build, `moveInto`).
 */
import {
  constants as fsConstants,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';

/** The file-system calls a move makes, so a test can make the rename fail as across file systems. */
export interface MoveOperations {
  rename: (from: string, to: string) => void;
  copy: (from: string, to: string) => void;
  remove: (dir: string) => void;
}

const nodeOperations: MoveOperations = {
  rename: renameSync,
  copy: (from, to) => cpSync(from, to, { recursive: true, preserveTimestamps: true, errorOnExist: true }),
  remove: (dir) => rmSync(dir, { recursive: true, force: true }),
};

/**
 * Moves the folder `from` to `to` (which must not exist), by rename, or by copy then removal when
 * the two are on different file systems; returns how it moved. A copy that fails part-way leaves
 * `from` whole and whatever it wrote at `to`, for the caller to remove.
 */
export function moveFolder(
  from: string,
  to: string,
  operations: MoveOperations = nodeOperations,
): 'renamed' | 'copied' {
  try {
    operations.rename(from, to);
    return 'renamed';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
  }
  operations.copy(from, to);
  operations.remove(from);
  return 'copied';
}

/**
 * Moves what the folder `from` holds into the folder `to`, leaving out the paths in `skip` (with
 * `/` separators, relative to `from`; a folder's path leaves out all it holds). A folder of `from`
 * that `to` does not have yet, and that holds nothing skipped, is renamed whole: one call however
 * many pages it holds, where linking makes a folder per page and a link per file. Into a folder
 * both have, the entries go one by one. A file `to` already has is left where it is (the merge's
 * shards write the same bytes to a path that several of them render). Across file systems the
 * files are copied. `from` keeps only what was left out or left.
 */
export function moveInto(
  from: string,
  to: string,
  skip: ReadonlySet<string>,
  rename: (from: string, to: string) => void = renameSync,
): void {
  // Folders that hold a skipped path cannot go whole.
  const holding = new Set<string>();
  for (const skipped of skip) {
    const parts = skipped.split('/');
    for (let at = 1; at < parts.length; at += 1) holding.add(parts.slice(0, at).join('/'));
  }
  const visit = (relative: string): void => {
    const source = relative === '' ? from : path.join(from, relative);
    const target = relative === '' ? to : path.join(to, relative);
    mkdirSync(target, { recursive: true });
    for (const entry of readdirSync(source, { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (skip.has(child)) continue;
      const childSource = path.join(source, entry.name);
      const childTarget = path.join(target, entry.name);
      const there = existsSync(childTarget);
      if (entry.isDirectory()) {
        if (!there && !holding.has(child) && tryRename(childSource, childTarget, rename)) continue;
        visit(child);
      } else if (!there && !tryRename(childSource, childTarget, rename)) {
        copyFileSync(childSource, childTarget, fsConstants.COPYFILE_EXCL);
      }
    }
  };
  visit('');
}

/** Renames, or says it could not because the two places are on different file systems. */
function tryRename(from: string, to: string, rename: (from: string, to: string) => void): boolean {
  try {
    rename(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    return false;
  }
}
