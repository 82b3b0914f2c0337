/**
 * Tags: spellings that differ only in case or spacing are one tag.
 */

/** The identity of a tag: two tags with the same key are the same tag. */
export function tagKey(tag: string): string {
  let key = keys.get(tag);
  if (key === undefined) {
    // The same few thousand tags are compared across every article; the cache is dropped when large.
    if (keys.size >= 50_000) keys.clear();
    key = tag.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('und');
    keys.set(tag, key);
  }
  return key;
}

const keys = new Map<string, string>();

/** Trims tags and drops later spellings of a tag already in the list, keeping the first spelling. */
export function mergeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
    const key = tagKey(tag);
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    merged.push(tag);
  }
  return merged;
}
