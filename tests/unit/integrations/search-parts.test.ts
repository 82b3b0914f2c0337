import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  SearchIndexError,
  writeSearchIndex,
  type PagefindEntry,
  type SearchPage,
} from '../../../src/integrations/search-index';

// The parts of the index are written by the real Pagefind, on the search workers (one Pagefind
// service each), from the pages in the built folder.

let root: string;
let site: string;
let cacheDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'warta-search-parts-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let run = 0;
beforeEach(async () => {
  run += 1;
  site = path.join(root, `site-${String(run)}`);
  cacheDir = path.join(root, `cache-${String(run)}`);
  await mkdir(site, { recursive: true });
});

function html(language: string, title: string, text: string): string {
  return (
    `<!doctype html><html lang="${language}"><head><title>${title}</title></head><body>` +
    `<nav>Beranda Arsip Cari</nav><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`
  );
}

// Six articles in two languages, over three months: with two pages a part, four parts.
const articles = [
  {
    path: '/2022/09/06/peluru-artileri/',
    language: 'id',
    month: '2022-09',
    text: 'Korea Utara menjual peluru artileri.',
  },
  {
    path: '/2022/09/06/pasokan-amunisi/',
    language: 'id',
    month: '2022-09',
    text: 'Pasokan amunisi ke Rusia bertambah.',
  },
  { path: '/2023/09/13/vostochny/', language: 'id', month: '2023-09', text: 'Pertemuan di kosmodrom Vostochny.' },
  { path: '/2024/06/19/pakta/', language: 'id', month: '2024-06', text: 'Pakta saling membantu ditandatangani.' },
  {
    path: '/2022/09/06/artillery-shells/',
    language: 'en',
    month: '2022-09',
    text: 'North Korea sells artillery shells.',
  },
  { path: '/2024/06/19/mutual-aid-pact/', language: 'en', month: '2024-06', text: 'A mutual aid pact is signed.' },
];
const pages: SearchPage[] = articles.map(({ path: pagePath, language, month }) => ({
  path: pagePath,
  language,
  month,
}));

async function readTree(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(folder, file), (await readFile(file)).toString('base64'));
  }
  return files;
}

function fileOf(pagePath: string): string {
  return path.join(site, pagePath, 'index.html');
}

async function writePages(): Promise<void> {
  for (const article of articles) {
    const content = Buffer.from(html(article.language, article.path.split('/')[4]!, article.text));
    await mkdir(path.dirname(fileOf(article.path)), { recursive: true });
    await writeFile(fileOf(article.path), content);
  }
}

describe('the parts of the search index', () => {
  it('writes each part by itself, from its own pages, under one entry that lists every part', async () => {
    await writePages();
    const result = await writeSearchIndex(site, { cacheDir, pages, partPages: 2 });
    expect(result).toMatchObject({ pageCount: 6, reused: 0 });
    const entry = JSON.parse(
      await readFile(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    ) as PagefindEntry;
    expect(entry.warta_parts).toEqual([
      { key: 'en-x-202209', language: 'en', from: '2022-09', to: '2024-06', pages: 2 },
      { key: 'id-x-202209', language: 'id', from: '2022-09', to: '2022-09', pages: 2 },
      { key: 'id-x-202309', language: 'id', from: '2023-09', to: '2024-06', pages: 2 },
    ]);
    expect(
      Object.fromEntries(Object.entries(entry.languages).map(([key, { page_count }]) => [key, page_count])),
    ).toEqual({
      'en-x-202209': 2,
      'id-x-202209': 2,
      'id-x-202309': 2,
    });
    // One fragment a page, all in the one folder the search page reads, each named after its part:
    // two parts of one language, indexed apart, can never write two fragments of one name.
    const fragments = await readdir(path.join(site, 'pagefind', 'fragment'));
    expect(fragments).toHaveLength(6);
    expect(fragments.map((name) => name.slice(0, name.indexOf('_'))).sort()).toEqual([
      'en-x-202209',
      'en-x-202209',
      'id-x-202209',
      'id-x-202209',
      'id-x-202309',
      'id-x-202309',
    ]);
    // The Indonesian parts share one WebAssembly, which a reader loads once.
    expect(Object.values(entry.languages).map((language) => language.wasm)).toEqual(['en', 'id', 'id']);
    expect((await readdir(path.join(site, 'pagefind'))).filter((name) => name.startsWith('wasm.'))).toEqual([
      'wasm.en.pagefind',
      'wasm.id.pagefind',
      'wasm.unknown.pagefind',
    ]);
  });

  it('reuses the parts whose pages are unchanged, writes again the one whose page changed, and forgets the old one', async () => {
    await writePages();
    await writeSearchIndex(site, { cacheDir, pages, partPages: 2 });
    await expect(writeSearchIndex(site, { cacheDir, pages, partPages: 2 })).resolves.toMatchObject({ reused: 3 });

    await writeFile(fileOf('/2024/06/19/pakta/'), html('id', 'pakta', 'Pakta saling membantu, dengan ralat.'));
    await expect(writeSearchIndex(site, { cacheDir, pages, partPages: 2 })).resolves.toMatchObject({ reused: 2 });
    const kept = await readdir(path.join(cacheDir, 'warta-search'));
    expect(kept).toHaveLength(3);
    expect(kept.filter((name) => name.startsWith('id-x-202309.'))).toHaveLength(1);
    // The part written again is byte for byte the one a build without a cache writes.
    const rebuilt = await readTree(path.join(site, 'pagefind'));
    expect([...rebuilt.keys()].filter((file) => file.startsWith('fragment/'))).toHaveLength(6);
    cacheDir = path.join(root, `cache-${String(run)}-fresh`);
    await writeSearchIndex(site, { cacheDir, pages, partPages: 2 });
    expect(await readTree(path.join(site, 'pagefind'))).toEqual(rebuilt);
  });

  it('fails naming the page it cannot read, keeps no part of it, and stops its workers', async () => {
    await writePages();
    await rm(fileOf('/2023/09/13/vostochny/'));
    const failure = writeSearchIndex(site, { cacheDir, pages, partPages: 2 });
    await expect(failure).rejects.toThrow(SearchIndexError);
    await expect(failure).rejects.toThrow(/2023\/09\/13\/vostochny\/index\.html/);
    const kept = await readdir(path.join(cacheDir, 'warta-search'));
    expect(kept.filter((name) => name.startsWith('id-x-202309'))).toEqual([]);
  });
});
