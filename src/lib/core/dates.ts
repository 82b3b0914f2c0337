/**
 * Article dates: parsing what editors write, and formatting it for readers. This is the only module
 * that formats dates; everything takes the time zone as a parameter, so nothing depends on the
 * build machine's `TZ`.
 */
import { TZDate, tz } from '@date-fns/tz';
// Deep imports: the package and locale indexes load hundreds of modules, which costs the
// command-line tools (`npm run check`, `new`, `import`) seconds at start-up.
import type { Locale } from 'date-fns';
import { format } from 'date-fns/format';
import { formatISO } from 'date-fns/formatISO';
import { enGB } from 'date-fns/locale/en-GB';
import { id as idLocale } from 'date-fns/locale/id';
import type { Lang } from '../../site.config';

/**
 * How precisely an article's date is known: a whole month (raw archives often know no more), a
 * calendar day (midnight in the site time zone), or an exact instant.
 */
export type DatePrecision = 'month' | 'day' | 'instant';

/** A parsed article date: the instant it denotes and how precisely it is known. */
export interface ArticleDate {
  /** The instant: for `month` and `day`, midnight at the start of that period in the site zone. */
  date: Date;
  /** How precisely the editor gave the date. */
  precision: DatePrecision;
}

/** The outcome of parsing a date: the date, or a sentence saying what is wrong with the input. */
export type ParseDateResult = { ok: true; value: ArticleDate } | { ok: false; reason: string };

const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const EXPECTED_FORMATS =
  'write YYYY-MM-DD (2022-09-06), YYYY-MM (2022-09) or a date-time such as 2022-09-06T14:30:00+07:00';

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids any zone arithmetic.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkCalendar(year: number, month: number, day?: number): string | undefined {
  if (year < 1) return `year ${String(year).padStart(4, '0')} does not exist`;
  if (month < 1 || month > 12) return `month ${String(month).padStart(2, '0')} does not exist`;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    const y = String(year).padStart(4, '0');
    const m = String(month).padStart(2, '0');
    const d = String(day).padStart(2, '0');
    return `${y}-${m}-${d} is not a day in the calendar (that month has ${daysInMonth(year, month)} days)`;
  }
  return undefined;
}

// UTC offsets in use run from -12:00 to +14:00; anything beyond is a typo, not a place.
const MAX_EAST_MINUTES = 14 * 60;
const MAX_WEST_MINUTES = 12 * 60;

function parseOffsetMinutes(offset: string): number | undefined {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4))];
  const limit = sign < 0 ? MAX_WEST_MINUTES : MAX_EAST_MINUTES;
  if (minutes > 59 || hours * 60 + minutes > limit) return undefined;
  return sign * (hours * 60 + minutes);
}

// JavaScript reads years 0–99 in a date constructor as 1900–1999, so such a year is built 400
// years later and moved back: 400 Gregorian years are exactly 146,097 days, so the calendar (and the
// local mean time every zone used before 1900) is the same.
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

/**
 * The instant a wall-clock time (month `m` 0–11) is in `timeZone`, as a plain `Date`; unlike the
 * `Date` and `TZDate` constructors it reads years below 100 as they are written (`0001` is year 1).
 */
export function atWallClock(timeZone: string, y: number, m: number, d: number, hh = 0, mm = 0, ss = 0, ms = 0): Date {
  const shift = y >= 100 ? 0 : 400;
  const zoned = new TZDate(y + shift, m, d, hh, mm, ss, ms, timeZone);
  return new Date(zoned.getTime() - (shift === 0 ? 0 : FOUR_CENTURIES_MS));
}

function utcInstant(y: number, m: number, d: number, hh: number, mm: number, ss: number, ms: number): number {
  return y >= 100 ? Date.UTC(y, m, d, hh, mm, ss, ms) : Date.UTC(y + 400, m, d, hh, mm, ss, ms) - FOUR_CENTURIES_MS;
}

