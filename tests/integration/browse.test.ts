/**
 * Builds the browsing fixture (twenty published articles over five years, tags in several scripts,
 * colliding slugs, a month-precision article, a draft and a future article) under a base path, and
 * checks the date, tag and author archives and the links between articles as a reader meets them.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validateSiteHtml } from '../../src/verify/site-html';
import { checkSiteLinks } from '../../src/verify/site-links';
import { checkBrowsePromises, readBuiltArchive, type BuiltArchive } from '../helpers/archive-pages';
import { buildArchive, fixturesDir, openArchive, type BuildResult } from '../helpers/build';
import { BASIC_ENV } from './global-setup';

const BASE = '/arsip/';
const PAGE_SIZE = 2;

describe('browsing the fixture archive', () => {
  let build: BuildResult;
  let archive: BuiltArchive;
  const page = async (sitePath: string) => parseHTML(await build.read(sitePath)).document;
  const listed = (document: Document) =>
    [...document.querySelectorAll('.article-list .article-card h2 a')].map((a) => a.getAttribute('href'));

  beforeAll(async () => {
    build = await buildArchive(path.join(fixturesDir, 'browse', 'content'), {
      ...BASIC_ENV,
      WARTA_PAGE_SIZE: String(PAGE_SIZE),
      WARTA_BASE: BASE,
    });
    if (build.exitCode !== 0) throw new Error(`the browse fixture did not build:\n${build.output}`);
    archive = await readBuiltArchive(build.outDir, BASE);
  });
  afterAll(() => build?.cleanup());

  it('keeps every browsing promise: counts add up, each article on its own year, month, day, tag and author pages', () => {
    expect(archive.articles.size).toBe(20);
    expect(checkBrowsePromises(archive, PAGE_SIZE)).toEqual([]);
  });

  it('passes the deploy checks: no broken address served under the base path, valid HTML on every page', async () => {
    expect((await checkSiteLinks(build.outDir, { base: BASE, siteUrl: 'https://warta.example.org' })).broken).toEqual(
      [],
    );
    expect((await validateSiteHtml(build.outDir, { base: BASE })).problems).toEqual([]);
  });

  it('writes an archive for every year, month, day, tag and author with articles, with the right counts, and no other', () => {
    const counts = Object.fromEntries(
      [...archive.listings].map(([p, listing]) => [p, listing.itemsByPage.flat().length]),
    );
    expect(counts).toEqual({
      '/2024/': 5,
      '/2023/': 5,
      '/2022/': 5,
      '/2021/': 4,
      '/2019/': 1,
      '/2024/02/': 4,
      '/2024/01/': 1,
      '/2023/09/': 4,
      '/2023/02/': 1,
      '/2022/09/': 3,
      '/2022/02/': 1,
      '/2022/01/': 1,
      '/2021/12/': 1,
      '/2021/06/': 3,
      '/2019/11/': 1,
      '/2024/02/29/': 1,
      '/2024/02/14/': 3,
      '/2024/01/01/': 1,
      '/2023/09/06/': 2,
      '/2023/09/05/': 1,
      '/2023/02/14/': 1,
      '/2022/09/20/': 1,
      '/2022/09/06/': 2,
      '/2022/02/14/': 1,
      '/2022/01/10/': 1,
      '/2021/12/25/': 1,
      '/2021/06/03/': 1,
      '/2021/06/02/': 1,
      '/2021/06/01/': 1,
      '/2019/11/05/': 1,
      '/tags/arsip/': 2,
      '/tags/asean/': 2,
      '/tags/c/': 1,
      '/tags/c-2/': 1,
      '/tags/c-3/': 1,
      '/tags/jakarta/': 5,
      '/tags/kalender/': 1,
      '/tags/korea-utara/': 2,
      '/tags/myanmar/': 2,
      '/tags/olimpiade/': 1,
      '/tags/pemilu/': 3,
      '/tags/rusia/': 1,
      '/tags/russia/': 1,
      '/tags/teknologi/': 3,
      '/tags/transportasi/': 1,
      '/tags/yolka/': 1,
      '/tags/東京/': 1,
      '/tags/🎄/': 1,
      '/tags/🎉/': 2,
      '/authors/anna-petrova/': 1,
      '/authors/rina-hartono/': 3,
      '/authors/sam-lee/': 2,
      '/authors/sam-lee-2/': 1,
    });
  });

  it('paginates a month under page/, newest first, with month-precision articles last and no /1/ page', async () => {
    const first = await page('/2023/09/');
    expect(first.querySelector('h1')?.textContent).toBe('Arsip September 2023');
    expect(first.querySelector('.archive-count')?.textContent).toBe('4 berita');
    expect(listed(first)).toEqual(['/arsip/2023/09/06/myanmar-talks/', '/arsip/2023/09/06/jalan-tol/']);
    expect(first.querySelector('.pagination a[rel="next"]')?.getAttribute('href')).toBe('/arsip/2023/09/page/2/');

    const second = await page('/2023/09/page/2/');
    expect(second.querySelector('title')?.textContent).toBe('Arsip September 2023 — Halaman 2 dari 2 — Warta');
    expect(listed(second)).toEqual(['/arsip/2023/09/05/ktt-asean/', '/arsip/2023/09/arsip-september/']);
    expect(second.querySelector('.pagination a[rel="prev"]')?.getAttribute('href')).toBe('/arsip/2023/09/');
    await expect(stat(path.join(build.outDir, '2023/09/page/1'))).rejects.toThrow();
    await expect(stat(path.join(build.outDir, '2023/09/page/3'))).rejects.toThrow();
  });

  it('files articles by the day in the site time zone, as their permalinks are', async () => {
    // 23:30 UTC on 31 December 2023 is 1 January 2024 in Jakarta: no December 2023 page at all.
    await expect(stat(path.join(build.outDir, '2023/12'))).rejects.toThrow();
    expect(listed(await page('/2024/01/01/'))).toEqual(['/arsip/2024/01/01/malam-tahun-baru/']);
    // 20:00 UTC on 5 September 2022 is already the 6th in Jakarta.
    expect(listed(await page('/2022/09/06/'))).toContain('/arsip/2022/09/06/sanctions-bite/');
    await expect(stat(path.join(build.outDir, '2022/09/05'))).rejects.toThrow();
  });

  it('links every archive to the neighbouring periods that have articles, skipping empty ones', async () => {
    const periodLinks = async (sitePath: string) => {
      const document = await page(sitePath);
      return {
        newer: document.querySelector('.period-nav .period-newer')?.getAttribute('href'),
        older: document.querySelector('.period-nav .period-older')?.getAttribute('href'),
      };
    };
    expect(await periodLinks('/2024/01/')).toEqual({ newer: '/arsip/2024/02/', older: '/arsip/2023/09/' });
    expect(await periodLinks('/2021/')).toEqual({ newer: '/arsip/2022/', older: '/arsip/2019/' });
    expect(await periodLinks('/2024/')).toEqual({ newer: undefined, older: '/arsip/2023/' });
    expect(await periodLinks('/2019/11/05/')).toEqual({ newer: '/arsip/2021/06/01/', older: undefined });
    // Later pages of a period link to the same neighbours.
    expect(await periodLinks('/2023/page/3/')).toEqual({ newer: '/arsip/2024/', older: '/arsip/2022/' });
  });

  it("lists a year's months and a month's days with their counts", async () => {
    const subPeriods = async (sitePath: string) =>
      [...(await page(sitePath)).querySelectorAll('.sub-periods li')].map((li) => [
        li.querySelector('a')?.getAttribute('href'),
        li.textContent?.replace(/\s+/g, ' ').trim(),
      ]);
    expect(await subPeriods('/2023/')).toEqual([
      ['/arsip/2023/09/', 'September (4 berita)'],
      ['/arsip/2023/02/', 'Februari (1 berita)'],
    ]);
    expect(await subPeriods('/2024/02/')).toEqual([
      ['/arsip/2024/02/29/', '29 Februari 2024 (1 berita)'],
      ['/arsip/2024/02/14/', '14 Februari 2024 (3 berita)'],
    ]);
    expect(await subPeriods('/2024/02/14/')).toEqual([]);
  });

  it('draws the archive overview: a row per year, a cell per month with its count linking to the month', async () => {
    const document = await page('/archive/');
    const table = document.querySelector('.archive-calendar table')!;
    expect(table.querySelector('caption')?.textContent).toBe('Jumlah berita per bulan, 2019–2024');
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(['2024', '2023', '2022', '2021', '2019']);
    for (const row of rows) {
      const cells = [...row.querySelectorAll('td[data-month]')];
      expect(cells).toHaveLength(12);
      for (const cell of cells) {
        const monthPath = `/${cell.getAttribute('data-month')!.replace('-', '/')}/`;
        const listing = archive.listings.get(monthPath);
        const link = cell.querySelector('a');
        expect(Number(cell.getAttribute('data-count'))).toBe(listing?.itemsByPage.flat().length ?? 0);
        expect(link?.getAttribute('href')).toBe(listing ? `/arsip${monthPath}` : undefined);
        if (link) expect(link.textContent).toBe(cell.getAttribute('data-count'));
      }
    }
    const september = table.querySelector('td[data-month="2023-09"] a');
    expect(september?.getAttribute('aria-label')).toBe('September 2023: 4 berita');
    expect(rows[0]?.querySelector('td.total')?.textContent?.trim()).toBe('5');
    expect(document.querySelector('.archive-count')?.textContent?.trim()).toBe('20 berita');
    // The theme switch is the only script, as on every page.
    expect([...document.querySelectorAll('script')].map((script) => script.getAttribute('src'))).toEqual([
      '/arsip/theme.js',
    ]);
  });

  it('lists every tag with its count, most used first and by name, with readable slugs in any script', async () => {
    const document = await page('/tags/');
    const table = (id: string) =>
      [...document.querySelectorAll(`#${id} tbody tr`)].map((row) => [
        row.querySelector('a')?.textContent,
        row.querySelector('a')?.getAttribute('href'),
        Number(row.querySelector('td')?.textContent),
      ]);
    const byCount = table('by-count');
    // Among equal counts, names in collation order: symbols (emoji) before letters.
    expect(byCount.map(([name, , count]) => `${name} ${count}`)).toEqual([
      'Jakarta 5',
      'Pemilu 3',
      'Teknologi 3',
      '🎉 2',
      'Arsip 2',
      'ASEAN 2',
      'korea utara 2',
      'Myanmar 2',
      '🎄 1',
      'C 1',
      'C# 1',
      'C++ 1',
      'Kalender 1',
      'Olimpiade 1',
      'Rusia 1',
      'Russia 1',
      'Transportasi 1',
      'Ёлка 1',
      '東京 1',
    ]);
    const byName = table('by-name');
    expect(byName.map(([name]) => name)).toEqual([
      '🎄',
      '🎉',
      'Arsip',
      'ASEAN',
      'C',
      'C#',
      'C++',
      'Jakarta',
      'Kalender',
      'korea utara',
      'Myanmar',
      'Olimpiade',
      'Pemilu',
      'Rusia',
      'Russia',
      'Teknologi',
      'Transportasi',
      'Ёлка',
      '東京',
    ]);
    expect([...byName].sort()).toEqual([...byCount].sort());
    expect(Object.fromEntries(byName.map(([name, href]) => [name, href]))).toMatchObject({
      C: '/arsip/tags/c/',
      'C#': '/arsip/tags/c-2/',
      'C++': '/arsip/tags/c-3/',
      Ёлка: '/arsip/tags/yolka/',
      東京: '/arsip/tags/東京/',
      '🎉': '/arsip/tags/🎉/',
    });
    expect([...document.querySelectorAll('.term-order a')].map((a) => a.getAttribute('href'))).toEqual([
      '#by-count',
      '#by-name',
    ]);
  });

  it('makes tags that differ only in case or spacing one tag, and paginates a tag page', async () => {
    const korea = await page('/tags/korea-utara/');
    expect(listed(korea)).toEqual(['/arsip/2022/09/20/uji-rudal/', '/arsip/2022/09/06/korea-utara-jual-peluru/']);
    const jakarta = [await page('/tags/jakarta/'), await page('/tags/jakarta/2/'), await page('/tags/jakarta/3/')];
    expect(jakarta.map((document) => listed(document).length)).toEqual([2, 2, 1]);
    expect(jakarta[0]?.querySelector('h1')?.textContent).toBe('Topik: Jakarta');
    expect(jakarta[2]?.querySelector('.pagination a[rel="next"]')).toBeNull();
    await expect(stat(path.join(build.outDir, 'tags/jakarta/1'))).rejects.toThrow();
  });

  it('lists every author, keeps apart names whose slugs collide, and merges spellings of one name', async () => {
    const document = await page('/authors/');
    const rows = [...document.querySelectorAll('#by-count tbody tr')].map((row) => [
      row.querySelector('a')?.textContent,
      row.querySelector('a')?.getAttribute('href'),
      Number(row.querySelector('td')?.textContent),
    ]);
    expect(rows).toEqual([
      ['Rina Hartono', '/arsip/authors/rina-hartono/', 3],
      ['Sam Lee', '/arsip/authors/sam-lee/', 2],
      ['Sam-Lee', '/arsip/authors/sam-lee-2/', 1],
      ['Анна Петрова', '/arsip/authors/anna-petrova/', 1],
    ]);
    const rina = await page('/authors/rina-hartono/2/');
    expect(rina.querySelector('h1')?.textContent).toBe('Berita oleh Rina Hartono');
    expect(listed(rina)).toEqual(['/arsip/2024/01/01/malam-tahun-baru/']);
    const byline = await page('/2024/02/14/hitung-cepat/');
    expect(byline.querySelector('.byline .authors a')?.getAttribute('href')).toBe('/arsip/authors/rina-hartono/');
  });

  it('leads from the newest article to the oldest and back through every article by prev and next', async () => {
    // The front page may lead with an older pictured article: the newest is the latest dateline.
    const front = [...(await page('/')).querySelectorAll('.front-main article')].map((card) => ({
      href: card.querySelector(':is(h2, h3) a')!.getAttribute('href')!,
      date: Date.parse(card.querySelector('time')!.getAttribute('datetime')!),
    }));
    const newest = front.sort((a, b) => b.date - a.date)[0]!.href.slice(BASE.length - 1);
    const walk = (start: string, step: 'older' | 'newer') => {
      const visited: string[] = [];
      for (let at: string | undefined = start; at !== undefined && !visited.includes(at);) {
        visited.push(at);
        at = archive.articles.get(at)?.[step];
      }
      return visited;
    };
    const down = walk(newest, 'older');
    expect(down).toHaveLength(archive.articles.size);
    expect(down[0]).toBe('/2024/02/29/leap-day/');
    expect(down.at(-1)).toBe('/2019/11/05/arsip-lama/');
    expect(walk(down.at(-1)!, 'newer')).toEqual([...down].reverse());
  });

  it('shows up to five related articles, a rarer shared tag ranking above newer common ones', async () => {
    expect(archive.articles.get('/2022/02/14/valentine-2022/')?.related).toEqual([
      '/2021/12/25/pohon-natal/',
      '/2024/02/14/pemilu-serentak/',
      '/2024/01/01/malam-tahun-baru/',
      '/2023/09/05/ktt-asean/',
      '/2023/02/14/hari-valentine/',
    ]);
    expect(archive.articles.get('/2023/09/06/myanmar-talks/')?.related).toEqual(['/2023/09/05/ktt-asean/']);
    const lonely = await page('/2024/02/29/leap-day/');
    expect(lonely.querySelector('.related-articles')).toBeNull();
  });

  it('lists articles from the same day in other years, and shows nothing when there are none', async () => {
    const document = await page('/2023/09/06/myanmar-talks/');
    expect(document.querySelector('.on-this-day h2')?.textContent).toBe('On this day');
    expect(archive.articles.get('/2023/09/06/myanmar-talks/')?.onThisDay).toEqual([
      '/2022/09/06/sanctions-bite/',
      '/2022/09/06/korea-utara-jual-peluru/',
    ]);
    expect(archive.articles.get('/2024/02/14/hitung-cepat/')?.onThisDay).toEqual([
      '/2023/02/14/hari-valentine/',
      '/2022/02/14/valentine-2022/',
    ]);
    expect((await page('/2024/02/29/leap-day/')).querySelector('.on-this-day')).toBeNull();
    expect((await page('/2023/09/arsip-september/')).querySelector('.on-this-day')).toBeNull();
  });

  it('keeps related and "on this day" links out of the search index', async () => {
    const document = await page('/2023/09/06/myanmar-talks/');
    const aside = document.querySelector('.article-more');
    expect(aside?.getAttribute('data-pagefind-ignore')).toBe('all');
    expect(aside?.querySelector('.related-articles')).not.toBeNull();
    expect(aside?.querySelector('.on-this-day')).not.toBeNull();
  });

  it('links the archive, topics and authors from the header of every page', async () => {
    const nav = [...(await page('/2022/')).querySelectorAll('.site-nav a')].map((a) => a.getAttribute('href'));
    expect(nav).toEqual(expect.arrayContaining(['/arsip/archive/', '/arsip/tags/', '/arsip/authors/']));
  });
});

describe('browsing the shared basic fixture', () => {
  const basic = openArchive(inject('basicOutDir'));

  // Its links are checked in deploy-checks.test.ts, which knows the one broken picture it carries.
  it('keeps every browsing promise', async () => {
    const archive = await readBuiltArchive(basic.outDir);
    expect(archive.articles.size).toBe(4);
    expect(archive.listings.get('/2023/09/')?.itemsByPage).toEqual([['/2023/09/arsip-bulanan/']]);
    expect(checkBrowsePromises(archive, Number(BASIC_ENV.WARTA_PAGE_SIZE))).toEqual([]);
  });
});
