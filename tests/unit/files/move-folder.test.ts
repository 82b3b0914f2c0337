import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveFolder, moveInto, type MoveOperations } from '../../../src/files/move-folder';

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

const SHARD_B = {
  'index.html': 'front page',
  '2024/01/02/index.html': 'day',
  '2024/01/03/banjir/index.html': 'article b',
  '2025/index.html': 'year',
  '_astro/site.css': 'css',
  'pagefind/fragment/en-x_1.pf_fragment': 'fragment b',
};

describe('moveInto', () => {
  /** Writes `files` (path: text) under `dir`. */
  async function tree(dir: string, files: Record<string, string>): Promise<void> {
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
  }
  async function files(dir: string): Promise<Record<string, string>> {
    const found: Record<string, string> = {};
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      found[path.relative(dir, file).split(path.sep).join('/')] = await readFile(file, 'utf8');
    }
    return found;
  }

  beforeEach(async () => {
    await tree(path.join(work, 'a'), {
      'index.html': 'front page',
      '2024/01/index.html': 'January',
      '2024/01/02/pasar/index.html': 'article a',
      '_astro/site.css': 'css',
      '_astro/photo.jpg': 'original a',
      'pagefind/pagefind-entry.json': 'entry a',
      'pagefind/fragment/id-x_1.pf_fragment': 'fragment a',
      '.warta-shard/manifest.json': 'manifest a',
    });
    await tree(path.join(work, 'b'), SHARD_B);
  });

  it('gives the folder every file of both, and what both wrote once', async () => {
    const to = path.join(work, 'merged');
    const skip = new Set(['.warta-shard', 'pagefind/pagefind-entry.json', '_astro/photo.jpg']);
    moveInto(path.join(work, 'a'), to, skip);
    moveInto(path.join(work, 'b'), to, new Set());
    expect(await files(to)).toEqual({
      'index.html': 'front page',
      '2024/01/index.html': 'January',
      '2024/01/02/pasar/index.html': 'article a',
      '2024/01/02/index.html': 'day',
      '2024/01/03/banjir/index.html': 'article b',
      '2025/index.html': 'year',
      '_astro/site.css': 'css',
      'pagefind/fragment/id-x_1.pf_fragment': 'fragment a',
      'pagefind/fragment/en-x_1.pf_fragment': 'fragment b',
    });
    // What was left out, and what the folder had already, stays behind.
    expect(await files(path.join(work, 'a'))).toEqual({
      '_astro/photo.jpg': 'original a',
      'pagefind/pagefind-entry.json': 'entry a',
      '.warta-shard/manifest.json': 'manifest a',
    });
    expect(await files(path.join(work, 'b'))).toEqual({ 'index.html': 'front page', '_astro/site.css': 'css' });
  });

  it('renames a folder only one side has whole, and goes into a folder both have', async () => {
    const to = path.join(work, 'merged');
    const renamed: string[] = [];
    const rename = (from: string, target: string) => {
      renamed.push(path.relative(work, from).split(path.sep).join('/'));
      renameSync(from, target);
    };
    moveInto(path.join(work, 'a'), to, new Set(['_astro/photo.jpg']), rename);
    moveInto(path.join(work, 'b'), to, new Set(), rename);
    expect(renamed.sort()).toEqual(
      [
        // Into the empty folder: each entry of a whole, but the folder holding a skipped file.
        'a/index.html',
        'a/2024',
        'a/_astro/site.css',
        'a/pagefind',
        'a/.warta-shard',
        // Then only what the folder does not have yet.
        'b/2024/01/02/index.html',
        'b/2024/01/03',
        'b/2025',
        'b/pagefind/fragment/en-x_1.pf_fragment',
      ].sort(),
    );
  });

  it('copies the files when the folders are on different file systems', async () => {
    const to = path.join(work, 'merged');
    moveInto(path.join(work, 'b'), to, new Set(), crossDevice);
    expect(await files(to)).toEqual(SHARD_B);
  });
});

function realOperations(): Pick<MoveOperations, 'copy' | 'remove'> {
  return {
    copy: (from, to) => cpSync(from, to, { recursive: true }),
    remove: (dir) => rmSync(dir, { recursive: true, force: true }),
  };
}
