import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  labelFromCwd,
  listArticleFiles,
  readContentFolder,
  resolveContentDir,
} from '../../../src/files/content-folder';

const options = { defaultLang: 'id' as const, timeZone: 'Asia/Jakarta' };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'warta-content-'));
  await mkdir(path.join(dir, '2022', '09'), { recursive: true });
  await mkdir(path.join(dir, '.hidden'), { recursive: true });
  const write = (file: string, text: string | Uint8Array) => writeFile(path.join(dir, file), text);
  await write('2022/09/korut.md', '---\ntitle: Korea Utara\ndate: 2022-09-06\n---\nIsi.\n');
  await write('2022/09/salinan.md', '---\ntitle: Salinan\ndate: 2022-09-06\nslug: korut\n---\nIsi.\n');
  // The copy was changed last: of two equally dated articles at one permalink, it is the newer.
  await utimes(path.join(dir, '2022/09/korut.md'), new Date('2022-09-06'), new Date('2022-09-06'));
  await utimes(path.join(dir, '2022/09/salinan.md'), new Date('2022-09-07'), new Date('2022-09-07'));
  await write('2022/09/rusak.md', '---\ndate: 2022-09-06\ntag: [a]\n---\n');
  await write(
    '2022/09/latin1.md',
    Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\ndate: 2022-09-06\n---\n')]),
  );
  await write('2022/09/catatan.txt', 'not an article');
  await write('.hidden/x.md', '---\ntitle: Hidden\ndate: 2022-09-06\n---\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('listArticleFiles', () => {
  it('lists the Markdown files below the folder, sorted, with "/" separators, skipping dot folders', async () => {
    expect(await listArticleFiles(dir)).toEqual([
      '2022/09/korut.md',
      '2022/09/latin1.md',
      '2022/09/rusak.md',
      '2022/09/salinan.md',
    ]);
  });
});

describe('readContentFolder', () => {
  it('reads every file and reports every problem, sorted by file and line, a shared permalink under the newer file', async () => {
    const folder = await readContentFolder(dir, options);
    expect(folder.fileCount).toBe(4);
    expect(folder.articles.map((article) => article.file)).toEqual(['2022/09/korut.md', '2022/09/salinan.md']);
    expect(folder.problems.map((p) => [p.file, p.line, p.field])).toEqual([
      ['2022/09/latin1.md', 2, 'file'],
      ['2022/09/rusak.md', 1, 'title'],
      ['2022/09/rusak.md', 3, 'tag'],
      ['2022/09/salinan.md', 4, 'slug'],
      ['2022/09/korut.md', 1, 'slug'],
    ]);
    expect(folder.problems[0]?.message).toMatch(/not valid UTF-8/);
    expect(folder.problems[3]?.message).toContain('as 2022/09/korut.md:1;');
    expect(folder.problems[4]?.message).toContain('as 2022/09/salinan.md:4;');
  });

  it('names files with the label given, in problems and in messages', async () => {
    const folder = await readContentFolder(dir, { ...options, label: (file) => `content/${file}` });
    expect(folder.problems.every((p) => p.file.startsWith('content/2022/09/'))).toBe(true);
    expect(folder.problems.find((p) => p.field === 'slug')?.message).toContain('as content/2022/09/korut.md');
    expect(folder.problems.find((p) => p.listWith)?.listWith).toEqual({ file: 'content/2022/09/salinan.md', line: 4 });
  });
});

describe('resolveContentDir', () => {
  it('uses WARTA_CONTENT_DIR relative to the working directory, else content/', () => {
    expect(resolveContentDir({ WARTA_CONTENT_DIR: 'fixtures/a' }, '/srv/warta')).toBe('/srv/warta/fixtures/a');
    expect(resolveContentDir({ WARTA_CONTENT_DIR: '/data/arsip' }, '/srv/warta')).toBe('/data/arsip');
    expect(resolveContentDir({}, '/srv/warta')).toBe('/srv/warta/content');
    expect(resolveContentDir({ WARTA_CONTENT_DIR: '  ' }, '/srv/warta')).toBe('/srv/warta/content');
  });
});

describe('labelFromCwd', () => {
  it('names a file by its path from the working directory', () => {
    expect(labelFromCwd('/srv/warta/content', '/srv/warta')('2022/09/a.md')).toBe('content/2022/09/a.md');
    expect(labelFromCwd('/data/arsip', '/srv/warta')('a.md')).toBe('/data/arsip/a.md');
  });
});
