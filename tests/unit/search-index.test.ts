import { beforeEach, describe, expect, it, vi } from 'vitest';

// Pagefind's service is replaced by a scripted one, to check how its errors are handled.
const pagefind = vi.hoisted(() => ({
  createIndex: vi.fn(),
  close: vi.fn(async () => null),
  addDirectory: vi.fn(),
  writeFiles: vi.fn(),
}));
vi.mock('pagefind', () => ({ createIndex: pagefind.createIndex, close: pagefind.close }));

const { SearchIndexError, pageFilesGlobs, writeSearchIndex } = await import('../../src/integrations/search-index');

describe('writeSearchIndex', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    pagefind.createIndex.mockResolvedValue({
      errors: [],
      index: { addDirectory: pagefind.addDirectory, writeFiles: pagefind.writeFiles },
    });
    pagefind.addDirectory.mockResolvedValue({ errors: [], page_count: 3 });
    pagefind.writeFiles.mockResolvedValue({ errors: [], outputPath: '/site/pagefind' });
  });

  it('indexes the built site by the language of each page and writes next to it', async () => {
    await expect(writeSearchIndex('/site')).resolves.toEqual({ pageCount: 3, outputPath: '/site/pagefind' });
    expect(pagefind.createIndex.mock.calls[0]?.[0]).not.toHaveProperty('forceLanguage');
    expect(pagefind.addDirectory).toHaveBeenCalledWith({ path: '/site' });
    expect(pagefind.writeFiles).toHaveBeenCalledWith({ outputPath: '/site/pagefind' });
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  it('reads only the pages it is given, by globs of their files, in a fixed order', async () => {
    pagefind.addDirectory.mockResolvedValue({ errors: [], page_count: 1 });
    const pages = ['/2023/09/arsip-bulanan/', '/2022/09/06/korea-utara/'];
    await expect(writeSearchIndex('/site', pages)).resolves.toEqual({ pageCount: 2, outputPath: '/site/pagefind' });
    expect(pagefind.addDirectory.mock.calls).toEqual([
      [{ path: '/site', glob: '2022/{09/06/korea-utara/index.html}' }],
      [{ path: '/site', glob: '2023/{09/arsip-bulanan/index.html}' }],
    ]);
    expect(pagefind.writeFiles).toHaveBeenCalledWith({ outputPath: '/site/pagefind' });
  });

  it('writes an empty index for an archive without articles', async () => {
    await expect(writeSearchIndex('/site', [])).resolves.toEqual({ pageCount: 0, outputPath: '/site/pagefind' });
    expect(pagefind.addDirectory).not.toHaveBeenCalled();
    expect(pagefind.writeFiles).toHaveBeenCalledOnce();
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  it('fails with every error Pagefind gave while reading pages, and still closes Pagefind', async () => {
    pagefind.addDirectory.mockResolvedValue({ errors: ['bad page a.html', 'bad page b.html'], page_count: 0 });
    const failure = writeSearchIndex('/site');
    await expect(failure).rejects.toThrow(SearchIndexError);
    await expect(failure).rejects.toThrow(/bad page a\.html\n.*bad page b\.html/);
    expect(pagefind.writeFiles).not.toHaveBeenCalled();
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  it('fails when the index cannot be started or written, and still closes Pagefind', async () => {
    pagefind.createIndex.mockResolvedValueOnce({ errors: ['no binary for this platform'] });
    await expect(writeSearchIndex('/site')).rejects.toThrow(/could not start an index:\n.*no binary/);
    pagefind.writeFiles.mockResolvedValueOnce({ errors: ['disk full'], outputPath: '' });
    await expect(writeSearchIndex('/site')).rejects.toThrow(
      /could not write the index to \/site\/pagefind:\n.*disk full/,
    );
    expect(pagefind.close).toHaveBeenCalledTimes(2);
  });

  it('closes Pagefind when its service itself breaks down', async () => {
    pagefind.addDirectory.mockRejectedValue(new Error('service exited'));
    await expect(writeSearchIndex('/site')).rejects.toThrow('service exited');
    expect(pagefind.close).toHaveBeenCalledOnce();
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
