/**
 * Builds the small fixture archive through `WARTA_CONTENT_DIR`, as `npm run build` would, and checks
 * what a reader would find in `dist/`; then checks that broken articles stop the build with every
 * problem named.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { classifyPage, isRedirectPage } from '../../src/lib/report/build-report';
import { buildArchive, fixturesDir, listFiles, openArchive, type BuildResult } from '../helpers/build';
import { BASIC_ENV } from './global-setup';

describe('building the fixture archive', () => {
  const build = openArchive(inject('basicOutDir'));

  it('writes one page per published article at its permalink', async () => {
    const files = await listFiles(build.outDir);
    // A digits-only last folder is a day archive (`2022/09/06/`), never an article slug.
    const articlePages = files.filter((file) => /^\d{4}\/\d{2}\/(\d{2}\/)?(?!\d+\/)[^/]+\/index\.html$/.test(file));
    expect(articlePages).toEqual([
      '2022/09/06/korea-utara-jual-peluru/index.html',
      '2022/09/06/sanctions-bite/index.html',
      '2023/09/arsip-bulanan/index.html',
      '2024/01/01/malam-tahun-baru/index.html',
    ]);
  });

  it('leaves out drafts and articles scheduled for the future', async () => {
    const files = (await listFiles(build.outDir)).join('\n');
    expect(files).not.toContain('belum-terbit');
    expect(files).not.toContain('masa-depan');
    const home = await build.read('/');
    expect(home).not.toContain('Belum Terbit');
    expect(home).not.toContain('Dijadwalkan');
  });

  it('shows localized datelines with machine-readable values', async () => {
    const { document } = parseHTML(await build.read('/2022/09/06/korea-utara-jual-peluru/'));
    expect(document.documentElement.getAttribute('lang')).toBe('id');
    const published = document.querySelector('.published time');
    expect(published?.textContent).toBe('Selasa, 6 September 2022');
    expect(published?.getAttribute('datetime')).toBe('2022-09-06');

    const english = parseHTML(await build.read('/2022/09/06/sanctions-bite/')).document;
    expect(english.documentElement.getAttribute('lang')).toBe('en');
    expect(english.querySelector('.published time')?.textContent).toBe('Tuesday, 6 September 2022');
    expect(english.querySelector('.published time')?.getAttribute('datetime')).toBe('2022-09-06T09:00:00+07:00');

    const month = parseHTML(await build.read('/2023/09/arsip-bulanan/')).document;
    expect(month.querySelector('.published time')?.textContent).toBe('September 2023');
  });

  it('files an article by its date in the site time zone', async () => {
    const { document } = parseHTML(await build.read('/2024/01/01/malam-tahun-baru/'));
    expect(document.querySelector('h1')?.textContent).toBe('Malam Tahun Baru');
    expect(document.querySelector('.published time')?.textContent).toBe('Senin, 1 Januari 2024');
  });

  it('renders the article page in full', async () => {
    const { document } = parseHTML(await build.read('/2022/09/06/korea-utara-jual-peluru/'));
    expect(document.querySelector('title')?.textContent).toBe('Korea Utara Jual Peluru ke Rusia — Warta');
    expect(document.querySelector('.lede')?.textContent).toBe('Ringkasan singkat tentang penjualan peluru.');
    expect(document.querySelector('.authors')?.textContent).toContain('Rina Hartono');
    expect(document.querySelector('.updated time')?.textContent).toBe('Kamis, 8 September 2022');
    expect(document.querySelector('.reading-time')?.textContent).toBe('1 menit baca');
    expect(document.querySelector('.source a')?.getAttribute('href')).toBe('https://example.org/desk');
    expect([...document.querySelectorAll('.article-footer .tag-list a')].map((a) => a.textContent)).toEqual([
      'Korea Utara',
      'Rusia',
    ]);
    expect(document.querySelector('.corrections li')?.textContent).toContain('Judul diperbaiki.');
    const heading = document.querySelector('.article-body h2');
    expect(heading?.getAttribute('id')).toBe('latar-belakang');
    expect(document.querySelector('.article-body a.external')?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('turns "Baca Juga" promos into asides kept out of the search index', async () => {
    const { document } = parseHTML(await build.read('/2022/09/06/korea-utara-jual-peluru/'));
    const aside = document.querySelector('.article-body aside.read-also');
    expect(aside?.getAttribute('data-pagefind-ignore')).toBe('all');
    expect(aside?.textContent).toContain('Berita lain yang tidak terkait');
  });

  it('lets no script from an article reach the page', async () => {
    const html = await build.read('/2022/09/06/korea-utara-jual-peluru/');
    const { document } = parseHTML(html);
    const body = document.querySelector('.article-body');
    expect(body?.querySelector('script')).toBeNull();
    expect(body?.innerHTML).not.toMatch(/onerror|javascript:|alert/);
    expect(body?.querySelector('img')?.getAttribute('src')).toBe('x.png');
  });

  it('paginates the home page newest first without a /page/1/ duplicate', async () => {
    const first = parseHTML(await build.read('/')).document;
    const second = parseHTML(await build.read('/page/2/')).document;
    const titles = (doc: Document) => [...doc.querySelectorAll('.article-card h2')].map((h) => h.textContent);
    // The front page leads with the newest (pictured) article, then the rest of its first page.
    const front = [...first.querySelectorAll('.front-main :is(h2, h3) a')].map((a) => a.textContent);
    expect(front).toEqual(['Malam Tahun Baru', 'Arsip yang Hanya Tahu Bulannya']);
    expect(first.querySelector('.lead-story__title')?.textContent).toBe('Malam Tahun Baru');
    expect(titles(second)).toEqual(['Sanctions Bite', 'Korea Utara Jual Peluru ke Rusia']);
    expect(second.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/');
    await expect(stat(path.join(build.outDir, 'page/1'))).rejects.toThrow();
  });
});

describe('the build report of the fixture archive', () => {
  const { printed, written } = inject('basicReport');

  it('is printed once as a JSON line with --json, and written whole to WARTA_BUILD_REPORT', () => {
    expect(printed).toHaveLength(1);
    expect(printed[0]).toEqual(written);
  });

  it('counts what was published and what was held back', () => {
    expect(written.content).toEqual({ articles: 4, tags: 5, authors: 2, drafts: 1, scheduled: 1 });
  });

  it('counts the pages it wrote, by type, as they are in the output folder', async () => {
    const outDir = inject('basicOutDir');
    const pages = (await listFiles(outDir)).filter((file) => file.endsWith('.html'));
    const byType: Record<string, number> = {};
    for (const file of pages) {
      // Pages that only forward a reader (old addresses of an article) count as redirects.
      const type = isRedirectPage(await readFile(path.join(outDir, file), 'utf8'))
        ? 'redirect'
        : classifyPage(`/${file.replace(/(^|\/)index\.html$/, '$1')}`);
      byType[type] = (byType[type] ?? 0) + 1;
    }
    expect(written.pages).toEqual(byType);
    expect(written.pages.article).toBe(4);
    expect(written.totalPages).toBe(pages.length);
  });

  it('times content, pages, each output step by name and the swap, adding up to the whole build', () => {
    const names = written.phases.map((phase) => phase.name);
    expect(names.slice(0, 2)).toEqual(['content', 'pages']);
    expect(names.slice(-2)).toEqual(['finishing', 'swap into place']);
    expect(names).toContain('sitemaps');
    const sum = written.phases.reduce((total, phase) => total + phase.seconds, 0);
    expect(written.phases.every((phase) => phase.seconds >= 0)).toBe(true);
    expect(sum).toBeCloseTo(written.totalSeconds, 2);
    expect(written.warnings).toEqual([]);
  });
});

describe('the size of the fixture archive, in its build report', () => {
  const { written } = inject('basicReport');

  it('counts every file and byte of the output as a host counts them, by kind', async () => {
    const outDir = inject('basicOutDir');
    const files = await listFiles(outDir);
    const sizes = await Promise.all(files.map(async (file) => (await stat(path.join(outDir, file))).size));
    const output = written.output!;
    expect(output.files).toBe(files.length);
    expect(output.bytes).toBe(sizes.reduce((sum, size) => sum + size, 0));
    expect(output.largestFile.bytes).toBe(Math.max(...sizes));
    const kinds = Object.values(output.byKind);
    expect(kinds.reduce((sum, kind) => sum + kind.files, 0)).toBe(files.length);
    expect(output.byKind['article pages']?.files).toBe(4);
    expect(output.byKind['search index']?.files).toBeGreaterThan(0);
  });

  it('says which hosts a small archive fits, and holds it to no host unless one is named', () => {
    expect(written.hosts?.fits).toEqual(expect.arrayContaining(['github-pages', 'cloudflare-pages', 'netlify']));
    expect(written.hosts?.tooLarge).toEqual([]);
    expect(written.hosts?.chosen).toBeUndefined();
  });
});

/** A folder holding a previous archive at `dist/` (one page), for builds that must leave it as it is. */
async function makePreviousArchive(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'warta-previous-'));
  await mkdir(path.join(folder, 'dist'));
  await writeFile(path.join(folder, 'dist', 'index.html'), 'previous archive');
  return folder;
}

