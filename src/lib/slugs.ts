/**
 * Slugs for URLs: lower-case, ASCII-folded where the script has a Latin spelling, and readable in
 * the original script where it has none ("東京" stays "東京"), so any title or tag gets a stable slug.
 */
import transliterate from '@sindresorhus/transliterate';

const ASCII_RE = /^[\u0020-\u007e]*$/;
const KEEP_RE = /[\p{L}\p{M}\p{N}\p{Extended_Pictographic}]/u;

function foldCharacter(char: string): string {
  if (ASCII_RE.test(char)) return char;
  const folded = transliterate(char);
  // Keep the original character where transliteration has nothing ASCII to offer (CJK, most
  // Indic scripts) or would drop it outright (viramas), so the slug still says what it means.
  return folded !== '' && ASCII_RE.test(folded) ? folded : char;
}

/**
 * Turns any text into a URL slug: `"Korea Utara"` → `korea-utara`, `"Ёлка"` → `yolka`,
 * `"東京"` → `東京`. Returns an empty string when the text has no letters, digits or emoji at all.
 */
export function slugify(text: string): string {
  const folded = Array.from(text.normalize('NFKC'), foldCharacter).join('').normalize('NFC');
  let slug = '';
  let pendingDash = false;
  for (const char of folded.toLowerCase()) {
    // ZWJ and variation selectors belong to the emoji before them.
    if (KEEP_RE.test(char) || ((char === '\u200d' || char === '\ufe0f') && slug !== '')) {
      if (pendingDash && slug !== '') slug += '-';
      slug += char;
      pendingDash = false;
    } else {
      pendingDash = true;
    }
  }
  return slug;
}

/** The slug a file name implies: its base name without extension or a leading `YYYY-MM-DD-` date. */
export function slugFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return slugify(base.replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, ''));
}
