/**
 * Sharded builds: the sample archive (every page kind: articles with pictures, language versions,
 * a series, corrections, sections, tags, authors, days, pages of every listing, feeds, the JSON API) plus an
 * article with old paths, built once whole and then in 1, 2 and 3 shards merged, must give the same
 * files, byte for byte; a shard that fails fails the build, its problems listed once, and the
 * previous output stays.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, listFiles, projectRoot, run, type BuildResult } from '../helpers/build';

const tsx = path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs');
const buildCli = path.join(projectRoot, 'src/cli/build.ts');

// Small pages and small search parts, so that every listing has pages and the index has more parts
// than the largest shard count.
const ENV = {
  SOURCE_DATE_EPOCH: '1767225600',
  TZ: 'UTC',
  WARTA_PAGE_SIZE: '2',
  WARTA_SEARCH_PART_PAGES: '3',
  WARTA_ALLOW_EXAMPLE_URL: '1',
  WARTA_API: '1',
};

const MOVED = `---
title: Pelabuhan Tanjung Priok Menambah Dermaga Peti Kemas
date: 2023-08-02T09:00:00+07:00
authors: [Redaksi Warta]
tags: [Ekonomi, Pelabuhan]
summary: Dermaga baru menambah kapasitas bongkar muat di pelabuhan tersibuk Indonesia.
aliases: [/berita/dermaga-priok/, /2023/08/02/dermaga-baru/]
---

Dermaga baru di Tanjung Priok mulai melayani kapal peti kemas pekan ini.
`;

async function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ exitCode: number; output: string }> {
  return run([tsx, buildCli, ...args], env, { timeoutMs: 300_000 });
}

/** Every file of `dir` with its bytes. */
async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(dir, file))] as const)));
}

function differences(expected: Map<string, Buffer>, actual: Map<string, Buffer>): string[] {
  const names = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  return names.flatMap((name) => {
    const a = expected.get(name);
    const b = actual.get(name);
    if (!a) return [`only in the merged output: ${name}`];
    if (!b) return [`missing from the merged output: ${name}`];
    return a.equals(b) ? [] : [`differs: ${name}`];
  });
}

describe('a sharded build', () => {
  let work: string;
  let contentDir: string;
  let whole: BuildResult;
  let expected: Map<string, Buffer>;

  /** Builds shard i of n into its own folder; returns the folder. */
  async function buildShard(index: number, count: number): Promise<string> {
    const outDir = path.join(work, `shard-${index}-of-${count}`);
    const result = await buildArchive(contentDir, {
      ...ENV,
      WARTA_SHARD: `${index}/${count}`,
      WARTA_OUT_DIR: outDir,
      WARTA_CACHE_DIR: path.join(work, `cache-${index}-of-${count}`),
    });
    expect(result.exitCode, result.output).toBe(0);
    return outDir;
  }

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'warta-shards-'));
    contentDir = path.join(work, 'content');
    await cp(path.join(projectRoot, 'content'), contentDir, { recursive: true });
    await writeFile(path.join(contentDir, '2023', '08', 'dermaga-priok.md'), MOVED);
    whole = await buildArchive(contentDir, { ...ENV, WARTA_OUT_DIR: path.join(work, 'whole') });
    expect(whole.exitCode, whole.output).toBe(0);
    expected = await readTree(whole.outDir);
  }, 300_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('gives the files of one build, byte for byte, from 1 shard linked or 3 shards moved', async () => {
    // The fixture has what the comparison must cover.
    expect([...expected.keys()]).toEqual(
      expect.arrayContaining([
        'berita/dermaga-priok/index.html',
        '_redirects',
        '_headers',
        'sitemap-index.xml',
        'pagefind/pagefind-entry.json',
        'series/index.html',
        'corrections/index.html',
        'tags/ekonomi-economy/rss.xml',
        'tags/ekonomi/index.html',
        'page/2/index.html',
        'api/index.json',
        'api/articles/2023/08/02/dermaga-priok.json',
      ]),
    );
    const entry = JSON.parse(expected.get('pagefind/pagefind-entry.json')!.toString()) as { warta_parts: unknown[] };
    expect(entry.warta_parts.length).toBeGreaterThan(3);

    for (const count of [1, 3]) {
      const dirs: string[] = [];
      for (let index = 1; index <= count; index += 1) dirs.push(await buildShard(index, count));
      const outDir = path.join(work, `merged-${count}`);
      const move = count === 3 ? ['--move'] : [];
      const merged = await runCli(['--merge', ...move, ...dirs], { ...ENV, WARTA_OUT_DIR: outDir });
      expect(merged.exitCode, merged.output).toBe(0);
      expect(differences(expected, await readTree(outDir)), `${count} shards`).toEqual([]);
      // Linked, a shard keeps its pages; moved, it gave them to the output.
      const left = await listFiles(dirs[0]!);
      expect(left.includes('index.html'), `${count} shards`).toBe(move.length === 0);
    }
  }, 600_000);

  it('builds a large archive in shards on this machine, and gives the same files (2 shards)', async () => {
    const outDir = path.join(work, 'local-2');
    const local = await runCli(['--shards', '2'], {
      ...ENV,
      WARTA_CONTENT_DIR: contentDir,
      WARTA_OUT_DIR: outDir,
      WARTA_CACHE_DIR: path.join(work, 'cache-local'),
    });
    expect(local.exitCode, local.output).toBe(0);
    expect(local.output).toContain('building in 2 shards at once');
    expect(differences(expected, await readTree(outDir))).toEqual([]);

    // A broken article: the build fails, says what is wrong once, and the archive built before stays.
    await writeFile(
      path.join(contentDir, '2023', '08', 'rusak.md'),
      '---\ntitle: Rusak\ndate: 2023-02-30\n---\n\nIsi.\n',
    );
    try {
      const failed = await runCli(['--shards', '2'], {
        ...ENV,
        WARTA_CONTENT_DIR: contentDir,
        WARTA_OUT_DIR: outDir,
        WARTA_CACHE_DIR: path.join(work, 'cache-local'),
      });
      expect(failed.exitCode).not.toBe(0);
      const mentions = failed.output.split('\n').filter((line) => line.includes('rusak.md') && line.includes('date'));
      expect(mentions.length, failed.output).toBe(1);
      expect(failed.output).toContain('the previous output');
      expect(differences(expected, await readTree(outDir))).toEqual([]);
    } finally {
      await rm(path.join(contentDir, '2023', '08', 'rusak.md'));
    }
  }, 600_000);

  it('refuses to merge shards that are not every shard of one build', async () => {
    const only = await buildShard(1, 2);
    const missing = await runCli(['--merge', only], { ...ENV, WARTA_OUT_DIR: path.join(work, 'never') });
    expect(missing.exitCode).not.toBe(0);
    expect(missing.output).toContain('shard 2/2 is missing');
    const notShard = await runCli(['--merge', only, whole.outDir], { ...ENV, WARTA_OUT_DIR: path.join(work, 'never') });
    expect(notShard.output).toContain('is not the output of a shard');
    const moveAlone = await runCli(['--move', only], { ...ENV, WARTA_OUT_DIR: path.join(work, 'never') });
    expect(moveAlone.exitCode).not.toBe(0);
    expect(moveAlone.output).toContain('--move goes with --merge');
    expect(await listFiles(path.join(work, 'never')).catch(() => [])).toEqual([]);
  }, 300_000);
});