/**
 * Parses an article date as editors write it: `YYYY-MM` (month precision), `YYYY-MM-DD` (midnight
 * in `timeZone`), or a date-time with an offset (a date-time without one is read as wall-clock time
 * in `timeZone`). A `Date` is taken as an exact instant. Impossible dates are refused with a reason.
 */
export function parseArticleDate(value: unknown, timeZone: string): ParseDateResult {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? { ok: false, reason: 'is not a valid date' }
      : { ok: true, value: { date: value, precision: 'instant' } };
  }
  if (typeof value !== 'string') {
    return { ok: false, reason: `expected a date as text, got ${describeType(value)}; ${EXPECTED_FORMATS}` };
  }
  const text = value.trim();

  const month = MONTH_RE.exec(text);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    const problem = checkCalendar(y, m);
    if (problem) return { ok: false, reason: problem };
    return { ok: true, value: { date: atWallClock(timeZone, y, m - 1, 1), precision: 'month' } };
  }

  const day = DAY_RE.exec(text);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const problem = checkCalendar(y, m, d);
    if (problem) return { ok: false, reason: problem };
    return { ok: true, value: { date: atWallClock(timeZone, y, m - 1, d), precision: 'day' } };
  }

  const instant = INSTANT_RE.exec(text);
  if (instant) {
    const [y, m, d, hh, mm] = [1, 2, 3, 4, 5].map((i) => Number(instant[i])) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const ss = Number(instant[6] ?? 0);
    const ms = Number((instant[7] ?? '0').padEnd(3, '0').slice(0, 3));
    const problem = checkCalendar(y, m, d);
    if (problem) return { ok: false, reason: problem };
    if (hh > 23 || mm > 59 || ss > 59) return { ok: false, reason: `${text} is not a valid time of day` };
    const offset = instant[8];
    if (offset === undefined) {
      return { ok: true, value: { date: atWallClock(timeZone, y, m - 1, d, hh, mm, ss, ms), precision: 'instant' } };
    }
    const offsetMinutes = parseOffsetMinutes(offset);
    if (offsetMinutes === undefined) {
      return { ok: false, reason: `${offset} is not a UTC offset; offsets run from -12:00 to +14:00` };
    }
    const date = new Date(utcInstant(y, m - 1, d, hh, mm, ss, ms) - offsetMinutes * 60_000);
    // The offset can carry an instant across a year boundary; permalinks have four-digit years.
    if (date < atWallClock(timeZone, 1, 0, 1) || date >= atWallClock(timeZone, 10_000, 0, 1)) {
      return { ok: false, reason: `${text} falls outside the years 0001 to 9999 in the site time zone` };
    }
    return { ok: true, value: { date, precision: 'instant' } };
  }

  return { ok: false, reason: `"${text}" is not a date; ${EXPECTED_FORMATS}` };
}

function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

const LOCALES: Record<Lang, Locale> = { id: idLocale, en: enGB };

/** Options for formatting a date for readers. */
export interface FormatDateOptions {
  /** Language of the label. */
  lang: Lang;
  /** Time zone the label is given in. */
  timeZone: string;
  /** How precisely the date is known; a month-precision date shows no day. */
  precision?: DatePrecision;
}

/**
 * Formats an article date for a dateline: "Selasa, 6 September 2022" in Indonesian, "Tuesday,
 * 6 September 2022" in English, "September 2023" for a month-precision date.
 */
export function formatArticleDate(date: Date, options: FormatDateOptions): string {
  const pattern = options.precision === 'month' ? 'MMMM yyyy' : 'EEEE, d MMMM yyyy';
  return formatCached(date, pattern, options.lang, options.timeZone);
}

/** Formats a date without the weekday, for compact lists: "6 Sep 2022" / "6 Sep 2022". */
export function formatShortDate(date: Date, options: FormatDateOptions): string {
  const pattern = options.precision === 'month' ? 'MMM yyyy' : 'd MMM yyyy';
  return formatCached(date, pattern, options.lang, options.timeZone);
}

