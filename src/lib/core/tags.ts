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

/** The separator between the names of one topic in its languages: `Ekonomi / Economy`. */
export const TOPIC_NAME_SEPARATOR = ' / ';

/**
 * The topic of a tag under the newsroom's tag mappings (each a list of the spellings of one topic
 * in the site's languages, the interface's first): a mapped tag, in any of its spellings and any
 * case, becomes the topic's name in every language (`Economy` → `Ekonomi / Economy`), so that its
 * articles share one tag page and one search filter; any other tag is returned as it is.
 */
export function createTopicResolver(mappings: readonly (readonly string[])[]): (tag: string) => string {
  const topics = new Map<string, string>();
  for (const names of mappings) {
    const topic = mergeTags(names).join(TOPIC_NAME_SEPARATOR);
    for (const name of names) topics.set(tagKey(name), topic);
    // The topic's own name maps to itself: resolving twice changes nothing.
    topics.set(tagKey(topic), topic);
  }
  if (topics.size === 0) return (tag) => tag;
  return (tag) => topics.get(tagKey(tag)) ?? tag;
}