describe('building for a host the archive does not fit', () => {
  let build: BuildResult;
  let previous: string;

  beforeAll(async () => {
    previous = await makePreviousArchive();
    // A quota of 20 files stands in for Cloudflare's 20,000, which a fixture cannot reach.
    build = await buildArchive(path.join(fixturesDir, 'basic', 'content'), {
      ...BASIC_ENV,
      WARTA_OUT_DIR: path.join(previous, 'dist'),
      WARTA_HOST: 'cloudflare-pages',
      WARTA_HOST_MAX_FILES: '20',
    });
  });
  afterAll(async () => {
    await build?.cleanup();
    await rm(previous, { recursive: true, force: true });
  });

  it('fails before the upload, naming the host, the figure, the limit and what to change', () => {
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain(
      'WARTA_HOST=cloudflare-pages: the archive does not fit Cloudflare Pages (free plan)',
    );
    expect(build.output).toMatch(/files: the archive has \d+ files; Cloudflare Pages \(free plan\) takes at most 20\./);
    expect(build.output).toContain('Choose a plan or host that takes more files');
  });

  it('leaves the previous archive in place, with nothing half-written beside it', async () => {
    expect(await readFile(path.join(previous, 'dist', 'index.html'), 'utf8')).toBe('previous archive');
    expect(await listFiles(previous)).toEqual(['dist/index.html']);
  });

  it('refuses a host it does not know, naming the setting and the hosts it knows', async () => {
    const unknown = await buildArchive(path.join(fixturesDir, 'basic', 'content'), {
      ...BASIC_ENV,
      WARTA_HOST: 'github',
    });
    try {
      expect(unknown.exitCode).not.toBe(0);
      expect(unknown.output).toContain(
        'WARTA_HOST (overrides warta({ host })): "github" is not a host Warta knows; use one of github-pages,',
      );
    } finally {
      await unknown.cleanup();
    }
  });
});

