import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  htmlDigestFile,
  readHtmlDigests,
  recordPassedPages,
  selectPagesToValidate,
  validateChangedHtml,
  writeHtmlDigests,
} from '../../../src/verify/html-digests';

const page = (body: string) =>
  `<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><title>Warta</title></head><body><main>${body}</main></body></html>\n`;

const articles = Array.from({ length: 9 }, (_, i) => `2022/09/0${i + 1}/berita-${i + 1}/index.html`);

describe('selectPagesToValidate', () => {
  const current = new Map([...articles, 'index.html', 'tags/rusia/index.html'].map((file) => [file, `d-${file}`]));

  it('takes every page when nothing was verified before', () => {
    expect(selectPagesToValidate(current, new Map(), 1)).toEqual({
      pages: [...current.keys()].sort(),
      changed: 11,
      sampled: 0,
    });
  });

  it('takes the changed and new pages, and a sample of the unchanged ones of each type', () => {
    const recorded = new Map(current);
    recorded.set(articles[4]!, 'older');
    recorded.delete('tags/rusia/index.html');
    expect(selectPagesToValidate(current, recorded, 1)).toEqual({
      pages: [articles[0]!, articles[4]!, 'index.html', 'tags/rusia/index.html'],
      changed: 2,
      sampled: 2,
    });
    expect(selectPagesToValidate(current, recorded, 0).pages).toEqual([articles[4]!, 'tags/rusia/index.html']);
  });
});

describe('recordPassedPages', () => {
  it('keeps pages that passed now and unchanged pages recorded before; drops failed, changed and removed pages', () => {
    const current = new Map([
      ['a.html', 'a2'],
      ['b.html', 'b1'],
      ['c.html', 'c1'],
      ['d.html', 'd2'],
    ]);
    const recorded = new Map([
      ['a.html', 'a1'],
      ['b.html', 'b1'],
      ['d.html', 'd1'],
      ['gone.html', 'g1'],
    ]);
    // a passed, c failed, b and d were not validated (d changed: it cannot keep its old digest).
    expect(recordPassedPages(current, recorded, ['a.html', 'c.html'], { 'a.html': 'a2' })).toEqual(
      new Map([
        ['a.html', 'a2'],
        ['b.html', 'b1'],
      ]),
    );
  });
});

describe('the digest store', () => {
  it('reads nothing from a missing store, or one made under other rules', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'warta-digests-'));
    try {
      const file = htmlDigestFile(dir);
      expect(await readHtmlDigests(file)).toEqual(new Map());
      await writeHtmlDigests(file, new Map([['index.html', 'abc']]), 'rules-1');
      expect(await readHtmlDigests(file, 'rules-1')).toEqual(new Map([['index.html', 'abc']]));
      expect(await readHtmlDigests(file, 'rules-2')).toEqual(new Map());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('validateChangedHtml', () => {
  let outDir: string;
  let cacheDir: string;
  const write = async (file: string, content: string) => {
    await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
    await writeFile(path.join(outDir, file), content);
  };

  beforeEach(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'warta-changed-'));
    cacheDir = await mkdtemp(path.join(tmpdir(), 'warta-cache-'));
    for (const [i, file] of articles.entries()) await write(file, page(`<h1>Berita ${i + 1}</h1>`));
    await write('index.html', page('<h1>Beranda</h1>'));
    // An invalid page: a paragraph where only list items may be.
    await write('tags/rusia/index.html', page('<ul><p>bukan butir</p></ul>'));
  });
  afterEach(async () => {
    await rm(outDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('validates every page the first time, then only what changed and the sample', async () => {
    const first = await validateChangedHtml(outDir, { cacheDir, perType: 1, threads: 0 });
    expect(first).toMatchObject({ total: 11, pages: 11, changed: 11, sampled: 0 });
    expect(first.problems.map((problem) => problem.page)).toEqual(['/tags/rusia/index.html']);

    await write(articles[4]!, page('<h1>Berita 5, diperbaiki</h1>'));
    const second = await validateChangedHtml(outDir, { cacheDir, perType: 1, threads: 0 });
    // The edited article and the page that failed (never recorded), plus one unchanged article and the home page.
    expect(second).toMatchObject({ total: 11, pages: 4, changed: 2, sampled: 2 });
    expect(second.problems.map((problem) => problem.page)).toEqual(['/tags/rusia/index.html']);

    // Once the failing page is fixed and passes, it is recorded like the others.
    await write('tags/rusia/index.html', page('<ul><li>butir</li></ul>'));
    expect(await validateChangedHtml(outDir, { cacheDir, perType: 1, threads: 0 })).toMatchObject({
      pages: 3,
      changed: 1,
      problems: [],
    });
    expect(await validateChangedHtml(outDir, { cacheDir, perType: 0, threads: 0 })).toMatchObject({ pages: 0 });
  });

  it('reports how far it is while reading pages for their digests, then while validating', async () => {
    const read: number[] = [];
    const validated: number[] = [];
    await validateChangedHtml(outDir, {
      cacheDir,
      threads: 0,
      onDigestProgress: (done) => read.push(done),
      onProgress: (done) => validated.push(done),
    });
    expect(read).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(validated.at(-1)).toBe(11);
  });

  it('validates every page with full, whatever was recorded', async () => {
    await validateChangedHtml(outDir, { cacheDir, perType: 1, threads: 0 });
    expect(await validateChangedHtml(outDir, { cacheDir, full: true, threads: 0 })).toMatchObject({
      pages: 11,
      changed: 11,
    });
  });

  it('records nothing for a page that fails, and forgets a page that is gone', async () => {
    await validateChangedHtml(outDir, { cacheDir, perType: 1, threads: 0 });
    const recorded = await readHtmlDigests(htmlDigestFile(cacheDir));
    expect(recorded.size).toBe(10);
    expect(recorded.has('tags/rusia/index.html')).toBe(false);
    await rm(path.join(outDir, articles[0]!));
    await validateChangedHtml(outDir, { cacheDir, perType: 0, threads: 0 });
    expect((await readHtmlDigests(htmlDigestFile(cacheDir))).has(articles[0]!)).toBe(false);
  });
});
