/**
 * The queries the benchmark and the ranking test put to a generated archive: rare words planted in
 * one article each (src/bench/generate-archive.ts), common words of each language, and two-word
 * phrases, each run on Warta's search page and on plain Pagefind over the same pages in the same
 * browser (tests/helpers/search-measure.ts).
 */
import type { Browser } from 'playwright-core';
import type { StaticSite } from '../../tests/helpers/browser';
import { runPlainQuery, runWartaQuery, type QueryRun } from '../../tests/helpers/search-measure';
import type { PlantedWord } from './generate-archive';

/** Words of the generator's Indonesian vocabulary only: plain Pagefind on the Indonesian page finds them all. */
export const COMMON_INDONESIAN = [
  'pemerintah',
  'banjir',
  'harga',
  'pasar',
  'nelayan',
  'gubernur',
  'kemarau',
  'pelabuhan',
  'menteri',
  'pengungsi',
];

/** Words of both vocabularies (`data`, `festival`): results from both languages in one ranking. */
export const COMMON_SHARED = ['data', 'festival'];

/** Two-word queries. */
export const PHRASES = ['harga beras', 'jalan tol', 'festival musik', 'data internet'];

/**
 * English words whose Indonesian near-misses (`tol` for `toll`) plain Pagefind's score alone ranks
 * above the English articles that hold them; Warta ranks the English articles first.
 */
export const ENGLISH = ['toll road', 'rice price'];

/** The kinds of query the benchmark reports. */
export type QueryKind = 'rare' | 'near-miss' | 'common' | 'phrase' | 'english';

/** One query on both engines. */
export interface QueryComparison {
  kind: QueryKind;
  query: string;
  /** The article that should come first (rare words only). */
  expected?: string;
  warta: QueryRun;
  /** Plain Pagefind in Indonesian and in English, merged by score: the reference for ranking. */
  plain: QueryRun;
  /** Plain Pagefind in Indonesian alone, Pagefind's default on an Indonesian page: the reference for bytes. */
  plainOne: QueryRun;
}

/** The queries of one benchmark run: every planted word, the common words, and the phrases. */
export function benchQueries(planted: readonly PlantedWord[]): { kind: QueryKind; query: string; expected?: string }[] {
  return [
    ...planted.map((word) => ({
      kind: (word.nearMisses.length > 0 ? 'near-miss' : 'rare') as QueryKind,
      query: word.word,
      expected: word.permalink,
    })),
    ...[...COMMON_INDONESIAN, ...COMMON_SHARED].map((query) => ({ kind: 'common' as const, query })),
    ...PHRASES.map((query) => ({ kind: 'phrase' as const, query })),
    ...ENGLISH.map((query) => ({ kind: 'english' as const, query })),
  ];
}

/**
 * Runs each query on Warta's page and on plain Pagefind (each language in its own, merged by
 * score as Pagefind's multisite search merges, and Indonesian alone), one after the other in
 * fresh browser contexts, on the archive built into `root` and served at `site`.
 */
export async function compareQueries(
  browser: Browser,
  site: StaticSite,
  queries: readonly { kind: QueryKind; query: string; expected?: string }[],
  root: string,
  onProgress?: (done: number) => void,
): Promise<QueryComparison[]> {
  const results: QueryComparison[] = [];
  for (const { kind, query, expected } of queries) {
    const warta = await runWartaQuery(browser, site, root, query);
    const plain = await runPlainQuery(browser, site, root, query, { languages: ['id', 'en'] });
    const plainOne = await runPlainQuery(browser, site, root, query);
    results.push({ kind, query, ...(expected ? { expected } : {}), warta, plain, plainOne });
    onProgress?.(results.length);
  }
  return results;
}
