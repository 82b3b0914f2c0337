/**
 * Tags that are probably one topic written two ways: a typo (`Jakata` for `Jakarta`, an edit
 * distance of 1 or 2 between tags of five letters or more) or singular and plural (`Startup` and
 * `Startups`). Only tags used in a common language are compared, so `Ekonomi` (Indonesian
 * articles) and `Economy` (English ones) are not taken for a typo.
 */
import leven from 'leven';
import type { ArticleRecord } from './article-file';
import type { Problem } from '../core/problems';
import { tagKey } from '../core/tags';

/** Fewest letters a tag needs before a small difference from another tag counts as a typo. */
export const NEAR_MISS_MIN_LETTERS = 5;

/** Largest edit distance between two tags that is taken as a typo. */
export const NEAR_MISS_MAX_DISTANCE = 2;

/** Why two tags look like one topic. */
export type NearMissKind = 'typo' | 'plural';

/** Two tags that look like one topic, by their keys (case- and spacing-folded). */
export interface TagNearMiss {
  /** One tag's key. */
  a: string;
  /** The other tag's key. */
  b: string;
  /** Typo or singular and plural. */
  kind: NearMissKind;
}

const letterCount = (text: string) => (text.match(/\p{L}/gu) ?? []).length;
const digits = (text: string) => (text.match(/\d+/g) ?? []).join(' ');

// Every string made by deleting up to two characters: two keys within edit distance 2 share one.
function deletions(key: string): Set<string> {
  const out = new Set([key]);
  for (let i = 0; i < key.length; i += 1) {
    const once = key.slice(0, i) + key.slice(i + 1);
    out.add(once);
    for (let j = i; j < once.length; j += 1) out.add(once.slice(0, j) + once.slice(j + 1));
  }
  return out;
}

/** The plural forms of a tag key that would be the same topic: `startups`, `buses`, `cities`, `anak-anak`. */
export function pluralForms(key: string): string[] {
  if (letterCount(key) < 3) return [];
  const forms = [`${key}s`, `${key}es`];
  if (/[^aeiou]y$/.test(key)) forms.push(`${key.slice(0, -1)}ies`);
  // Indonesian marks the plural by doubling the word.
  if (!/[\s-]/.test(key)) forms.push(`${key}-${key}`);
  return forms;
}

/**
 * Finds pairs of tag keys that look like one topic: singular and plural, or within edit distance
 * {@link NEAR_MISS_MAX_DISTANCE} when both have {@link NEAR_MISS_MIN_LETTERS} letters or more.
 * Tags whose numbers differ (`Pemilu 2019`, `Pemilu 2024`) are different topics.
 */
export function findTagNearMisses(keys: Iterable<string>): TagNearMiss[] {
  const all = [...new Set(keys)].sort();
  const known = new Set(all);
  const pairs = new Map<string, TagNearMiss>();
  const add = (x: string, y: string, kind: NearMissKind) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    if (!pairs.has(`${a}\n${b}`)) pairs.set(`${a}\n${b}`, { a, b, kind });
  };
  for (const key of all) {
    for (const plural of pluralForms(key)) if (known.has(plural)) add(key, plural, 'plural');
  }
  // Candidates share a deletion variant; the edit distance then decides.
  const byVariant = new Map<string, string[]>();
  for (const key of all) {
    if (letterCount(key) < NEAR_MISS_MIN_LETTERS || key.length > 60) continue;
    for (const variant of deletions(key)) {
      const others = byVariant.get(variant);
      if (others) others.push(key);
      else byVariant.set(variant, [key]);
    }
  }
  for (const group of byVariant.values()) {
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        const [x, y] = [group[i]!, group[j]!];
        if (digits(x) !== digits(y)) continue;
        const distance = leven(x, y);
        if (distance >= 1 && distance <= NEAR_MISS_MAX_DISTANCE) add(x, y, 'typo');
      }
    }
  }
  return [...pairs.values()].sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : 1));
}

/** How a tag is used across the folder. */
interface TagUse {
  /** The spelling most articles use. */
  name: string;
  /** The articles carrying it, by file. */
  articles: ArticleRecord[];
  /** The languages of those articles. */
  langs: Set<string>;
}

/**
 * Warns, on every article that carries the less used of two tags that look like one topic, which
 * tag it is close to, where that one is used, and the spelling to write. When both are used
 * equally, both are warned about.
 */
export function findTagNearMissProblems(
  articles: readonly ArticleRecord[],
  label: (file: string) => string = (file) => file,
): Problem[] {
  const uses = new Map<string, TagUse & { spellings: Map<string, number> }>();
  for (const article of [...articles].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    for (const tag of article.frontmatter.tags) {
      const key = tagKey(tag);
      let use = uses.get(key);
      if (!use) {
        use = { name: tag, articles: [], langs: new Set(), spellings: new Map() };
        uses.set(key, use);
      }
      use.articles.push(article);
      use.langs.add(article.frontmatter.lang);
      use.spellings.set(tag, (use.spellings.get(tag) ?? 0) + 1);
    }
  }
  for (const use of uses.values()) {
    use.name = [...use.spellings.entries()].sort((x, y) => y[1] - x[1])[0]![0];
  }

  const problems: Problem[] = [];
  for (const { a, b, kind } of findTagNearMisses(uses.keys())) {
    const useA = uses.get(a)!;
    const useB = uses.get(b)!;
    if (![...useA.langs].some((lang) => useB.langs.has(lang))) continue;
    const countA = useA.articles.length;
    const countB = useB.articles.length;
    const warned: [TagUse, TagUse][] = [];
    if (countA <= countB) warned.push([useA, useB]);
    if (countB <= countA) warned.push([useB, useA]);
    for (const [rare, common] of warned) {
      const named = common.articles.slice(0, 2).map((article) => label(article.file));
      const more = common.articles.length - named.length;
      const where = `used in ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
      const message =
        kind === 'plural'
          ? `"${rare.name}" and "${common.name}" (${where}) are one topic in singular and plural; write "${common.name}"`
          : `"${rare.name}" is close to "${common.name}" (${where}); if they are one topic, write "${common.name}"`;
      for (const article of rare.articles) {
        const index = article.frontmatter.tags.findIndex((tag) => tagKey(tag) === tagKey(rare.name));
        problems.push({
          file: label(article.file),
          line: article.lineOf(['tags', index]) ?? article.lineOf(['tags']) ?? 1,
          field: 'tags',
          message,
          severity: 'warning',
        });
      }
    }
  }
  return problems;
}
