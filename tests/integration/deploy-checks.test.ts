/**
 * The checks that stand between a build and a deploy, run over real builds: the sample archive of
 * `content/` at the root and under a sub-path, and the fixture archive. No internal link, asset or
 * fragment is broken, and every kind of page is valid HTML; `npm run verify` passes a good archive
 * and stops on a broken one.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { classifyPage } from '../../src/lib/report/build-report';
import { validateSiteHtml } from '../../src/verify/site-html';
import { checkSiteLinks } from '../../src/verify/site-links';
import { buildArchive, listFiles, projectRoot, run, type BuildResult } from '../helpers/build';
import { SAMPLE_CONTENT, SAMPLE_ENV } from './global-setup';

const SITE_URL = SAMPLE_ENV.WARTA_SITE_URL;

/** The page types of an archive's HTML files, as the build report counts them. */
async function pageTypes(outDir: string): Promise<Set<string>> {
  const pages = (await listFiles(outDir)).filter((file) => file.endsWith('.html'));
  return new Set(pages.map((file) => classifyPage(`/${file.replace(/(^|\/)index\.html$/, '$1')}`)));
}

describe('the sample archive, built for the root', () => {
  const outDir = inject('sampleOutDir');

  it('has every page type a reader can reach, so the checks below cover each of them', async () => {
    expect([...(await pageTypes(outDir))]).toEqual(
      expect.arrayContaining(['archive', 'article', 'author', 'day', 'home', 'month', 'other', 'tag', 'year']),
    );
  });

  it('leaves no internal link, asset, srcset candidate, CSS url or fragment broken', async () => {
    const report = await checkSiteLinks(outDir, { siteUrl: SITE_URL });
    expect(report.broken).toEqual([]);
    expect(report.files).toBeGreaterThan(90);
    // Canonical and preview addresses on the site's own host are among the addresses checked.
    expect(report.checked).toBeGreaterThan(report.files);
  });

  it('is valid HTML on every page', async () => {
    const report = await validateSiteHtml(outDir);
    expect(report.problems).toEqual([]);
    expect(report.pages).toBeGreaterThan(90);
  });
});

describe('the sample archive, built for a sub-path', () => {
  let build: BuildResult;

  beforeAll(async () => {
    build = await buildArchive(SAMPLE_CONTENT, { ...SAMPLE_ENV, WARTA_BASE: '/arsip/' });
    if (build.exitCode !== 0) throw new Error(`the sub-path build failed:\n${build.output}`);
  });
  afterAll(() => build?.cleanup());

  it('keeps every link inside the sub-path and leaves none broken', async () => {
    const report = await checkSiteLinks(build.outDir, { base: '/arsip/', siteUrl: SITE_URL });
    expect(report.broken).toEqual([]);
    // The same archive served at the root would break: its links really carry the sub-path.
    const atRoot = await checkSiteLinks(build.outDir, { siteUrl: SITE_URL });
    expect(atRoot.broken.length).toBeGreaterThan(atRoot.files);
  });

  it('is valid HTML on every page', async () => {
    const report = await validateSiteHtml(build.outDir, { base: '/arsip/' });
    expect(report.problems).toEqual([]);
  });
});

describe('the fixture archive', () => {
  const outDir = inject('basicOutDir');

  it('finds the one broken image an article carries: a page-relative picture that was never added', async () => {
    // The fixture article keeps `<img src="x.png">` from a sanitized script attack; no x.png exists.
    expect((await checkSiteLinks(outDir)).broken).toEqual([
      {
        page: '/2022/09/06/korea-utara-jual-peluru/',
        url: '/2022/09/06/korea-utara-jual-peluru/x.png',
        reason: 'not in the built archive (404)',
      },
    ]);
  });

  it('is valid HTML on every page, odd articles included', async () => {
    expect((await validateSiteHtml(outDir)).problems).toEqual([]);
  });
});

describe('npm run verify', () => {
  const outDir = inject('sampleOutDir');
  let cacheDir: string;
  beforeAll(async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'warta-verify-cache-'));
  });
  afterAll(() => rm(cacheDir, { recursive: true, force: true }));
  const verify = (dir: string, ...args: string[]) =>
    run([path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/verify.ts', '--dir', dir, ...args], {
      WARTA_SITE_URL: SITE_URL,
      WARTA_CACHE_DIR: cacheDir,
    });
  // The report is on stdout; progress lines (stderr, in the same output here) come before it.
  const readReport = (output: string) => JSON.parse(output.slice(output.search(/^\{$/m))) as VerifyJson;
  interface VerifyJson {
    passed: boolean;
    links: { files: number };
    html: { pages: number; total: number; changed: number; sampled: number };
  }

  it('passes a good archive, validating every page the first time and then only a sample of each type', async () => {
    const first = await verify(outDir, '--json');
    expect(first.exitCode).toBe(0);
    const report = readReport(first.output);
    expect(report.passed).toBe(true);
    expect(report.html.pages).toBeGreaterThan(90);
    expect(report.html).toMatchObject({ pages: report.html.total, changed: report.html.total, sampled: 0 });

    // Nothing changed: one page of each type is validated as the sample, and nothing else.
    const types = (await pageTypes(outDir)).size;
    const second = readReport((await verify(outDir, '--json', '--html-per-type', '1')).output);
    expect(second.html).toMatchObject({ total: report.html.total, changed: 0, sampled: types, pages: types });

    const full = readReport((await verify(outDir, '--json', '--full')).output);
    expect(full.html.pages).toBe(report.html.total);
  });

  it('stops on an archive with a missing page, naming every link to it', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'warta-broken-'));
    try {
      await cp(outDir, copy, { recursive: true });
      const gone = '2022/09/06/korea-utara-jual-peluru-artileri-ke-rusia/';
      await rm(path.join(copy, gone), { recursive: true });
      const { exitCode, output } = await verify(copy, '--skip-html');
      expect(exitCode).toBe(1);
      // Every page that links to it is named: its day, month and year, its tags, the home pages…
      const lines = output.split('\n');
      for (const page of ['/2022/09/06/', '/2022/09/', '/2022/', '/tags/rusia/', '/authors/rina-hartono/']) {
        expect(lines).toContain(`${page}: /${gone}: not in the built archive (404)`);
      }
      expect(output).toMatch(/links: \d+ pages and stylesheets, \d+ addresses checked in [\d.]+ s: [1-9]\d* broken\./);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
