import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Pagefind's service is replaced by a scripted one, to check how its errors are handled when the
// folder is indexed as one; the parts are indexed on worker threads by the real Pagefind
// (search-parts.test.ts).
const pagefind = vi.hoisted(() => ({
  createIndex: vi.fn(),
  close: vi.fn(async () => null),
  addDirectory: vi.fn(),
  writeFiles: vi.fn(),
  deleteIndex: vi.fn(async () => null),
}));
vi.mock('pagefind', () => ({ createIndex: pagefind.createIndex, close: pagefind.close }));

const { pageFilesGlobs, planSearchParts, writeSearchIndex } = await import('../../../src/integrations/search-index');

let site: string;
let cacheDir: string;

// A fake index: it records what it was given and writes an entry of one language (`id`).
function fakeIndex() {
  const added: string[] = [];
  return {
    addDirectory: async (source: { path: string; glob?: string }) => {
      const answer = (await pagefind.addDirectory(source)) as { errors: string[]; page_count: number };
      added.push(source.glob ?? '*');
      return answer;
    },
    writeFiles: async (options: { outputPath: string }) => {
      const answer = (await pagefind.writeFiles(options)) as { errors: string[] };
      if (answer.errors.length === 0) await writeFakeIndex(options.outputPath, added);
      return answer;
    },
    deleteIndex: pagefind.deleteIndex,
  };
}

async function writeFakeIndex(outputPath: string, added: string[]) {
  const language = 'id';
  await mkdir(path.join(outputPath, 'fragment'), { recursive: true });
  const hash = `${language}_${Buffer.from(added.join()).toString('hex')}`;
  await writeFile(path.join(outputPath, 'fragment', `${hash}.pf_fragment`), added.join('\n'));
  await writeFile(path.join(outputPath, 'pagefind.js'), '// script');
  await writeFile(
    path.join(outputPath, 'pagefind-entry.json'),
    JSON.stringify({
      version: '1.6.0',
      languages: added.length === 0 ? {} : { [language]: { hash, wasm: language, page_count: added.length } },
      include_characters: ['_'],
    }),
  );
}

describe('writeSearchIndex', () => {
  beforeEach(async () => {
    vi.clearAllMocks();
    site = await mkdtemp(path.join(tmpdir(), 'warta-search-unit-'));
    cacheDir = path.join(site, '.cache');
    pagefind.createIndex.mockImplementation(async () => ({ errors: [], index: fakeIndex() }));
    pagefind.addDirectory.mockResolvedValue({ errors: [], page_count: 1 });
    pagefind.writeFiles.mockImplementation(async ({ outputPath }: { outputPath: string }) => ({
      errors: [],
      outputPath,
    }));
  });
  afterEach(async () => {
    await rm(site, { recursive: true, force: true });
  });

  it('indexes every page of the folder as one when it is given no pages', async () => {
    await expect(writeSearchIndex(site, { cacheDir })).resolves.toMatchObject({ pageCount: 1, parts: [] });
    expect(pagefind.createIndex.mock.calls[0]?.[0]).not.toHaveProperty('forceLanguage');
    expect(pagefind.addDirectory).toHaveBeenCalledWith({ path: site });
    expect(pagefind.writeFiles).toHaveBeenCalledWith({ outputPath: path.join(site, 'pagefind') });
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  it('writes an empty index for an archive without articles', async () => {
    await expect(writeSearchIndex(site, { cacheDir, pages: [] })).resolves.toMatchObject({ pageCount: 0, parts: [] });
    expect(pagefind.addDirectory).not.toHaveBeenCalled();
    expect(pagefind.writeFiles).toHaveBeenCalledOnce();
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  it('fails when the index cannot be started or written, and still closes Pagefind', async () => {
    pagefind.createIndex.mockResolvedValueOnce({ errors: ['no binary for this platform'] });
    await expect(writeSearchIndex(site, { cacheDir })).rejects.toThrow(/could not start an index:\n.*no binary/);
    pagefind.writeFiles.mockResolvedValueOnce({ errors: ['disk full'], outputPath: '' });
    await expect(writeSearchIndex(site, { cacheDir })).rejects.toThrow(
      /could not write the index to .*pagefind:\n.*disk full/,
    );
    expect(pagefind.close).toHaveBeenCalledTimes(2);
  });

  it('closes Pagefind when its service itself breaks down', async () => {
    pagefind.addDirectory.mockRejectedValue(new Error('service exited'));
    await expect(writeSearchIndex(site, { cacheDir })).rejects.toThrow('service exited');
    expect(pagefind.close).toHaveBeenCalledOnce();
  });
});

describe('planSearchParts', () => {
  const month = (language: string, value: string, count: number) =>
    Array.from({ length: count }, (_, n) => ({ path: `/${value}/${language}-${String(n)}/`, language, month: value }));

  it('fills parts with whole months from the oldest, by language', () => {
    const pages = [
      ...month('id', '2020-01', 2),
      ...month('id', '2020-02', 2),
      ...month('id', '2020-03', 1),
      ...month('en', '2021-05', 3),
      ...month('id', '2019-12', 5),
    ];
    expect(planSearchParts(pages, 4).map(({ key, from, to, pages: count }) => [key, from, to, count])).toEqual([
      ['en-x-202105', '2021-05', '2021-05', 3],
      ['id-x-201912', '2019-12', '2019-12', 5],
      ['id-x-202001', '2020-01', '2020-02', 4],
      ['id-x-202003', '2020-03', '2020-03', 1],
    ]);
  });

  it('keeps every older boundary when the newest month grows', () => {
    const before = planSearchParts([...month('id', '2020-01', 3), ...month('id', '2020-02', 3)], 4);
    const after = planSearchParts([...month('id', '2020-01', 3), ...month('id', '2020-02', 9)], 4);
    expect(after[0]).toEqual(before[0]);
    expect(after.map((part) => part.key)).toEqual(['id-x-202001', 'id-x-202002']);
  });
});
describe('pageFilesGlobs', () => {
  it('names the index.html of each page, grouped by first folder, and a file page as it is', () => {
    expect(pageFilesGlobs(['/2022/09/06/b/', '/2021/01/a/', '/', 'x/', '/404.html', '/2022/09/06/a/'])).toEqual([
      '{404.html,index.html}',
      '2021/{01/a/index.html}',
      '2022/{09/06/a/index.html,09/06/b/index.html}',
      'x/{index.html}',
    ]);
  });

  it('puts at most a thousand files in one glob, which Pagefind can still read', () => {
    const pages = Array.from({ length: 2500 }, (_, n) => `/2022/01/article-${String(n).padStart(4, '0')}/`);
    const globs = pageFilesGlobs(pages);
    expect(globs.map((glob) => glob.split(',').length)).toEqual([1000, 1000, 500]);
    expect(globs[2]?.endsWith('01/article-2499/index.html}')).toBe(true);
  });

  it('escapes what Pagefind’s glob syntax reserves, so a slug matches only itself', () => {
    expect(pageFilesGlobs(['/x/a,b{c}[d](e)<f>?*$:\\/', '/東京/🎉/'])).toEqual([
      'x/{a\\,b\\{c\\}\\[d\\]\\(e\\)\\<f\\>\\?\\*\\$\\:\\\\/index.html}',
      '東京/{🎉/index.html}',
    ]);
  });
});