// A date is shown on its page, in every list it appears in and in feeds, a period in the trail and
// heading of every page of its archives: each is formatted once per build.
const formatted = new Map<string, string>();
const FORMAT_CACHE_SIZE = 200_000;

function formatCached(date: Date, pattern: string, lang: Lang | undefined, timeZone: string): string {
  const key = `${date.getTime()} ${pattern} ${lang ?? ''} ${timeZone}`;
  let value = formatted.get(key);
  if (value === undefined) {
    if (formatted.size >= FORMAT_CACHE_SIZE) formatted.clear();
    value =
      pattern === 'ISO'
        ? formatISO(date, { in: tz(timeZone) })
        : format(date, pattern, { ...(lang ? { locale: LOCALES[lang] } : {}), in: tz(timeZone) });
    formatted.set(key, value);
  }
  return value;
}

/**
 * The machine-readable value for `<time datetime>`: `2023-09` for a month, `2022-09-06` for a day,
 * and a full ISO 8601 timestamp with the site zone's offset for an instant.
 */
export function toDatetimeAttribute(date: Date, timeZone: string, precision: DatePrecision = 'instant'): string {
  if (precision === 'month') return formatCached(date, 'yyyy-MM', undefined, timeZone);
  if (precision === 'day') return formatCached(date, 'yyyy-MM-dd', undefined, timeZone);
  return formatCached(date, 'ISO', undefined, timeZone);
}

/** The calendar parts of an instant as seen in a time zone, zero-padded for use in URLs. */
export interface CalendarParts {
  /** Four-digit year, e.g. `2024`. */
  year: string;
  /** Two-digit month, `01`–`12`. */
  month: string;
  /** Two-digit day of the month, `01`–`31`. */
  day: string;
}

/** Splits an instant into year, month and day as they are in `timeZone`. */
export function getCalendarParts(date: Date, timeZone: string): CalendarParts {
  // Archive grouping asks this of every article several times; one cached Intl formatter per zone
  // answers in about a microsecond, where building a zoned date-fns date each time costs ~100.
  let formatter = calendarFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    calendarFormatters.set(timeZone, formatter);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatter.formatToParts(date)) {
    if (part.type === 'year') year = part.value.padStart(4, '0');
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return { year, month, day };
}

const calendarFormatters = new Map<string, Intl.DateTimeFormat>();

/** Names a calendar month (1–12) for readers: "September" / "Sep" in English, "September" / "Sep" in Indonesian. */
export function formatMonthName(month: number, options: { lang: Lang; style?: 'long' | 'short' }): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, got ${month}`);
  // Stand-alone month forms (LLLL), on a fixed UTC date: the name of a month depends on no zone.
  return formatCached(
    new Date(Date.UTC(2000, month - 1, 1)),
    options.style === 'short' ? 'LLL' : 'LLLL',
    options.lang,
    'UTC',
  );
}

/** Names an archive period for headings: "2022", "September 2022", "6 September 2022". */
export function formatPeriod(
  start: Date,
  kind: 'year' | 'month' | 'day',
  options: Omit<FormatDateOptions, 'precision'>,
): string {
  const pattern = kind === 'year' ? 'yyyy' : kind === 'month' ? 'LLLL yyyy' : 'd MMMM yyyy';
  return formatCached(start, pattern, options.lang, options.timeZone);
}

/**
 * Names an archive period as a step of a breadcrumb trail, where the steps before it give the rest:
 * "2022", "September", "6 September".
 */
export function formatPeriodInTrail(
  start: Date,
  kind: 'year' | 'month' | 'day',
  options: Omit<FormatDateOptions, 'precision'>,
): string {
  const pattern = kind === 'year' ? 'yyyy' : kind === 'month' ? 'LLLL' : 'd MMMM';
  return formatCached(start, pattern, options.lang, options.timeZone);
}

/** Names a day of the year without its year, for "on this day": "15 Juli" / "15 July". */
export function formatDayOfYear(date: Date, options: Omit<FormatDateOptions, 'precision'>): string {
  return formatCached(date, 'd MMMM', options.lang, options.timeZone);
}
