/**
 * Rebuilding after an edit reuses the pages the edit did not touch (Astro's incremental build with
 * the keys of src/data/cache-keys.ts), and the result is exactly what a clean build of the edited
 * archive writes: a key that missed something a page shows would leave a stale page behind.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, fixturesDir, type BuildResult } from '../helpers/build';
import { compareTrees } from '../helpers/trees';

const EDITED_BODY = 'Koreksi: angka peluncuran diperbarui redaksi.';
const NEW_TITLE = 'Jalan Tol Trans-Jawa Resmi Dibuka';

let work: string;
let firstOutput: string;
let warm: BuildResult;
let clean: BuildResult;

async function edit(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'warta-incremental-'));
  const content = path.join(work, 'content');
  // The same output and cache folders for both builds, as `npm run build` has them (Astro writes
  // the output folder into pages that use its image pipeline).
  const cacheDir = path.join(work, 'cache');
  const outDir = path.join(work, 'dist');
  await cp(path.join(fixturesDir, 'browse', 'content'), content, { recursive: true });
  const first = await buildArchive(content, { WARTA_CACHE_DIR: cacheDir, WARTA_OUT_DIR: outDir });
  expect(first.exitCode, first.output).toBe(0);
  firstOutput = first.output;
  await first.cleanup();
  // One article's text changes; another article's title, which lists and its neighbours show.
  await edit(path.join(content, '2022/09/uji-rudal.md'), (text) => `${text}\n${EDITED_BODY}\n`);
  await edit(path.join(content, '2023/09/jalan-tol.md'), (text) =>
    text.replace("title: 'Jalan Tol Baru Dibuka'", `title: '${NEW_TITLE}'`),
  );
  // One after the other: builds in one checkout share Astro's .astro folder. WARTA_LOG_PAGES=1 logs
  // every page, kept or rendered, as Astro does.
  warm = await buildArchive(content, { WARTA_CACHE_DIR: cacheDir, WARTA_OUT_DIR: outDir, WARTA_LOG_PAGES: '1' });
  clean = await buildArchive(content, { WARTA_CACHE_DIR: path.join(work, 'clean-cache') });
}, 300_000);

afterAll(async () => {
  await Promise.all([warm?.cleanup(), clean?.cleanup()]);
  await rm(work, { recursive: true, force: true });
});

describe('the log of the pages', () => {
  it('counts the files written instead of a line for each, unless WARTA_LOG_PAGES=1', () => {
    expect(firstOutput).not.toContain('├─');
    expect(firstOutput).toMatch(/\[build\] \d+ files written \(pages, feeds and the like\)\n/);
    expect(warm.output).toMatch(/├─ \/2019\/11\/05\/arsip-lama\/index\.html/);
  });
});

describe('a rebuild after editing two articles', () => {
  it('succeeds and copies the untouched pages from the last build', () => {
    expect(warm.exitCode, warm.output).toBe(0);
    // Articles neither edited nor next to an edited one, and a tag page and a feed of neither.
    for (const page of ['/2019/11/05/arsip-lama/index.html', '/tags/asean/index.html', '/tags/arsip/rss.xml']) {
      expect(warm.output).toMatch(
        new RegExp(`${page.replaceAll('/', '\\/').replaceAll('.', '\\.')}\\s*\\((?:cached|restored)\\)`),
      );
    }
    // Only the edited article's body went through Markdown again.
    expect(warm.output).toMatch(/\d+ articles read, 2 rendered/);
  });

  it('shows the new text and the new title wherever they appear', async () => {
    expect(await warm.read('/2022/09/20/uji-rudal/')).toContain(EDITED_BODY);
    expect(await warm.read('/')).toContain(NEW_TITLE);
    expect(await warm.read('/2023/09/')).toContain(NEW_TITLE);
    expect(await warm.read('/tags/transportasi/')).toContain(NEW_TITLE);
    expect(await warm.read('/rss.xml')).toContain(NEW_TITLE);
  });

  it('writes exactly what a clean build of the edited archive writes', async () => {
    expect(clean.exitCode, clean.output).toBe(0);
    expect(await compareTrees(clean.outDir, warm.outDir)).toEqual({ onlyInFirst: [], onlyInSecond: [], changed: [] });
  });
});
