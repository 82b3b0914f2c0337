/**
 * The parts of the search index. The build writes one Pagefind index per language, which ranks
 * exactly as Pagefind does over the same pages, up to 20,000 articles of a language; a language
 * with more is split into parts by months of publication, to bound Pagefind's memory at build time
 * (WARTA_SEARCH_PART_PAGES sets the size; see docs/search.md). Every search reads every part of the
 * languages it searches; a chosen year reads only the parts that hold it.
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
}

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

function holdsYear(part: IndexPart, year: string): boolean {
  return part.from === '' || (part.from.slice(0, 4) <= year && year <= part.to.slice(0, 4));
}

/** The parts of `parts` a search reads: every one, or with a year chosen, those that hold it. */
export function partsToRead(parts: readonly IndexPart[], year: string | undefined): IndexPart[] {
  return year === undefined ? [...parts] : parts.filter((part) => holdsYear(part, year));
}
