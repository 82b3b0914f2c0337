/**
 * Tag and author indexes: each distinct tag (or author) with a display name, a unique URL slug and
 * its articles. Spellings that differ only in case or spacing are one entry; two different entries
 * never share a slug (a clash gets a deterministic `-2`, `-3` suffix).
 */
import { slugify } from './slugs';
import { tagKey } from './tags';

/** One tag or author and where it is used. */
export interface TermEntry<T> {
  /** Identity of the term (case- and spacing-folded). */
  key: string;
  /** The spelling shown to readers: the most used one, the first seen on a tie. */
  name: string;
  /** Unique URL slug. */
  slug: string;
  /** The items carrying the term, in the order given. */
  items: T[];
}

/**
 * Builds an index of terms (tags or authors) over `items`, which should already be in listing
 * order. `fallback` names slugs of terms with no letters or digits at all (`tag-1`).
 */
export function buildTermIndex<T>(
  items: readonly T[],
  getTerms: (item: T) => readonly string[],
  fallback = 'tag',
): Map<string, TermEntry<T>> {
  const groups = new Map<string, { spellings: Map<string, number>; items: T[] }>();
  for (const item of items) {
    const seenInItem = new Set<string>();
    for (const term of getTerms(item)) {
      const key = tagKey(term);
      if (key === '' || seenInItem.has(key)) continue;
      seenInItem.add(key);
      let group = groups.get(key);
      if (!group) {
        group = { spellings: new Map(), items: [] };
        groups.set(key, group);
      }
      const spelling = term.trim().replace(/\s+/g, ' ');
      group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
      group.items.push(item);
    }
  }

  // Slugs are handed out in key order, so a clash resolves the same way in every build.
  const keys = [...groups.keys()].sort();
  const used = new Set<string>();
  const index = new Map<string, TermEntry<T>>();
  for (const key of keys) {
    const group = groups.get(key)!;
    let name = '';
    let best = -1;
    for (const [spelling, count] of group.spellings) {
      if (count > best) {
        name = spelling;
        best = count;
      }
    }
    const base = slugify(name) || fallback;
    let slug = base;
    for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
    used.add(slug);
    index.set(key, { key, name, slug, items: group.items });
  }
  return index;
}
