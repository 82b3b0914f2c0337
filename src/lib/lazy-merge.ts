/**
 * Merging lists that are each already in order into one ordered list, loading items only as they
 * are needed. The search page uses it to list results newest first across the Indonesian and
 * English indexes, each of which Pagefind sorts on its own.
 */

/** Loads one item of a list (for search results: fetches its fragment). */
export type ItemLoader<T> = () => Promise<T>;

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
  const next = lists.map(() => 0);
  const loaded = lists.map(() => new Map<number, Promise<T>>());
  const load = (list: number, position: number): Promise<T> => {
    let item = loaded[list]!.get(position);
    if (!item) {
      item = lists[list]![position]!();
      loaded[list]!.set(position, item);
    }
    return item;
  };
  const remaining = () => lists.reduce((sum, list, index) => sum + list.length - next[index]!, 0);

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
        loaded[best]!.delete(next[best]!);
        next[best] = next[best]! + 1;
      }
      return taken;
    },
  };
}
