/**
 * The JSON API on a fixture archive built under a sub-path (`WARTA_BASE=/arsip/`, `WARTA_API=1`):
 * a series, a pair of language versions, a month-precision article with hostile text. Every file
 * exists, validates against the schema the build published (which is the code's), every address in
 * it resolves to a file of the build, and a rebuild after a body edit writes only that article's
 * file again. The shared fixture build, with the API off, has no `/api/` at all.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { API_SCHEMA_NAMES, type ApiSchemaName } from '../../src/lib/syndication/api-documents';
import { createApiSchemas, type JsonSchema } from '../../src/lib/syndication/api-schemas';
import { apiSchemaIds, createApiValidator } from '../helpers/api-schema';
import { buildArchive, fixturesDir, listFiles, type BuildResult } from '../helpers/build';
import { BASIC_ENV } from './global-setup';

const SITE = 'https://warta.example.org/arsip/';
const ENV = { ...BASIC_ENV, WARTA_BASE: '/arsip/', WARTA_API: '1' };

let work: string;
let build: BuildResult;
let rebuild: BuildResult;
let apiFiles: string[];

async function readJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(build.outDir, file), 'utf8')) as Record<string, unknown>;
}

/** Every string anywhere in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'warta-api-'));
  const content = path.join(work, 'content');
  await cp(path.join(fixturesDir, 'api', 'content'), content, { recursive: true });
  const dirs = { WARTA_OUT_DIR: path.join(work, 'dist'), WARTA_CACHE_DIR: path.join(work, 'cache') };
  build = await buildArchive(content, { ...ENV, ...dirs });
  if (build.exitCode !== 0) throw new Error(`the API fixture did not build:\n${build.output}`);
  apiFiles = (await listFiles(path.join(build.outDir, 'api'))).map((file) => `api/${file}`);
}, 300_000);

afterAll(async () => {
  await Promise.all([build?.cleanup(), rebuild?.cleanup()]);
  await rm(work, { recursive: true, force: true });
});

describe('the JSON API', () => {
  it('writes the index, the schemas, and a file per article, month and tag', () => {
    expect(apiFiles).toEqual(
      [
        'api/index.json',
        'api/schema/article.json',
        'api/schema/index.json',
        'api/schema/month.json',
        'api/schema/tag.json',
        'api/articles/2022/09/06/peluru.json',
        'api/articles/2022/09/06/shells.json',
        'api/articles/2023/09/13/pertemuan.json',
        'api/articles/2024/06/kutipan.json',
        'api/2022/09.json',
        'api/2023/09.json',
        'api/2024/06.json',
        'api/tags/c-rust.json',
        'api/tags/diplomasi.json',
        'api/tags/korea-utara.json',
        'api/tags/north-korea.json',
        'api/tags/rusia.json',
      ].sort(),
    );
  });

  it('publishes the schemas the code makes, and every file validates against the one it names', async () => {
    const published = Object.fromEntries(
      await Promise.all(API_SCHEMA_NAMES.map(async (name) => [name, await readJson(`api/schema/${name}.json`)])),
    ) as Record<ApiSchemaName, JsonSchema>;
    expect(published).toEqual(createApiSchemas(apiSchemaIds(SITE)));
    const validate = createApiValidator(published);
    for (const file of apiFiles.filter((name) => !name.startsWith('api/schema/'))) {
      const document = await readJson(file);
      const kind = API_SCHEMA_NAMES.find((name) => document['$schema'] === `${SITE}api/schema/${name}.json`);
      expect(kind, file).toBeDefined();
      expect(validate(kind!, document), file).toEqual([]);
    }
  });

  it('links only to files the build wrote, all under the base path', async () => {
    for (const file of apiFiles) {
      const text = await readFile(path.join(build.outDir, file), 'utf8');
      for (const address of strings(JSON.parse(text))) {
        if (!address.startsWith('https://warta.example.org')) continue;
        expect(address.startsWith(SITE), `${file}: ${address}`).toBe(true);
        const relative = decodeURIComponent(address.slice(SITE.length));
        const target = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
        expect(existsSync(path.join(build.outDir, target)), `${file} links to ${address}`).toBe(true);
      }
    }
  });

  it('gives an article every field, its versions, its series place and its body as HTML and text', async () => {
    const article = await readJson('api/articles/2022/09/06/peluru.json');
    expect(article).toMatchObject({
      url: `${SITE}2022/09/06/peluru/`,
      date: '2022-09-06T10:30:00+07:00',
      lang: 'id',
      authors: [{ name: 'Rina Hartono', url: `${SITE}authors/rina-hartono/` }],
      tags: [
        { name: 'Korea Utara', url: `${SITE}tags/korea-utara/`, api: `${SITE}api/tags/korea-utara.json` },
        { name: 'Rusia', url: `${SITE}tags/rusia/`, api: `${SITE}api/tags/rusia.json` },
      ],
      series: { name: 'Korea Utara–Rusia', url: `${SITE}series/korea-utara-rusia/`, part: 1, total: 2 },
      translations: [{ lang: 'en', title: 'North Korea Said to Supply Shells to Moscow' }],
    });
    const body = article['body'] as { html: string; text: string };
    expect(body.html).toContain('<h2 id="yang-diketahui">');
    expect(body.text).toBe(
      'Bagian pertama seri ini mencatat laporan awal tentang pembelian amunisi.\n\nYang diketahui\n\n' +
        'Jumlahnya disebut jutaan butir.\nJadwal pengiriman belum jelas.',
    );
    // The other version links back.
    const english = await readJson('api/articles/2022/09/06/shells.json');
    expect(english['translations']).toEqual([
      {
        lang: 'id',
        title: 'Pyongyang Disebut Memasok Peluru ke Moskow',
        url: `${SITE}2022/09/06/peluru/`,
        api: `${SITE}api/articles/2022/09/06/peluru.json`,
      },
    ]);
    expect(await readJson('api/articles/2023/09/13/pertemuan.json')).toMatchObject({
      updated: '2023-09-14T00:00:00+07:00',
      aliases: [`${SITE}lama/pertemuan-123/`],
      corrections: [{ datePrecision: 'day', text: 'Nama kosmodrom sebelumnya salah eja.' }],
      source: { name: 'Warta Desk', url: 'https://example.org/desk' },
      series: { part: 2, total: 2 },
    });
  });

  it('carries hostile text as the editor wrote it, and nothing alive in the body', async () => {
    const article = await readJson('api/articles/2024/06/kutipan.json');
    expect(article['title']).toBe('Kutipan "</script><script>alert(1)</script>" & <b>tebal</b>\u2028baru');
    expect(article['summary']).toBe("Ringkasan dengan ]]> dan 'kutip' serta \u2029 pemisah.");
    expect(article['datePrecision']).toBe('month');
    expect(article['authors']).toEqual([expect.objectContaining({ name: "O'Brien <script>" })]);
    const body = article['body'] as { html: string; text: string };
    expect(body.html).not.toMatch(/<script|onerror/i);
    expect(body.text).toBe('Isi dengan gambar teks.');
  });

  it('lists each month and tag newest first, and the index counts and links everything', async () => {
    const month = await readJson('api/2022/09.json');
    expect((month['articles'] as { url: string }[]).map((item) => item.url)).toEqual([
      `${SITE}2022/09/06/shells/`,
      `${SITE}2022/09/06/peluru/`,
    ]);
    expect(month['articles'] as object[]).not.toContainEqual(expect.objectContaining({ body: expect.anything() }));
    const tag = await readJson('api/tags/rusia.json');
    expect(tag).toMatchObject({ name: 'Rusia', count: 3, url: `${SITE}tags/rusia/` });
    const index = await readJson('api/index.json');
    expect(index['counts']).toEqual({ articles: 4, months: 3, tags: 5, series: 1 });
    expect(index['schemas']).toEqual(apiSchemaIds(SITE));
  });

  it('lets scripts on other sites read it, on hosts that read _headers', async () => {
    expect(await build.read('/_headers')).toContain('/arsip/api/*\n  Access-Control-Allow-Origin: *\n');
  });

  it('is counted in the build report as its own kind', () => {
    expect(build.output).toMatch(/api\s+[\d.]+ MB in 17 files/);
  });
});

describe('a rebuild after editing one article body', () => {
  beforeAll(async () => {
    const content = path.join(work, 'content');
    const file = path.join(content, '2023/09/pertemuan.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nPembaruan: kedua pemimpin bertukar senapan.\n`);
    rebuild = await buildArchive(content, {
      ...ENV,
      WARTA_OUT_DIR: path.join(work, 'dist'),
      WARTA_CACHE_DIR: path.join(work, 'cache'),
      // Astro's line for every page, kept or written again, which the test reads.
      WARTA_LOG_PAGES: '1',
    });
    if (rebuild.exitCode !== 0) throw new Error(`the rebuild failed:\n${rebuild.output}`);
  }, 300_000);

  it("writes again only that article's API file, and it holds the new text", async () => {
    const written = apiFiles.filter(
      // Astro names a file of a rest-parameter route with a trailing slash.
      (file) => !new RegExp(`/${file.replaceAll('.', '\\.')}/?\\s*\\((?:cached|restored)\\)`).test(rebuild.output),
    );
    expect(written).toEqual(['api/articles/2023/09/13/pertemuan.json']);
    const article = JSON.parse(await rebuild.read('/api/articles/2023/09/13/pertemuan.json')) as {
      body: { text: string };
    };
    expect(article.body.text).toContain('kedua pemimpin bertukar senapan');
  });
});

describe('with the API off (the default)', () => {
  it('writes nothing under /api/', () => {
    expect(existsSync(path.join(inject('basicOutDir'), 'api'))).toBe(false);
  });
});