describe('building a folder with broken articles', () => {
  let build: BuildResult;
  let previous: string;

  beforeAll(async () => {
    // A previous archive sits where the failing build would write.
    previous = await makePreviousArchive();
    build = await buildArchive(path.join(fixturesDir, 'broken', 'content'), {
      WARTA_OUT_DIR: path.join(previous, 'dist'),
    });
  });
  afterAll(async () => {
    await build?.cleanup();
    await rm(previous, { recursive: true, force: true });
  });

  it('fails and leaves the previous archive untouched, with nothing half-written beside it', async () => {
    expect(build.exitCode).not.toBe(0);
    expect(await readFile(path.join(previous, 'dist', 'index.html'), 'utf8')).toBe('previous archive');
    expect(await listFiles(previous)).toEqual(['dist/index.html']);
  });

  it('names every broken file, its line, the field and the reason in one run', () => {
    const dir = path.join(fixturesDir, 'broken', 'content');
    const at = (file: string) => path.relative(process.cwd(), path.join(dir, file));
    expect(build.output).toContain('8 problems in 5 articles');
    expect(build.output).toContain(`${at('tanpa-judul.md')}:1: title: is required`);
    expect(build.output).toContain(`${at('tanpa-judul.md')}:2: date: 2023-02-30 is not a day in the calendar`);
    expect(build.output).toContain(`${at('tanpa-judul.md')}:3: tag: unknown field; did you mean "tags"?`);
    // An unclosed quote is reported where it opens, not at the closing "---".
    expect(build.output).toContain(
      `${at('yaml-rusak.md')}:2: frontmatter: malformed YAML: the " that opens this value is never closed`,
    );
    expect(build.output).toContain(`${at('tipe-salah.md')}:4: tags: must be a list of text`);
    expect(build.output).toContain(`${at('tipe-salah.md')}:5: draft: must be true or false`);
    // Both files of one permalink, each at the line that makes its slug, the later-dated first.
    const clash = 'slug: has the same permalink /2023/01/01/baik/ as';
    expect(build.output).toContain(
      `  ${at('baik-duplikat.md')}:4: ${clash} ${at('baik.md')}:1; give one of them a different "slug:"\n` +
        `  ${at('baik.md')}:1: ${clash} ${at('baik-duplikat.md')}:4; give one of them a different "slug:" (this one comes from the file name)\n`,
    );
    expect(build.output).not.toMatch(/^\s+at /m);
  });
});
