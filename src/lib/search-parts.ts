/**
 * Which parts of the search index a search reads. The build indexes each language's articles in
 * parts of a few thousand, by months of publication (src/integrations/search-index.ts); what one
 * query fetches grows with the pages of the parts it reads, so a search reads the newest parts of a
 * language up to a budget of pages (five thousand unless the build says otherwise), and the older
 * ones only when the reader asks (`period=all`), when a year is chosen that they hold, or when the
 * newest parts have no match.
 */

/** One part of the index, as pagefind-entry.json lists it. */
export interface IndexPart {
  /** Its name in the entry, which Pagefind takes for a language (`id-x-202209`). */
  key: string;
  /** The language of its articles (`id`). */
  language: string;
  /** First and last month of publication (`2022-09`); empty for an index not built in parts. */
  from: string;
  to: string;
  /** Number of pages. */
  pages: number;
}

/** The parts of pagefind-entry.json that describe the index. */
export interface PagefindEntryParts {
  languages: Record<string, { page_count?: number }>;
  warta_parts?: IndexPart[];
  warta_recent_pages?: number;
}

/** Pages a search reads in each language before the reader asks for older articles. */
export const RECENT_PAGES = 5_000;

/** The `period` value of a search in the whole archive, older parts included. */
export const ALL_PERIODS = 'all';

/**
 * The parts of an index, as the build lists them (by language, oldest first). An index written in
 * one piece lists its languages only, each of which is one part.
 */
export function readIndexParts(entry: PagefindEntryParts): IndexPart[] {
  if (entry.warta_parts) return [...entry.warta_parts];
  return Object.entries(entry.languages).map(([key, { page_count }]) => ({
    key,
    language: key,
    from: '',
    to: '',
    pages: page_count ?? 0,
  }));
}

/** What a search reads of one language: the parts it reads, and the older ones it leaves. */
export interface PartsToRead {
  read: IndexPart[];
  older: IndexPart[];
}

function holdsYear(part: IndexPart, year: string): boolean {
  return part.from === '' || (part.from.slice(0, 4) <= year && year <= part.to.slice(0, 4));
}

/**
 * The parts of one language's `parts` (oldest first) a search reads: with a year, those holding it;
 * for `period=all`, every part; otherwise the newest parts whose pages add up to at most
 * `budget` (and at least the newest part), leaving the older ones.
 */
export function partsToRead(
  parts: readonly IndexPart[],
  state: { year: string | undefined; period: string | undefined },
  budget = RECENT_PAGES,
): PartsToRead {
  if (state.year !== undefined) return { read: parts.filter((part) => holdsYear(part, state.year!)), older: [] };
  if (state.period === ALL_PERIODS) return { read: [...parts], older: [] };
  const read: IndexPart[] = [];
  let pages = 0;
  let at = parts.length - 1;
  for (; at >= 0; at--) {
    const part = parts[at]!;
    if (read.length > 0 && pages + part.pages > budget) break;
    read.unshift(part);
    pages += part.pages;
  }
  return { read, older: parts.slice(0, at + 1) };
}

/** The first year of the newest parts read, and the span of the older ones left, for the page to say. */
export function describePeriods(
  read: readonly IndexPart[],
  older: readonly IndexPart[],
): {
  since: string;
  olderFrom: string;
  olderTo: string;
} {
  const year = (month: string) => month.slice(0, 4);
  const froms = read.map((part) => part.from).sort();
  const olderMonths = older.flatMap((part) => [part.from, part.to]).sort();
  return {
    since: year(froms[0] ?? ''),
    olderFrom: year(olderMonths[0] ?? ''),
    olderTo: year(olderMonths.at(-1) ?? ''),
  };
}
