import { describe, expect, it } from 'vitest';
import { classifyPage, countPages, formatBuildReport } from '../../src/lib/build-report';

describe('classifyPage', () => {
  it.each([
    ['/', 'home'],
    ['/page/3/', 'home'],
    ['/2022/', 'year'],
    ['/2022/page/2/', 'year'],
    ['/2022/10/', 'month'],
    ['/2022/09/', 'month'],
    ['/2022/09/page/3/', 'month'],
    ['/2022/09/10/', 'day'],
    ['/2022/09/06/', 'day'],
    ['/2022/09/06/page/2/', 'day'],
    ['/2022/09/06/korea-utara/', 'article'],
    ['/2023/09/arsip-bulanan/', 'article'],
    ['/tags/rusia/', 'tag'],
    ['/authors/rina/', 'author'],
    ['/archive/', 'archive'],
    ['/search/', 'search'],
    ['/404/', 'other'],
  ])('%s is a %s page', (pathname, type) => {
    expect(classifyPage(pathname)).toBe(type);
  });

  it('accepts paths without leading or trailing slashes, as Astro reports them', () => {
    expect(classifyPage('2022/09/06/korea-utara')).toBe('article');
    expect(classifyPage('')).toBe('home');
  });
});

describe('formatBuildReport', () => {
  it('prints counts, held-back articles, warnings and phase times', () => {
    const text = formatBuildReport({
      content: { articles: 12, tags: 30, authors: 5, drafts: 2, scheduled: 1 },
      pages: countPages(['/', '/2022/09/06/a/', '/2022/09/07/b/']),
      totalPages: 3,
      warnings: ['content/a.md: tags: "Rusia" and "rusia" differ only in case'],
      phases: [{ name: 'content loading and Markdown', seconds: 1.234 }],
      totalSeconds: 2.5,
    });
    expect(text).toMatch(/articles published\s+12/);
    expect(text).toMatch(/drafts held back\s+2/);
    expect(text).toMatch(/scheduled, held back\s+1/);
    expect(text).toMatch(/article\s+2/);
    expect(text).toMatch(/warnings\s+1/);
    expect(text).toContain('"Rusia" and "rusia"');
    expect(text).toMatch(/content loading and Markdown \(s\)\s+1\.23/);
    expect(text).toMatch(/total \(s\)\s+2\.50/);
  });
});
