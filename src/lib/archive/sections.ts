/**
 * The newsroom's sections (desks): which articles belong to each, matched by tag the way tags
 * merge everywhere else (case and spacing do not count).
 */
import { tagKey } from '../core/tags';

/** What a section is made of, as far as membership goes. */
export interface SectionRule {
  /** URL slug of the section. */
  slug: string;
  /** Tags whose articles belong to it. */
  tags: readonly string[];
}

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Problems with a list of sections (bad or repeated slugs, no tags), one sentence each; none when fine. */
export function checkSections(sections: readonly SectionRule[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const section of sections) {
    if (!SLUG_RE.test(section.slug)) {
      problems.push(`section slug "${section.slug}" must be lower-case letters, digits and hyphens`);
    }
    if (seen.has(section.slug)) problems.push(`section slug "${section.slug}" is used twice`);
    seen.add(section.slug);
    if (section.tags.length === 0) problems.push(`section "${section.slug}" has no tags`);
  }
  return problems;
}

/**
 * The items of each section, by slug, in the order given (newest first, as every listing is); an
 * item with tags of several sections is in each of them, and once in each.
 */
export function groupBySection<T>(
  items: readonly T[],
  getTags: (item: T) => readonly string[],
  sections: readonly SectionRule[],
): Map<string, T[]> {
  const sectionsOfTag = new Map<string, string[]>();
  for (const section of sections) {
    for (const tag of section.tags) {
      const key = tagKey(tag);
      sectionsOfTag.set(key, [...(sectionsOfTag.get(key) ?? []), section.slug]);
    }
  }
  const groups = new Map<string, T[]>(sections.map((section) => [section.slug, []]));
  for (const item of items) {
    const slugs = new Set(getTags(item).flatMap((tag) => sectionsOfTag.get(tagKey(tag)) ?? []));
    for (const slug of slugs) groups.get(slug)!.push(item);
  }
  return groups;
}
