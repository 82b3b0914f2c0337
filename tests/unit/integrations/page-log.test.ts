import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AstroLoggerMessage } from 'astro';
import { condensePageLog, readPageOutcome, readPictureLine } from '../../../src/integrations/page-log';

// What Astro's generate step logs for each page (astro/dist/core/build/generate.js), with colours.
const pageLine = (file: string): AstroLoggerMessage => ({
  label: null,
  level: 'info',
  message: `  \u001b[34m├─\u001b[39m \u001b[2m${file}\u001b[22m`,
  newLine: false,
});
const pageTime = (text: string): AstroLoggerMessage => ({
  label: 'SKIP_FORMAT',
  level: 'info',
  message: ` ${text} `,
  newLine: true,
});
const completed: AstroLoggerMessage = {
  label: null,
  level: 'info',
  message: '\u001b[32m✓ Completed in 41.79s.\n\u001b[39m',
  newLine: true,
};

function recordedLog(progressEveryMs = 10_000) {
  const lines: AstroLoggerMessage[] = [];
  let clock = 0;
  const log = condensePageLog({ write: (message) => lines.push(message) }, { now: () => clock, progressEveryMs });
  return { lines, log, advance: (ms: number) => (clock += ms) };
}

describe('readPageOutcome', () => {
  it("reads Astro's page times, kept pages and empty pages", () => {
    expect(readPageOutcome(' \u001b[2m(+3ms)\u001b[22m ')).toEqual({ kind: 'rendered', ms: 3 });
    expect(readPageOutcome(' \u001b[31m(+1.20s)\u001b[39m ')).toEqual({ kind: 'rendered', ms: 1200 });
    expect(readPageOutcome(' (+1m 5s) ')).toEqual({ kind: 'rendered', ms: 65_000 });
    expect(readPageOutcome(' \u001b[32m(cached)\u001b[39m')).toEqual({ kind: 'kept' });
    expect(readPageOutcome(' (restored)')).toEqual({ kind: 'kept' });
    expect(readPageOutcome(' (+2ms) (file not created, response body was empty)')).toEqual({ kind: 'empty' });
    expect(readPageOutcome('[build] 3 pages')).toBeUndefined();
  });
});

// What Astro's image step logs for each size and format of a picture (astro/dist/assets/build/generate.js).
const pictureLine = (file: string, stats: string, number: number, total: number): AstroLoggerMessage => ({
  label: null,
  level: 'info',
  message: `  \u001b[32m▶\u001b[39m ${file} \u001b[2m(${stats})\u001b[22m \u001b[2m(+245ms)\u001b[22m \u001b[2m(${number}/${total})\u001b[22m`,
  newLine: true,
});

describe('readPictureLine', () => {
  it("reads Astro's line for a picture: from its cache or not, and of how many", () => {
    expect(readPictureLine(pictureLine('/_astro/a.avif', 'before: 11kB, after: 1kB', 1, 67).message)).toEqual({
      fromCache: false,
      total: 67,
    });
    expect(readPictureLine(pictureLine('/_astro/b.webp', 'reused cache entry', 2, 67).message)).toEqual({
      fromCache: true,
      total: 67,
    });
    expect(readPictureLine('  ▶ src/pages/index.astro')).toBeUndefined();
  });
});

describe('condensePageLog', () => {
  it('replaces the line per page by the total before "Completed in", keeping other messages in order', () => {
    const { lines, log } = recordedLog();
    const before: AstroLoggerMessage = {
      label: 'build',
      level: 'info',
      message: 'Building static entrypoints...',
      newLine: true,
    };
    log.write(before);
    for (const file of ['/index.html', '/2022/index.html', '/2022/09/06/a/index.html']) {
      log.write(pageLine(file));
      log.write(pageTime('(+3ms)'));
    }
    log.write(completed);
    expect(lines.map((line) => line.message)).toEqual([
      'Building static entrypoints...',
      '3 files written (pages, feeds and the like)',
      completed.message,
    ]);
  });

  it('counts pages kept from the last build, slow pages and empty pages in the total', () => {
    const { lines, log } = recordedLog();
    log.write(pageLine('/slow/index.html'));
    log.write(pageTime('\u001b[31m(+612ms)\u001b[39m'));
    log.write(pageLine('/kept/index.html'));
    log.write(pageTime('\u001b[32m(cached)\u001b[39m'));
    log.write(pageLine('/empty/index.html'));
    log.write(pageTime('(+1ms) (file not created, response body was empty)'));
    log.write(completed);
    expect(lines.map((line) => stripVTControlCharacters(line.message).trim())).toEqual([
      '3 files written (pages, feeds and the like), 1 of them kept from the last build, 1 took 500 ms or more, ' +
        '1 came out empty (no file written) (WARTA_LOG_PAGES=1 names each)',
      '✓ Completed in 41.79s.',
    ]);
  });

  it('pairs no line with a time: Astro renders several pages at once', () => {
    const { lines, log } = recordedLog();
    for (const file of ['/a/index.html', '/b/index.html', '/c/index.html']) log.write(pageLine(file));
    for (const time of ['(+9ms)', '(+3ms)', '(+4ms)']) log.write(pageTime(time));
    log.write(completed);
    expect(lines.map((line) => line.message)).toEqual([
      '3 files written (pages, feeds and the like)',
      completed.message,
    ]);
  });

  it('logs the files written so far once the interval has passed since the first, with digits grouped', () => {
    const { lines, log, advance } = recordedLog(10_000);
    // Bundling the site takes its time before the first page: no count of one page for it.
    advance(30_000);
    for (let page = 0; page < 1500; page += 1) {
      log.write(pageLine(`/p/${page}/index.html`));
      log.write(pageTime('(+3ms)'));
      advance(page === 1199 ? 10_000 : 1);
    }
    log.write(completed);
    expect(lines.map((line) => line.message)).toEqual([
      '1,201 files written so far',
      '1,500 files written (pages, feeds and the like)',
      completed.message,
    ]);
    expect(lines[0]).toMatchObject({ label: 'build', level: 'info', newLine: true });
  });

  it('counts the pictures Astro writes, with those from its cache, instead of a line for each', () => {
    const { lines, log, advance } = recordedLog(10_000);
    const header: AstroLoggerMessage = {
      label: 'SKIP_FORMAT',
      level: 'info',
      message: ' generating optimized images ',
      newLine: true,
    };
    log.write(header);
    log.write(pictureLine('/_astro/a.avif', 'before: 11kB, after: 1kB', 1, 3));
    advance(10_000);
    log.write(pictureLine('/_astro/a.webp', 'reused cache entry', 2, 3));
    log.write(pictureLine('/_astro/a.jpg', 'revalidated cache entry', 3, 3));
    log.write(completed);
    expect(lines.map((line) => line.message)).toEqual([
      header.message,
      '2 of 3 pictures written so far',
      '3 pictures written (each size and format), 2 of them from the cache',
      completed.message,
    ]);
  });

  it('passes every other message through unchanged', () => {
    const { lines, log } = recordedLog();
    const messages: AstroLoggerMessage[] = [
      { label: 'build', level: 'warn', message: 'something', newLine: true },
      { label: null, level: 'info', message: '  ▶ src/pages/index.astro', newLine: true },
      { label: 'SKIP_FORMAT', level: 'info', message: '\n generating static routes ', newLine: true },
      completed,
    ];
    for (const message of messages) log.write(message);
    expect(lines).toEqual(messages);
  });
});
