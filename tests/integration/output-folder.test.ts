/**
 * An output folder anywhere on the machine (`WARTA_OUT_DIR=/tmp/site`): the build stages inside
 * the project, where Node finds the project's packages, and moves the finished folder into place.
 * Built as a CI job outside the checkout runs it: from the output folder's parent, with --root.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stagingDirFor } from '../../src/integrations/build-staging';
import { buildArchive, fixturesDir, listFiles, projectRoot, type BuildResult } from '../helpers/build';

// Pinned here, whatever the shell exports (buildArchive drops every WARTA_* of the shell).
const ENV = { SOURCE_DATE_EPOCH: '1767225600', TZ: 'UTC', WARTA_SITE_URL: 'https://warta.example.org' } as const;

let work: string;
let site: string;
let first: BuildResult;
let rebuild: BuildResult;
let filesAfterFirst: string[];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'warta-outside-'));
  // A folder whose parent does not exist yet, as `WARTA_OUT_DIR=shards/1` for the first shard.
  site = path.join(work, 'shards', '1');
  const build = () =>
    buildArchive(
      path.join(fixturesDir, 'basic', 'content'),
      { ...ENV, WARTA_OUT_DIR: site, WARTA_CACHE_DIR: path.join(work, 'cache') },
      ['--root', projectRoot],
      { cwd: work },
    );
  first = await build();
  filesAfterFirst = first.exitCode === 0 ? await listFiles(site) : [];
  rebuild = await build();
}, 300_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe('building into a folder outside the project', () => {
  it('writes the archive there, making the folders it needs', async () => {
    expect(path.relative(projectRoot, site)).toMatch(/^\.\./);
    expect(first.exitCode, first.output).toBe(0);
    expect(first.output).not.toContain('Cannot find package');
    expect(filesAfterFirst).toContain('index.html');
    expect(filesAfterFirst).toContain('2022/09/06/korea-utara-jual-peluru/index.html');
    expect(filesAfterFirst).toContain('rss.xml');
    expect(await first.read('/')).toContain('<html lang="id"');
  });

  it('rebuilds into the same folder, reusing the pages of the first build', async () => {
    expect(rebuild.exitCode, rebuild.output).toBe(0);
    expect(rebuild.output).toMatch(
      /\d+ files written \(pages, feeds and the like\), \d+ of them kept from the last build/,
    );
    expect(await listFiles(site)).toEqual(filesAfterFirst);
  });

  it('leaves no staging folder behind, in the project or beside the output', async () => {
    expect(existsSync(stagingDirFor(site, projectRoot))).toBe(false);
    const beside = (await readdir(path.dirname(site))).filter((name) => name.startsWith('1.'));
    expect(beside).toEqual([]);
  });
});
