/**
 * The build's log of its pages. Astro logs two messages for every page it writes: the page's file
 * (`  ├─ /2022/09/06/slug/index.html`) and then its time (`(+3ms)`), or `(cached)` / `(restored)`
 * when an incremental build kept it: a line per page or feed, 29,000 lines at 10,000 articles and
 * over 185,000 at 100,000, more than a CI log viewer shows, and about a second of the page
 * thread's time at 10,000 (profiled). This destination keeps what a reader of the log needs from
 * them: a line every few seconds with the files written so far, and the total before Astro's
 * "Completed in", with how many were kept from the last build, how many took longer than Astro's
 * own mark of a slow page (500 ms) and how many came out empty. Astro's line for each size and
 * format of a picture is counted the same way. `WARTA_LOG_PAGES=1`, or `--verbose` (Astro's debug
 * level), logs every page and picture as before.
 */
import { stripVTControlCharacters } from 'node:util';
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import { groupDigits } from '../lib/core/group-digits';

/** A count as the build report writes it: `29,026`. */
const grouped = (count: number): string => groupDigits(count, ',');

/** Astro marks a page slower than this (in milliseconds) in red; the total counts such pages. */
export const SLOW_PAGE_MS = 500;

/** How often, in milliseconds, a line with the files written so far is logged. */
export const PROGRESS_EVERY_MS = 10_000;

/** The page line: two spaces, the tree mark and the file, with no newline (its time follows). */
const PAGE_LINE = /^ {2}[├└]─ \S/;

/** Astro's `getTimeStat`: `612ms`, `1.20s`, or `1m 5s`. */
const PAGE_TIME = /^\(\+(?:(\d+)ms|(\d+(?:\.\d+)?)s|(\d+)m (\d+)s)\)/;

/** What the message after a page line says of the page. */
export type PageOutcome = { kind: 'rendered'; ms: number } | { kind: 'kept' } | { kind: 'empty' } | undefined;

/**
 * Reads the message Astro logs after a page line: how long the page took, whether it was kept from
 * the last build, or that it came out empty. Anything else is not a page's time (undefined).
 */
export function readPageOutcome(message: string): PageOutcome {
  const text = stripVTControlCharacters(message).trim();
  if (text === '(cached)' || text === '(restored)') return { kind: 'kept' };
  const time = PAGE_TIME.exec(text);
  if (!time) return undefined;
  if (text.includes('file not created')) return { kind: 'empty' };
  const [, ms, seconds, minutes, minuteSeconds] = time;
  if (ms !== undefined) return { kind: 'rendered', ms: Number(ms) };
  if (seconds !== undefined) return { kind: 'rendered', ms: Number(seconds) * 1000 };
  return { kind: 'rendered', ms: (Number(minutes) * 60 + Number(minuteSeconds)) * 1000 };
}

/** Options of {@link condensePageLog}; tests set the clock. */
export interface PageLogOptions {
  now?: () => number;
  progressEveryMs?: number;
}

/** What Astro logs for each size and format of a picture: `  ▶ /_astro/a.avif (…) (+245ms) (1/67)`. */
const PICTURE_LINE =
  /^ {2}▶ \S+ \((?:before: \d+kB, after: \d+kB|(reused|revalidated) cache entry)\) \(\+[^)]*\) \(\d+\/(\d+)\)$/;

/** A picture Astro wrote: whether its cache had it, and how many pictures the build writes. */
export interface PictureLine {
  fromCache: boolean;
  total: number;
}

/** Reads Astro's line for a picture it wrote (undefined for any other line). */
export function readPictureLine(message: string): PictureLine | undefined {
  const line = PICTURE_LINE.exec(stripVTControlCharacters(message));
  if (!line) return undefined;
  return { fromCache: line[1] !== undefined, total: Number(line[2]) };
}

/**
 * Wraps a logger destination so that Astro's line per page, and per size and format of a picture,
 * is replaced by a line every `progressEveryMs` with how many were written so far, and one with the
 * total before Astro's "Completed in" (for pages, also how many were slower than
 * {@link SLOW_PAGE_MS} or written as no file). Every other message passes through unchanged, in its
 * order.
 */
export function condensePageLog(
  destination: AstroLoggerDestination,
  options: PageLogOptions = {},
): AstroLoggerDestination {
  const now = options.now ?? Date.now;
  const every = options.progressEveryMs ?? PROGRESS_EVERY_MS;
  const pages = { written: 0, kept: 0, slow: 0, empty: 0 };
  const pictures = { written: 0, fromCache: 0, total: 0 };
  let lastProgress = 0;

  const say = (message: string): void => destination.write({ label: 'build', level: 'info', message, newLine: true });
  // The interval runs from the first page or picture on: the steps before log their own lines.
  const progress = (first: boolean, line: () => string): void => {
    if (first) lastProgress = now();
    else if (now() - lastProgress >= every) {
      lastProgress = now();
      say(line());
    }
  };
  const pagesTotal = (): string => {
    const parts = [`${grouped(pages.written)} files written (pages, feeds and the like)`];
    if (pages.kept > 0) parts.push(`${grouped(pages.kept)} of them kept from the last build`);
    if (pages.slow > 0) parts.push(`${grouped(pages.slow)} took ${SLOW_PAGE_MS} ms or more`);
    if (pages.empty > 0) parts.push(`${grouped(pages.empty)} came out empty (no file written)`);
    const more = pages.slow + pages.empty > 0 ? ' (WARTA_LOG_PAGES=1 names each)' : '';
    return `${parts.join(', ')}${more}`;
  };
  const picturesTotal = (): string => {
    const reused = pictures.fromCache > 0 ? `, ${grouped(pictures.fromCache)} of them from the cache` : '';
    return `${grouped(pictures.written)} pictures written (each size and format)${reused}`;
  };

  return {
    ...destination,
    write(message: AstroLoggerMessage) {
      if (message.level !== 'info') {
        destination.write(message);
        return;
      }
      const text = stripVTControlCharacters(message.message);
      // Astro renders several pages at once (build.concurrency): a page's line is written when it
      // starts, its time when it is done, with other pages' lines between them.
      if (message.label === null && !message.newLine && PAGE_LINE.test(text)) return;
      const outcome = message.label === 'SKIP_FORMAT' ? readPageOutcome(text) : undefined;
      if (outcome) {
        pages.written += 1;
        if (outcome.kind === 'kept') pages.kept += 1;
        else if (outcome.kind === 'empty') pages.empty += 1;
        else if (outcome.ms >= SLOW_PAGE_MS) pages.slow += 1;
        progress(pages.written === 1, () => `${grouped(pages.written)} files written so far`);
        return;
      }
      const picture = message.label === null ? readPictureLine(text) : undefined;
      if (picture) {
        pictures.written += 1;
        pictures.total = picture.total;
        if (picture.fromCache) pictures.fromCache += 1;
        progress(
          pictures.written === 1,
          () => `${grouped(pictures.written)} of ${grouped(pictures.total)} pictures written so far`,
        );
        return;
      }
      if (text.includes('Completed in')) {
        if (pages.written > 0) say(pagesTotal());
        if (pictures.written > 0) say(picturesTotal());
        Object.assign(pages, { written: 0, kept: 0, slow: 0, empty: 0 });
        Object.assign(pictures, { written: 0, fromCache: 0, total: 0 });
      }
      destination.write(message);
    },
  };
}
