import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  digestPageBytes,
  findContentAfterHtml,
  samplePagesByType,
  validateSiteHtml,
} from '../../../src/verify/site-html';

const page = (head: string, body: string) =>
  `<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><title>Warta</title>${head}</head>` +
  `<body><main>${body}</main></body></html>\n`;

describe('validateSiteHtml', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'warta-html-'));
    const files: Record<string, string> = {
      // What the archive writes: a long headline, a named tag list, its own stylesheet without a hash.
      'index.html': page(
        '<link rel="stylesheet" href="/_astro/site.css">',
        `<h1>${'Korea Utara Jual Jutaan Peluru Artileri ke Rusia, Kata Intelijen Amerika Serikat'}</h1>` +
          '<ul class="tag-list" aria-label="Topik"><li><a href="/tags/rusia/">Rusia</a></li></ul>',
      ),
      '2022/index.html': page(
        '<link rel="stylesheet" href="https://cdn.example.org/site.css">',
        '<h1 id="x">Satu</h1><ul><p>bukan butir daftar</p></ul><img src="/a.png"><span id="x"></span>',
      ),
      'tanpa-doctype/index.html': '<html lang="id"><head><title>t</title></head><body></body></html>',
      // As Astro wrote the search page when its script followed the layout.
      'search/index.html': `${page('', '<h1>Cari</h1>').trimEnd()}<script type="module" src="/_astro/s.js"></script>\n`,
    };
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('accepts a page written the way the archive writes its pages', async () => {
    const report = await validateSiteHtml(dir, { pages: ['index.html'] });
    expect(report).toEqual({
      pages: 1,
      problems: [],
      passed: { 'index.html': digestPageBytes(await readFile(path.join(dir, 'index.html'))) },
    });
  });

  it('finds the same problems on worker threads as on this thread, and lists only passing pages as passed', async () => {
    const here = await validateSiteHtml(dir, { threads: 0 });
    const progress: number[] = [];
    const threaded = await validateSiteHtml(dir, { threads: 2, onProgress: (done) => progress.push(done) });
    expect(threaded.problems).toEqual(here.problems);
    expect(threaded.problems.length).toBeGreaterThan(4);
    expect(Object.keys(threaded.passed)).toEqual(['index.html']);
    expect(progress.at(-1)).toBe(4);
  });

  it('names the page, position and rule of every problem in every page', async () => {
    const { pages, problems } = await validateSiteHtml(dir, { base: '/arsip/' });
    expect(pages).toBe(4);
    const rules = (page: string) => problems.filter((problem) => problem.page === page).map((problem) => problem.rule);
    expect(rules('/arsip/2022/index.html')).toEqual(
      expect.arrayContaining(['require-sri', 'element-permitted-content', 'no-dup-id', 'wcag/h37']),
    );
    expect(rules('/arsip/tanpa-doctype/index.html')).toContain('missing-doctype');
    expect(rules('/arsip/index.html')).toEqual([]);
    expect(problems.filter((problem) => problem.page === '/arsip/search/index.html')).toEqual([
      expect.objectContaining({ rule: 'content-after-html', line: 2, message: expect.stringContaining('</html>') }),
    ]);
    const duplicate = problems.find((problem) => problem.rule === 'no-dup-id')!;
    expect(duplicate).toMatchObject({ line: 2, message: expect.stringContaining('"x"') });
    expect(duplicate.column).toBeGreaterThan(1);
  });
});

describe('findContentAfterHtml', () => {
  it('finds a script after </html>, and lets white space and comments pass', () => {
    expect(findContentAfterHtml('<html><body></body></html>\n')).toBeUndefined();
    expect(findContentAfterHtml('<html><body></body></HTML>\n<!-- built -->\n')).toBeUndefined();
    expect(findContentAfterHtml('<html>\n<body></body></html>\n  <script></script>')).toEqual({ line: 3, column: 3 });
  });
});

describe('samplePagesByType', () => {
  const pages = [
    'index.html',
    'page/2/index.html',
    ...Array.from({ length: 9 }, (_, i) => `2022/09/0${i + 1}/berita-${i + 1}/index.html`),
    'tags/rusia/index.html',
    '404.html',
  ];

  it('keeps every type, with the first and last page of each and the rest spread between', () => {
    expect(samplePagesByType(pages, 3)).toEqual([
      '2022/09/01/berita-1/index.html',
      '2022/09/05/berita-5/index.html',
      '2022/09/09/berita-9/index.html',
      '404.html',
      'index.html',
      'page/2/index.html',
      'tags/rusia/index.html',
    ]);
  });

  it('takes the first page of each type when one is enough, and all pages when there are few', () => {
    expect(samplePagesByType(pages, 1)).toEqual([
      '2022/09/01/berita-1/index.html',
      '404.html',
      'index.html',
      'tags/rusia/index.html',
    ]);
    expect(samplePagesByType(pages, 20)).toEqual([...pages].sort());
  });
});
