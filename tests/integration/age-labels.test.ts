/**
 * Age labels on the built archives, whose clock is fixed at 1 January 2026 (SOURCE_DATE_EPOCH):
 * an article from 2022 says it is more than 3 years old, in its own language, with its date, and
 * its link previews carry its year; an article from 2025 says nothing.
 */
import { readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { siteFile } from '../helpers/build';

async function open(outDir: string, sitePath: string): Promise<Document> {
  return parseHTML(await readFile(siteFile(outDir, sitePath), 'utf8')).document;
}

describe('age labels', () => {
  it('tell a reader above the headline that a 2022 article is more than 3 years old, with its date', async () => {
    const page = await open(inject('basicOutDir'), '/2022/09/06/korea-utara-jual-peluru/');
    const label = page.querySelector('.article-header .age-label');
    expect(label?.getAttribute('role')).toBe('note');
    expect(label?.querySelector('strong')?.textContent).toBe('Artikel ini berusia lebih dari 3 tahun');
    expect(label?.querySelector('time')?.getAttribute('datetime')).toBe('2022-09-06');
    // Before the headline, so it is read first, and kept out of the search index's text.
    expect(label?.nextElementSibling?.tagName).toBe('H1');
    expect(label?.getAttribute('data-pagefind-ignore')).toBe('all');
    const preview = page.querySelector('meta[property="og:title"]')?.getAttribute('content');
    expect(preview).toBe(`${page.querySelector('h1')?.textContent} (2022)`);
  });

  it('speak the language of an English article', async () => {
    const page = await open(inject('basicOutDir'), '/2022/09/06/sanctions-bite/');
    expect(page.querySelector('.age-label strong')?.textContent).toBe('This article is more than 3 years old');
  });

  it('leave an article younger than a year as it is', async () => {
    const page = await open(
      inject('sampleOutDir'),
      '/2025/07/15/petani-garam-pantura-berjuang-di-tengah-kemarau-basah/',
    );
    expect(page.querySelector('.age-label')).toBeNull();
    expect(page.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(
      page.querySelector('h1')?.textContent,
    );
  });
});
