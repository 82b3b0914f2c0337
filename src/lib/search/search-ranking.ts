/**
 * One ranking for results that come from several Pagefind indexes (one per language, or parts of a
 * language where the build splits it; see docs/search.md). Within one index Pagefind's order is
 * kept. Across indexes, scores are not comparable on their own: each index weighs a word by its own
 * page counts, and an index without the query word answers with looser matches (another form of the
 * word's stem, a longer word it begins) whose scores can be as high as an exact match elsewhere. So
 * the next result of each index is compared first by whether its text holds every query word as
 * written, then by Pagefind's score.
 */

// Characters Pagefind drops from a query before it searches (dashes, brackets, quotes, other
// punctuation); the same are dropped here from the query and from the text.
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/** Lower case, without diacritics (`Perú` and `peru` are one word to Pagefind too). */
function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * The words of a query as a reader wrote them, normalized: `"Korea Utara" jual` gives
 * `['korea', 'utara', 'jual']`. Words that are only punctuation are dropped.
 */
export function queryWords(query: string): string[] {
  return normalize(query)
    .split(/\s+/)
    .map((word) => word.replace(PUNCTUATION, ''))
    .filter((word) => word !== '');
}

/**
 * The words of a text in the forms a query word can match as written: each run between spaces with
 * its punctuation dropped (`covid-19` gives `covid19`), and each run between punctuation
 * (`covid`, `19`).
 */
export function textWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const run of normalize(text).split(/\s+/)) {
    if (run === '') continue;
    const joined = run.replace(PUNCTUATION, '');
    if (joined !== '') words.add(joined);
    for (const piece of run.split(PUNCTUATION)) if (piece !== '') words.add(piece);
  }
  return words;
}

/** Whether `text` holds every word of `query` as written (ignoring case and diacritics). */
export function holdsEveryWord(text: string, query: readonly string[]): boolean {
  if (query.length === 0) return true;
  const words = textWords(text);
  return query.every((word) => words.has(word));
}

/** A result as the merge compares it: Pagefind's score, and whether it holds every query word. */
export interface RankedResult {
  score: number;
  exact: boolean;
}

/**
 * Orders two results of different indexes: one holding every query word as written first, then the
 * higher score. Negative when `a` comes first.
 */
export function compareRanked(a: RankedResult, b: RankedResult): number {
  if (a.exact !== b.exact) return a.exact ? -1 : 1;
  return b.score - a.score;
}
