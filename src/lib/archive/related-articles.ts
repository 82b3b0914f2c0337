/**
 * Related articles: for each article, the others that share its tags, ranked so that sharing a rare
 * tag counts for more than sharing a common one (inverse document frequency), then by recency.
 */
import { tagKey } from '../core/tags';

/** How many related articles an article page shows. */
export const RELATED_LIMIT = 5;

/**
 * How much sharing a tag says about two articles: `ln(1 + total / carriers)`, high for a tag on few
 * articles and falling towards `ln 2` for one on all of them, but never zero, so that in a small
 * archive two articles on the same subject are still related.
 */
export function tagWeight(carriers: number, total: number): number {
  return Math.log(1 + total / carriers);
}

/**
 * Finds up to `limit` related articles for every item. `items` must be newest first: among equal
 * scores the newer article wins, and the order never depends on anything but the input. Tags are
 * compared by {@link tagKey}, so spellings differing in case or spacing are one tag.
 */
export function buildRelatedIndex<T>(
  items: readonly T[],
  getTags: (item: T) => readonly string[],
  limit = RELATED_LIMIT,
): Map<T, T[]> {
  // Inverted index: each tag's carriers as positions in `items`, so scoring an article only visits
  // articles that share one of its tags rather than the whole archive.
  const tagsOf = items.map((item) => [...new Set(getTags(item).map(tagKey))].filter((key) => key !== ''));
  const carriers = new Map<string, number[]>();
  tagsOf.forEach((keys, position) => {
    for (const key of keys) {
      const list = carriers.get(key);
      if (list) list.push(position);
      else carriers.set(key, [position]);
    }
  });
  // Weights in whole billionths: integer sums are exact, so two articles sharing equally rare tags
  // score exactly the same whatever order the tags are added in, and recency settles the tie.
  const weights = new Map(
    [...carriers].map(([key, list]) => [key, Math.round(tagWeight(list.length, items.length) * 1e9)]),
  );

  // One score slot per article, reused for every target and reset through the list of slots
  // touched: a Map per target made a 20,000-article archive take seconds.
  const scores = new Float64Array(items.length);
  const related = new Map<T, T[]>();
  tagsOf.forEach((keys, position) => {
    const touched: number[] = [];
    for (const key of keys) {
      const weight = weights.get(key)!;
      for (const other of carriers.get(key)!) {
        if (other === position) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + weight;
      }
    }
    const ranked = topScored(touched, scores, limit);
    for (const other of touched) scores[other] = 0;
    related.set(
      items[position]!,
      ranked.map((other) => items[other]!),
    );
  });
  return related;
}

/** The `limit` best of `candidates` by score, then by position (the newer first), best first. */
function topScored(candidates: readonly number[], scores: Float64Array, limit: number): number[] {
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  // Insertion into a short sorted list: limit is small, and a full sort of every article sharing a
  // common tag was most of the work.
  const best: number[] = [];
  if (limit < 1) return best;
  for (const candidate of candidates) {
    if (best.length === limit && !better(candidate, best[limit - 1]!)) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && better(candidate, best[at - 1]!)) at -= 1;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best;
}
