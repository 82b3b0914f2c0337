/**
 * Slugs for URLs: lower-case, ASCII-folded where the script has a Latin spelling, and readable in
 * the original script where it has none ("東京" stays "東京"), so any title or tag gets a stable slug.
 */
import transliterate from '@sindresorhus/transliterate';

const ASCII_RE = /^[\u0020-\u007e]*$/;
// A grapheme is kept when it holds a letter, a digit or an emoji (flags are pairs of regional
// indicators, keycaps end in U+20E3); whole graphemes keep ZWJ sequences and modifiers intact.
const KEEP_RE = /[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]/u;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

function foldCharacter(char: string): string {
  if (ASCII_RE.test(char)) return char;
  const folded = transliterate(char);
  // Keep the original character where transliteration has nothing ASCII to offer (CJK, most
  // Indic scripts) or would drop it outright (viramas), so the slug still says what it means.
  return folded !== '' && ASCII_RE.test(folded) ? folded : char;
}

function isEmoji(grapheme: string): boolean {
  return /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]/u.test(grapheme);
}

/**
 * Turns any text into a URL slug: `"Korea Utara"` → `korea-utara`, `"Ёлка"` → `yolka`,
 * `"東京"` → `東京`, `"🇮🇩"` → `🇮🇩`. Returns an empty string when the text has no letters, digits or
 * emoji at all.
 */
export function slugify(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    // Tags and authors repeat across thousands of articles; the cache is dropped when it grows large.
    if (slugs.size >= SLUG_CACHE_SIZE) slugs.clear();
    slug = computeSlug(text);
    slugs.set(text, slug);
  }
  return slug;
}

const SLUG_CACHE_SIZE = 50_000;
const slugs = new Map<string, string>();

// Plain ASCII needs none of the Unicode work: its letters and digits, lower-cased, in runs.
const PLAIN_ASCII_RE = /^\p{ASCII}*$/u;

function computeSlug(text: string): string {
  return PLAIN_ASCII_RE.test(text)
    ? (text
        .toLowerCase()
        .match(/[a-z0-9]+/g)
        ?.join('-') ?? '')
    : slugifyUnicode(text);
}

/** {@link slugify} without its shortcut for plain ASCII; exported for the tests that compare the two. */
export function slugifyUnicode(text: string): string {
  const parts: string[] = [];
  let current = '';
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    // Emoji pass through whole; everything else is folded to ASCII where it can be.
    const piece = isEmoji(segment)
      ? segment
      : // Lower-case before folding as well as after: some capitals fold to nothing ASCII while their
        // small letter does (Georgian Mtavruli "Ა" → "ა" → "a"), and a slug must slugify to itself.
        Array.from(segment.normalize('NFKC').toLowerCase(), foldCharacter).join('').normalize('NFC').toLowerCase();
    if (KEEP_RE.test(piece)) {
      for (const { segment: sub } of graphemes.segment(piece)) {
        if (KEEP_RE.test(sub)) current += sub;
        else if (current !== '') {
          parts.push(current);
          current = '';
        }
      }
    } else if (current !== '') {
      parts.push(current);
      current = '';
    }
  }
  if (current !== '') parts.push(current);
  return parts.join('-');
}

/** The slug a file name implies: its base name without extension or a leading `YYYY-MM-DD-` date. */
export function slugFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return slugify(base.replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, ''));
}
