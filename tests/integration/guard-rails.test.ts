import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, type BuildResult } from '../helpers/build';

const article = (title: string, extra = '') =>
  `---\ntitle: ${title}\ndate: 2024-03-01T09:00:00+07:00\nsummary: Ringkasan ${title}.\n${extra}---\n\nIsi ${title}.\n`;

// What the shared fixture builds pin: a fixed clock and a UTC machine.
const ENV = { SOURCE_DATE_EPOCH: '1767225600', TZ: 'UTC' } as const;

let work: string;
let oneArticle: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'warta-guards-'));
  oneArticle = path.join(work, 'one');
  await mkdir(oneArticle);
  await writeFile(path.join(oneArticle, 'satu.md'), article('Satu'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a build for deployment (CI=true) with the sample archive’s address', () => {
  let build: BuildResult;
  let previous: string;

  beforeAll(async () => {
    previous = path.join(work, 'previous');
    await mkdir(previous);
    await writeFile(path.join(previous, 'index.html'), 'previous archive');
    build = await buildArchive(oneArticle, {
      ...ENV,
      CI: 'true',
      WARTA_ALLOW_EXAMPLE_URL: '',
      WARTA_OUT_DIR: previous,
    });
  });
  afterAll(() => build.cleanup());

  it('fails, naming the setting, its value and the fix', () => {
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain('warta({ url }) in astro.config.mjs is "https://warta.example.org"');
    expect(build.output).toContain('in a build for deployment (CI is set)');
    expect(build.output).toContain('WARTA_SITE_URL');
  });

  it('leaves the archive already deployed in place', async () => {
    expect(await readFile(path.join(previous, 'index.html'), 'utf8')).toBe('previous archive');
  });
});

describe('the sample archive’s address given by WARTA_SITE_URL in CI', () => {
  it('names the variable, not astro.config.mjs', async () => {
    const build = await buildArchive(oneArticle, {
      ...ENV,
      CI: '1',
      WARTA_ALLOW_EXAMPLE_URL: '',
      WARTA_SITE_URL: 'https://arsip.example.com',
    });
    await build.cleanup();
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain('WARTA_SITE_URL is "https://arsip.example.com"');
  });
});

describe('a local build with the sample archive’s address', () => {
  let build: BuildResult;

  beforeAll(async () => {
    build = await buildArchive(oneArticle, { ...ENV, CI: '', WARTA_ALLOW_EXAMPLE_URL: '' });
  });
  afterAll(() => build.cleanup());

  it('builds, and warns once', async () => {
    expect(build.exitCode).toBe(0);
    const warnings = build.output.split('\n').filter((line) => /\[WARN\] \[warta:site\]/.test(line));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"https://warta.example.org", the sample archive\'s address');
    expect(await build.read('/2024/03/01/satu/')).toContain('Satu');
  });
});

describe('a build for deployment with the newsroom’s own address', () => {
  it('builds without a warning about the address', async () => {
    const build = await buildArchive(oneArticle, {
      ...ENV,
      CI: 'true',
      WARTA_ALLOW_EXAMPLE_URL: '',
      WARTA_SITE_URL: 'https://arsip.koran.id',
    });
    await build.cleanup();
    expect(build.exitCode).toBe(0);
    expect(build.output).not.toContain('[warta:site]');
  });
});

describe('a content folder that does not exist', () => {
  it('fails the build, naming the folder and the variable that chose it', async () => {
    const missing = path.join(work, 'no-such-folder');
    const build = await buildArchive(missing, ENV);
    await build.cleanup();
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain(`The content folder ${missing} (WARTA_CONTENT_DIR="${missing}") does not exist`);
    expect(build.output).not.toContain('0 articles read');
  });
});

describe('an archive with nothing to publish', () => {
  let empty: string;
  let draftsOnly: string;

  beforeAll(async () => {
    empty = path.join(work, 'empty');
    draftsOnly = path.join(work, 'drafts');
    await mkdir(empty);
    await mkdir(draftsOnly);
    await writeFile(path.join(draftsOnly, 'konsep.md'), article('Konsep', 'draft: true\n'));
  });

  it('fails, saying how to allow it', async () => {
    const build = await buildArchive(empty, ENV);
    await build.cleanup();
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain('the archive publishes no article: add an article to the content folder');
    expect(build.output).toContain('warta({ allowEmptyArchive: true })');
  });

  it('fails when every article is held back, saying what was', async () => {
    const build = await buildArchive(draftsOnly, ENV);
    await build.cleanup();
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain('the archive publishes no article (held back: 1 draft)');
  });

  it('builds when allowed explicitly (WARTA_ALLOW_EMPTY=1)', async () => {
    const build = await buildArchive(empty, { ...ENV, WARTA_ALLOW_EMPTY: '1' });
    try {
      expect(build.exitCode).toBe(0);
      expect(await build.read('/')).toContain('<html');
    } finally {
      await build.cleanup();
    }
  });
});
