/**
 * The search index of the shared fixture build: which pages are searchable, which parts of them,
 * and what each result knows about its article.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { listFiles, openArchive } from '../helpers/build';
import { readIndexedPages } from '../helpers/search-index';

const outDir = inject('basicOutDir');

describe('the search index of a build', () => {
  it('is written into the archive by the build itself, with the script that reads it', async () => {
    const files = await listFiles(path.join(outDir, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files).toContain('pagefind-entry.json');
    // The site reads the index with its own search page; Pagefind's ready-made interfaces are not shipped.
    expect(files.filter((file) => /ui\.(js|css)$|highlight/.test(file))).toEqual([]);
  });

  it('keeps the index in parts by language and months, each listed with its span', async () => {
    const entry = JSON.parse(await readFile(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
      warta_parts: { key: string; language: string; from: string; to: string; pages: number }[];
    };
    // A small archive fits in one part per language.
    expect(entry.warta_parts).toEqual([
      { key: 'en-x-202209', language: 'en', from: '2022-09', to: '2022-09', pages: 1 },
      { key: 'id-x-202209', language: 'id', from: '2022-09', to: '2024-01', pages: 3 },
    ]);
    expect(
      Object.fromEntries(Object.entries(entry.languages).map(([key, { page_count }]) => [key, page_count])),
    ).toEqual({ 'en-x-202209': 1, 'id-x-202209': 3 });
  });

  it('holds the published articles and no other page', async () => {
    const pages = await readIndexedPages(outDir);
    expect(pages.map((page) => page.url)).toEqual([
      '/2022/09/06/korea-utara-jual-peluru/',
      '/2022/09/06/sanctions-bite/',
      '/2023/09/arsip-bulanan/',
      '/2024/01/01/malam-tahun-baru/',
    ]);
    await expect(stat(path.join(outDir, 'search', 'index.html'))).resolves.toBeTruthy();
  });

  it('indexes the title, summary and body, and leaves out bylines, asides, footers and navigation', async () => {
    const page = (await readIndexedPages(outDir)).find((p) => p.url.includes('korea-utara'))!;
    expect(page.content).toContain('Korea Utara Jual Peluru ke Rusia');
    expect(page.content).toContain('Ringkasan singkat tentang penjualan peluru.');
    expect(page.content).toContain('membeli persenjataan dari Korea Utara');
    for (const absent of [
      'Berita lain yang tidak terkait',
      'Rina Hartono',
      'menit baca',
      'Judul diperbaiki',
      'Beranda',
      'Warta Desk',
    ]) {
      expect(page.content).not.toContain(absent);
    }
    // Heading anchors are links, not words of the article.
    expect(page.content).not.toContain('#');
  });

  it('gives each result its title, localized date, summary and filters', async () => {
    const pages = await readIndexedPages(outDir);
    const korea = pages.find((p) => p.url.includes('korea-utara'))!;
    expect(korea.meta).toMatchObject({
      title: 'Korea Utara Jual Peluru ke Rusia',
      date: 'Selasa, 6 September 2022',
      summary: 'Ringkasan singkat tentang penjualan peluru.',
      published: '2022-09-05T17:00:00Z',
    });
    // "Korea Utara" and "korea utara" are one topic.
    expect(korea.filters).toEqual({
      tag: ['Korea Utara', 'Rusia'],
      author: ['Rina Hartono'],
      year: ['2022'],
      language: ['Bahasa Indonesia'],
    });
    const english = pages.find((p) => p.url.includes('sanctions'))!;
    expect(english.meta['date']).toBe('Tuesday, 6 September 2022');
    expect(english.filters['language']).toEqual(['English']);
    const monthOnly = pages.find((p) => p.url.includes('arsip-bulanan'))!;
    expect(monthOnly.meta['date']).toBe('September 2023');
    expect(monthOnly.meta['summary']).toBeUndefined();
  });

  it('files an article under the year of its date in the site time zone', async () => {
    const page = (await readIndexedPages(outDir)).find((p) => p.url.includes('malam-tahun-baru'))!;
    expect(page.filters['year']).toEqual(['2024']);
  });
});

describe('the search page of a build', () => {
  it('is a plain form that submits the query to itself, and explains what needs JavaScript', async () => {
    const { document } = parseHTML(await openArchive(outDir).read('/search/'));
    const form = document.querySelector('form[data-search-form]');
    expect(form?.getAttribute('action')).toBe('/search/');
    expect(form?.getAttribute('method')).toBe('get');
    expect(form?.querySelector('input[type="search"]')?.getAttribute('name')).toBe('q');
    expect(document.querySelector('label[for="search-query"]')?.textContent).toBe('Kata kunci');
    expect(document.querySelector('noscript')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Pencarian memerlukan JavaScript. Tanpa JavaScript, telusuri berita lewat arsip atau topik.',
    );
    // The note about the development server's index belongs to `npm run dev` only.
    expect(document.querySelector('.search-page > .search-notice')).toBeNull();
  });

  it('loads its script from a file, and no other page loads any script but the theme switch', async () => {
    const archive = openArchive(outDir);
    // Every page loads the theme switch (public/theme.js) from a file in <head>; set it apart. JSON-LD
    // blocks are data for crawlers, not scripts a browser runs.
    const scripts = (html: string) => {
      const { document } = parseHTML(html);
      expect(document.querySelector('head > script[src="/theme.js"]')?.textContent).toBe('');
      return [...document.querySelectorAll('script:not([src="/theme.js"]):not([type="application/ld+json"])')];
    };
    const own = scripts(await archive.read('/search/'));
    expect(own).toHaveLength(1);
    expect(own[0]?.getAttribute('src')).toMatch(/^\/_astro\/.+\.js$/);
    expect(own[0]?.textContent).toBe('');
    for (const page of ['/', '/2022/09/06/korea-utara-jual-peluru/']) {
      expect(scripts(await archive.read(page)), page).toEqual([]);
    }
  });
});
