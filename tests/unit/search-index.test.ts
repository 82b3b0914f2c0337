import { beforeEach, describe, expect, it, vi } from 'vitest';

// Pagefind's service is replaced by a scripted one, to check how its errors are handled.
const pagefind = vi.hoisted(() => ({
  createIndex: vi.fn(),
  close: vi.fn(async () => null),
  addDirectory: vi.fn(),
  writeFiles: vi.fn(),
}));
vi.mock('pagefind', () => ({ createIndex: pagefind.createIndex, close: pagefind.close }));

const { SearchIndexError, writeSearchIndex } = await import('../../src/integrations/search-index');

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
