/**
 * Article pictures through Astro's image pipeline: the lead image and body images of the fixture
 * archive come out responsive, in modern formats, sized, captioned and credited; a picture that is
 * missing stops the build with the article's name.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildArchive, fixturesDir, openArchive, type BuildResult } from '../helpers/build';
import { BASIC_ENV } from './global-setup';

describe('article pictures', () => {
  const build = openArchive(inject('basicOutDir'));
  let article: Document;
  beforeAll(async () => {
    article = parseHTML(await build.read('/2024/01/01/malam-tahun-baru/')).document;
  });

  it('shows the lead image in AVIF and WebP at several widths, sized and loaded first', () => {
    const figure = article.querySelector('.article-figure')!;
    const types = [...figure.querySelectorAll('source')].map((source) => source.getAttribute('type'));
    expect(types).toEqual(['image/avif', 'image/webp']);
    const srcset = figure.querySelector('source')!.getAttribute('srcset')!;
    const widths = srcset.split(',').map((candidate) => candidate.trim().split(' ')[1]);
    expect(widths).toEqual(['360w', '720w', '800w']);
    const img = figure.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('Kembang api di atas deretan gedung');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['800', '450']);
    expect(img.getAttribute('loading')).toBe('eager');
    expect(img.getAttribute('fetchpriority')).toBe('high');
  });

  it('shows the caption and the credit under the lead image', () => {
    expect(article.querySelector('.article-figure figcaption')?.textContent).toBe(
      'Langit Jakarta tengah malam. Gambar: Ilustrasi Warta',
    );
  });

  it('writes every picture it links to', async () => {
    const sources = [...article.querySelectorAll('img, source')].flatMap((node) => [
      ...(node.getAttribute('src') ? [node.getAttribute('src')!] : []),
      ...(node.getAttribute('srcset') ?? '').split(',').map((candidate) => candidate.trim().split(' ')[0]!),
    ]);
    const files = [...new Set(sources.filter((source) => source !== ''))];
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) {
      expect(file).toMatch(/^\/_astro\//);
      await expect(build.read(file), file).resolves.toBeTruthy();
    }
  });

  it('turns a body image into a lazy, sized WebP figure with its title as the caption', () => {
    const figure = article.querySelector('.article-body figure')!;
    const img = figure.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('Warga berjalan kaki ke pusat kota');
    expect(img.getAttribute('src')).toMatch(/\.webp$/);
    expect(img.getAttribute('srcset')).toMatch(/ 600w$/);
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['600', '336']);
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.hasAttribute('title')).toBe(false);
    expect(figure.querySelector('figcaption')?.textContent).toBe('Warga berjalan kaki ke Bundaran HI.');
  });

  it('points link previews at the pipeline copy of the lead image', () => {
    const preview = article.querySelector('meta[property="og:image"]')?.getAttribute('content');
    expect(preview).toMatch(/^https:\/\/[^/]+\/_astro\/kembang-api\.[\w-]+\.jpg$/);
    expect(article.querySelector('meta[property="og:image:width"]')?.getAttribute('content')).toBe('800');
  });
});

describe('a missing picture', () => {
  let folder: string;
  let result: BuildResult;
  beforeAll(async () => {
    // The fixture's article with its lead picture gone, and a body image that never existed.
    folder = await mkdtemp(path.join(tmpdir(), 'warta-images-'));
    await cp(path.join(fixturesDir, 'basic', 'content', '2023', '12'), folder, { recursive: true });
    await rm(path.join(folder, 'kembang-api.jpg'));
    await writeFile(
      path.join(folder, 'tanpa-foto.md'),
      '---\ntitle: Tanpa Foto\ndate: 2023-12-01\n---\n\nTeks.\n\n![Peta](./peta.png)\n',
    );
    result = await buildArchive(folder, BASIC_ENV);
  });
  afterAll(async () => {
    await result?.cleanup();
    await rm(folder, { recursive: true, force: true });
  });

  it('stops the build and names each article, its line and the file looked for', () => {
    expect(result.exitCode).not.toBe(0);
    // The folder is outside the working directory, so problems name it by its absolute path.
    const at = (file: string) => path.join(folder, file);
    expect(result.output).toContain(`${at('malam-tahun-baru.md')}:6: image.src: image kembang-api.jpg does not exist`);
    expect(result.output).toContain(`${at('tanpa-foto.md')}:8: body: image ./peta.png does not exist`);
  });
});
