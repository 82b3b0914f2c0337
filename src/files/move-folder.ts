/**
 * Moving a finished folder to where it belongs: a rename when both places are on one file system,
 * a copy and a removal when they are not (a rename across file systems fails with EXDEV, as from a
 * project on one disk to an output folder on a tmpfs).
 */
import { cpSync, renameSync, rmSync } from 'node:fs';

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
