import { cpSync, existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveFolder, type MoveOperations } from '../../../src/files/move-folder';

let work: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'warta-move-'));
  await mkdir(path.join(work, 'from', 'nested'), { recursive: true });
  await writeFile(path.join(work, 'from', 'nested', 'index.html'), 'page');
});
afterEach(() => rm(work, { recursive: true, force: true }));

const crossDevice = (): never => {
  throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
};

describe('moveFolder', () => {
  it('renames a folder on the same file system', async () => {
    expect(moveFolder(path.join(work, 'from'), path.join(work, 'to'))).toBe('renamed');
    expect(await readFile(path.join(work, 'to', 'nested', 'index.html'), 'utf8')).toBe('page');
    expect(existsSync(path.join(work, 'from'))).toBe(false);
  });

  it('copies and then removes the folder when the rename crosses file systems', async () => {
    const { copy, remove } = realOperations();
    expect(moveFolder(path.join(work, 'from'), path.join(work, 'to'), { rename: crossDevice, copy, remove })).toBe(
      'copied',
    );
    expect(await readFile(path.join(work, 'to', 'nested', 'index.html'), 'utf8')).toBe('page');
    expect(existsSync(path.join(work, 'from'))).toBe(false);
  });

  it('keeps the folder whole when the copy fails', () => {
    const failing: MoveOperations = {
      rename: crossDevice,
      copy: () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
      remove: () => {
        throw new Error('must not remove what was not copied');
      },
    };
    expect(() => moveFolder(path.join(work, 'from'), path.join(work, 'to'), failing)).toThrow(/ENOSPC/);
    expect(existsSync(path.join(work, 'from', 'nested', 'index.html'))).toBe(true);
  });

  it('passes on any other failure of the rename', () => {
    const denied = () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    const { copy, remove } = realOperations();
    expect(() => moveFolder(path.join(work, 'from'), path.join(work, 'to'), { rename: denied, copy, remove })).toThrow(
      /EACCES/,
    );
  });
});

function realOperations(): Pick<MoveOperations, 'copy' | 'remove'> {
  return {
    copy: (from, to) => cpSync(from, to, { recursive: true }),
    remove: (dir) => rmSync(dir, { recursive: true, force: true }),
  };
}
