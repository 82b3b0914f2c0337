/**
 * The two orders of the tag and author indexes: most used first, and alphabetical in the reader's
 * language. Both are total orders, so every build lists terms the same way.
 */
import type { TermEntry } from '../core/taxonomy';

function collator(locale: string): Intl.Collator {
  // Base sensitivity: "Ёлка" sorts with "Елка" and "éclair" with "eclair", as a reader expects;
  // numeric: "G20" before "G7" would look wrong.
  return new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
}

function bySlug(a: TermEntry<unknown>, b: TermEntry<unknown>): number {
  // Slugs are unique, so this settles every tie the collator leaves.
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** Returns the terms alphabetically by name in `locale` (`id`, `en`). */
export function sortTermsByName<E extends TermEntry<unknown>>(terms: Iterable<E>, locale: string): E[] {
  const compare = collator(locale).compare;
  return [...terms].sort((a, b) => compare(a.name, b.name) || bySlug(a, b));
}

/** Returns the terms with the most articles first, alphabetically by name among equal counts. */
export function sortTermsByCount<E extends TermEntry<unknown>>(terms: Iterable<E>, locale: string): E[] {
  const compare = collator(locale).compare;
  return [...terms].sort((a, b) => b.items.length - a.items.length || compare(a.name, b.name) || bySlug(a, b));
}
