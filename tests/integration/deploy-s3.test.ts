/**
 * The object-storage recipe of docs/deploy.md, run for real: `npm run deploy:s3` uploads a built
 * archive with rclone to an S3-compatible server started on 127.0.0.1 (s3rver), then, after one
 * article is edited and the archive rebuilt, uploads exactly the files whose bytes changed, pages
 * last and deletions after them.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildArchive, fixturesDir, listFiles, projectRoot, run, type BuildResult } from '../helpers/build';
import { BASIC_ENV } from './global-setup';

const TSX = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const BUCKET = 'arsip';

interface DeployReport {
  uploaded: string[];
  deleted: string[];
  passes: { name: string; uploaded: number; deleted: number }[];
}

let work: string;
let server: S3rver;
let remoteEnv: NodeJS.ProcessEnv;
let first: DeployReport;
let second: DeployReport;
let edited: BuildResult;
let before: Map<string, string>;
let after: Map<string, string>;

async function digests(dir: string): Promise<Map<string, string>> {
  const files = await listFiles(dir);
  const entries = await Promise.all(
    files.map(async (file) => [
      file,
      createHash('md5')
        .update(await readFile(path.join(dir, file)))
        .digest('hex'),
    ]),
  );
  return new Map(entries as [string, string][]);
}

async function deploy(dir: string): Promise<DeployReport> {
  const result = await run([TSX, 'src/cli/deploy-s3.ts', `warta:${BUCKET}`, '--dir', dir, '--json'], remoteEnv);
  if (result.exitCode !== 0) throw new Error(`deploy failed:\n${result.output}`);
  return JSON.parse(result.output.slice(result.output.indexOf('{'))) as DeployReport;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'warta-s3-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: path.join(work, 'bucket'),
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  // The remote as a deploy configures it, in rclone's environment variables; the machine's CA
  // bundle setting is for real hosts and makes rclone refuse a plain-HTTP endpoint.
  remoteEnv = {
    AWS_CA_BUNDLE: '',
    RCLONE_CONFIG_WARTA_TYPE: 's3',
    RCLONE_CONFIG_WARTA_PROVIDER: 'Other',
    RCLONE_CONFIG_WARTA_ENDPOINT: `http://127.0.0.1:${port}`,
    RCLONE_CONFIG_WARTA_ACCESS_KEY_ID: 'S3RVER',
    RCLONE_CONFIG_WARTA_SECRET_ACCESS_KEY: 'S3RVER',
    RCLONE_CONFIG_WARTA_FORCE_PATH_STYLE: 'true',
  };

  // The fixture archive as the shared build wrote it, then the same articles with one edited.
  const content = path.join(work, 'content');
  await cp(path.join(fixturesDir, 'basic', 'content'), content, { recursive: true });
  const firstDir = inject('basicOutDir');
  before = await digests(firstDir);
  first = await deploy(firstDir);
  const file = path.join(content, '2022', '09', 'korea-utara-jual-peluru.md');
  await writeFile(file, (await readFile(file, 'utf8')).replace(/\n+$/, '\n\nParagraf tambahan setelah koreksi.\n'));
  edited = await buildArchive(content, BASIC_ENV);
  if (edited.exitCode !== 0) throw new Error(`the edited build failed:\n${edited.output}`);
  after = await digests(edited.outDir);
  second = await deploy(edited.outDir);
}, 300_000);

afterAll(async () => {
  await server?.close();
  await edited?.cleanup();
  await rm(work, { recursive: true, force: true });
});

describe('npm run deploy:s3', () => {
  it('uploads every file of a first deploy, pages after everything they point at', () => {
    expect([...first.uploaded].sort()).toEqual([...before.keys()].sort());
    const firstPage = first.uploaded.findIndex((file) => file.endsWith('.html'));
    expect(first.uploaded.slice(firstPage).every((file) => file.endsWith('.html'))).toBe(true);
    expect(first.passes.map((pass) => pass.name)).toEqual(['assets', 'files', 'pages', 'deletions']);
  });

  it('uploads only the files one edit changed, and deletes only what the archive no longer has', () => {
    const changed = [...after].filter(([file, digest]) => before.get(file) !== digest).map(([file]) => file);
    const gone = [...before.keys()].filter((file) => !after.has(file));
    expect([...second.uploaded].sort()).toEqual(changed.sort());
    expect([...second.deleted].sort()).toEqual(gone.sort());
    // The build is deterministic: one edited article changes a few pages, feeds and index files.
    expect(changed).toContain('2022/09/06/korea-utara-jual-peluru/index.html');
    expect(changed.length).toBeLessThan(after.size / 3);
    // Deletions, when there are any, come in the last pass only.
    expect(second.passes.slice(0, 3).every((pass) => pass.deleted === 0)).toBe(true);
  });
});
