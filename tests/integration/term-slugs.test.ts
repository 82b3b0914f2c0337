/**
 * One slug per tag and author wherever the archive names it: the listing pages the build writes,
 * the search page's filters (`?author=…`) and `npm run check`, which knows which listing pages
 * exist. The fixture has a byline and tags with no letters or digits ("—", "・"), which get the
 * fallback slugs, and one in a script without Latin spelling (東京).
 */
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFilterValueMap } from '../../src/lib/search/search-filter-values';
import type { FilterCounts } from '../../src/lib/search/search-filters';
import { buildArchive, fixturesDir, projectRoot, run, type BuildResult } from '../helpers/build';
import { readIndexedPages } from '../helpers/search-index';
import { BASIC_ENV } from './global-setup';

const CONTENT = path.join(fixturesDir, 'terms', 'content');
const TSX = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

// Every term of the fixture by the name readers see, with the slug its page has.
const EXPECTED = {
  tags: { '—': 'tag', '・': 'tag-2', 東京: '東京' },
  authors: { '—': 'author', 'Rina Hartono': 'rina-hartono' },
};

describe('term slugs', () => {
  let build: BuildResult;

  beforeAll(async () => {
    build = await buildArchive(CONTENT, BASIC_ENV);
    if (build.exitCode !== 0) throw new Error(`the terms fixture did not build:\n${build.output}`);
  });
  afterAll(() => build?.cleanup());

  // The terms a listing index links to, as name → slug.
  async function listedTerms(kind: 'tags' | 'authors'): Promise<Record<string, string>> {
    const { document } = parseHTML(await build.read(`/${kind}/`));
    const links = [...document.querySelectorAll(`#by-name a[href^="/${kind}/"]`)];
    return Object.fromEntries(
      links.map((a) => [a.textContent.trim(), decodeURIComponent(a.getAttribute('href')!).split('/')[2]!]),
    );
  }

  it('gives each term on the listing pages the slug of its own page, fallbacks included', async () => {
    for (const kind of ['tags', 'authors'] as const) {
      expect(await listedTerms(kind)).toEqual(EXPECTED[kind]);
      for (const slug of Object.values(EXPECTED[kind])) {
        expect(await build.read(`/${kind}/${slug}/`)).toContain('<h1');
      }
    }
  });

  it('links article bylines and tags to those pages', async () => {
    const { document } = parseHTML(await build.read('/2024/01/10/tanda-baca/'));
    const hrefs = [...document.querySelectorAll('a')].map((a) => decodeURIComponent(a.getAttribute('href') ?? ''));
    expect(hrefs).toEqual(expect.arrayContaining(['/authors/author/', '/tags/tag/', '/tags/tag-2/', '/tags/東京/']));
  });

  it('carries each term in the search page URL by the same slug', async () => {
    const available: FilterCounts = {};
    for (const page of await readIndexedPages(build.outDir)) {
      for (const filter of ['tag', 'author'] as const) {
        for (const value of page.filters[filter] ?? []) {
          const counts = (available[filter] ??= {});
          counts[value] = (counts[value] ?? 0) + 1;
        }
      }
    }
    const values = buildFilterValueMap(available);
    for (const [name, slug] of Object.entries(EXPECTED.tags)) {
      expect(values.toUrlValue('tag', name)).toBe(slug);
      expect(values.toIndexValue('tag', slug)).toBe(name);
    }
    for (const [name, slug] of Object.entries(EXPECTED.authors)) {
      expect(values.toUrlValue('author', name)).toBe(slug);
      expect(values.toIndexValue('author', slug)).toBe(name);
    }
  });

  it('passes npm run check, whose articles link to every one of those pages', async () => {
    const check = await run([TSX, path.join('src', 'cli', 'check.ts'), '--dir', CONTENT], {}, { timeoutMs: 120_000 });
    expect(check.output).toContain('0 errors, 0 warnings');
    expect(check.exitCode).toBe(0);
  });
});
