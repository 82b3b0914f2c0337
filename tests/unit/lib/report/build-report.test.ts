import type { AstroIntegration, AstroLoggerMessage } from 'astro';
import { describe, expect, it } from 'vitest';
import { buildFinish, buildStart } from '../../../../src/integrations/build-frame';
import { OUTPUT_PHASE_NAMES, recordingWarnings } from '../../../../src/integrations/build-report';
import {
  classifyPage,
  countPages,
  formatBuildReport,
  isRedirectPage,
  pagePathOfFile,
} from '../../../../src/lib/report/build-report';

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
    ['/sections/ekonomi/', 'section'],
    ['/sections/ekonomi/2/', 'section'],
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

describe('recordingWarnings', () => {
  const message = (level: AstroLoggerMessage['level'], label: string | null, text: string): AstroLoggerMessage => ({
    level,
    label,
    message: text,
    newLine: true,
  });

  it('passes every message on and keeps each warning and error with the label of whoever logged it', () => {
    const written: AstroLoggerMessage[] = [];
    const warnings: string[] = [];
    const destination = recordingWarnings({ write: (m) => written.push(m) }, (w) => warnings.push(w));
    const messages = [
      message('info', 'build', 'Collecting build info...'),
      message('warn', 'warta:pagefind', '\u001b[33m2 pages\u001b[39m have no <html lang>'),
      message('warn', null, 'a warning without a label'),
      message('error', 'vite', 'could not resolve "./x.css"'),
      message('debug', 'build', 'details'),
    ];
    for (const m of messages) destination.write(m);
    expect(written).toEqual(messages);
    expect(warnings).toEqual([
      '[warta:pagefind] 2 pages have no <html lang>',
      'a warning without a label',
      '[vite] error: could not resolve "./x.css"',
    ]);
  });

  it('keeps the flush and close of the destination it wraps', () => {
    let flushed = 0;
    const destination = recordingWarnings({ write: () => undefined, flush: () => void (flushed += 1) }, () => {});
    destination.flush?.();
    expect(flushed).toBe(1);
  });
});

describe('the order of the framing integrations', () => {
  type ConfigDone = (options: { config: { integrations: AstroIntegration[] } }) => void;
  const configDone = buildStart().hooks['astro:config:done'] as unknown as ConfigDone;
  const step = (name: string, done?: () => void): AstroIntegration => ({
    name,
    hooks: done ? { 'astro:build:done': done } : {},
  });

  it('refuses an output step after the swap, which would write into a folder already moved', () => {
    const integrations = [buildStart(), buildFinish(), step('warta:pagefind', () => {})];
    expect(() => configDone({ config: { integrations } })).toThrow(
      'move warta:pagefind before warta:build-finish in astro.config.mjs',
    );
  });

  it('refuses a list that does not start with buildStart and end with buildFinish', () => {
    expect(() => configDone({ config: { integrations: [step('x'), buildStart(), buildFinish()] } })).toThrow(
      'must be the first integration',
    );
  });

  it('times each output step between them and still runs it', async () => {
    let ran = 0;
    const search = step('warta:pagefind', () => void (ran += 1));
    configDone({ config: { integrations: [buildStart(), search, buildFinish()] } });
    await (search.hooks['astro:build:done'] as unknown as () => Promise<void>)();
    expect(ran).toBe(1);
    expect(OUTPUT_PHASE_NAMES['warta:pagefind']).toBe('search index');
  });
});

describe('pages in the output folder', () => {
  it('names an HTML file by the site path Astro gives its page', () => {
    expect(pagePathOfFile('2022/09/06/korea-utara/index.html')).toBe('2022/09/06/korea-utara');
    expect(pagePathOfFile('index.html')).toBe('');
    expect(pagePathOfFile('404.html')).toBe('404');
    expect(pagePathOfFile('/2022/09/')).toBe('2022/09');
  });

  it('knows a page that only forwards the reader to another address', () => {
    expect(isRedirectPage('<!doctype html><meta http-equiv="refresh" content="0;url=/2022/09/06/a/">')).toBe(true);
    expect(isRedirectPage("<meta charset=utf-8><META HTTP-EQUIV='Refresh' content='0; url=/x/'>")).toBe(true);
    expect(isRedirectPage('<!DOCTYPE html><html><head><title>Refresh</title></head></html>')).toBe(false);
  });
});
