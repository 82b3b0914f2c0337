/**
 * Merging lists that are each already in order into one ordered list, loading items only as they
 * are needed. The search page uses it to list results across the indexes of its languages (and
 * parts), each of which Pagefind orders on its own: newest first, or most relevant first.
 */
import { compareRanked } from './search-ranking';

/** Loads one item of a list (for search results: fetches its fragment). */
export type ItemLoader<T> = () => Promise<T>;

/**
 * Where a merge stands in each of its lists, and the items it has loaded (each loaded once,
 * forgotten once handed out).
 */
function createCursor<T>(
  lists: readonly (readonly unknown[])[],
  loadItem: (list: number, position: number) => Promise<T>,
) {
  const next = lists.map(() => 0);
  const loaded = lists.map(() => new Map<number, Promise<T>>());
  return {
    next,
    load(list: number, position: number): Promise<T> {
      let item = loaded[list]!.get(position);
      if (!item) {
        item = loadItem(list, position);
        loaded[list]!.set(position, item);
      }
      return item;
    },
    remaining: () => lists.reduce((sum, list, index) => sum + list.length - next[index]!, 0),
    /** Moves past the next item of `list`, handed out. */
    advance(list: number): void {
      loaded[list]!.delete(next[list]!);
      next[list] = next[list]! + 1;
    },
  };
}

/** Hands out the items of several ordered lists in one merged order, a page at a time. */
export interface LazyMerge<T> {
  /** Number of items not handed out yet. */
  readonly remaining: number;
  /** Loads and returns the next `count` items in merged order (fewer at the end). */
  take(count: number): Promise<T[]>;
}

/**
 * Merges `lists` (each already ordered by `key`, descending) into one list ordered by `key`,
 * descending; ties keep the order of the lists. Taking `n` items loads at most the next `n` of each
 * list, all at once, so a page costs one round of requests.
 */
export function mergeByKeyDescending<T>(
  lists: readonly (readonly ItemLoader<T>[])[],
  key: (item: T) => string,
): LazyMerge<T> {
  const { next, load, remaining, advance } = createCursor(lists, (list, position) => lists[list]![position]!());

  return {
    get remaining() {
      return remaining();
    },
    async take(count) {
      const wanted = Math.min(count, remaining());
      // Whatever the merge picks, it picks from the next `wanted` items of each list.
      await Promise.all(
        lists.flatMap((list, index) =>
          Array.from({ length: Math.min(wanted, list.length - next[index]!) }, (_, offset) =>
            load(index, next[index]! + offset),
          ),
        ),
      );
      const taken: T[] = [];
      while (taken.length < wanted) {
        let best = -1;
        let bestKey = '';
        let bestItem: T | undefined;
        for (let index = 0; index < lists.length; index += 1) {
          if (next[index]! >= lists[index]!.length) continue;
          const item = await load(index, next[index]!);
          const itemKey = key(item);
          if (best === -1 || itemKey > bestKey) {
            best = index;
            bestKey = itemKey;
            bestItem = item;
          }
        }
        taken.push(bestItem as T);
        advance(best);
      }
      return taken;
    },
  };
}

/** A result not loaded yet: its score, known at once, and how to load the rest. */
export interface Candidate<T> {
  score: number;
  load: ItemLoader<T>;
}

/**
 * Merges `lists` (each in its index's order of relevance) into one ranking: the next item of each
 * list is compared by whether it holds every query word as written (`isExact`, which needs the item
 * loaded), then by score (src/lib/search/search-ranking.ts); each list keeps its own order. Taking `n`
 * items costs two rounds of requests: the next item of every list, then the items the merge will
 * most likely pick (taking each list to rank as its next item does), all at once.
 */
export function mergeByRank<T>(
  lists: readonly (readonly Candidate<T>[])[],
  isExact: (item: T) => boolean,
): LazyMerge<T> {
  const { next, load, remaining, advance } = createCursor(lists, (list, position) => lists[list]![position]!.load());
  const open = () => lists.map((_, index) => index).filter((index) => next[index]! < lists[index]!.length);

  /** The positions the next `wanted` picks most likely take, if each list ranks as its next item. */
  function likelyPicks(wanted: number, headExact: ReadonlyMap<number, boolean>): [number, number][] {
    const at = [...next];
    const picks: [number, number][] = [];
    while (picks.length < wanted) {
      let best = -1;
      for (const index of open()) {
        if (at[index]! >= lists[index]!.length) continue;
        const rank = { exact: headExact.get(index)!, score: lists[index]![at[index]!]!.score };
        if (best === -1) best = index;
        else {
          const bestRank = { exact: headExact.get(best)!, score: lists[best]![at[best]!]!.score };
          if (compareRanked(rank, bestRank) < 0) best = index;
        }
      }
      if (best === -1) break;
      picks.push([best, at[best]!]);
      at[best] = at[best]! + 1;
    }
    return picks;
  }

  return {
    get remaining() {
      return remaining();
    },
    async take(count) {
      const wanted = Math.min(count, remaining());
      if (wanted === 0) return [];
      const heads = await Promise.all(
        open().map(async (index) => [index, isExact(await load(index, next[index]!))] as const),
      );
      const headExact = new Map(heads);
      await Promise.all(likelyPicks(wanted, headExact).map(([list, position]) => load(list, position)));
      const taken: T[] = [];
      while (taken.length < wanted) {
        let best = -1;
        let bestItem: T | undefined;
        let bestRank = { exact: false, score: 0 };
        for (const index of open()) {
          const item = await load(index, next[index]!);
          const rank = { exact: isExact(item), score: lists[index]![next[index]!]!.score };
          if (best === -1 || compareRanked(rank, bestRank) < 0) {
            best = index;
            bestItem = item;
            bestRank = rank;
          }
        }
        taken.push(bestItem as T);
        advance(best);
      }
      return taken;
    },
  };
}
