/**
 * Headlines and summaries for articles that arrive without them (raw archive dumps): the title is
 * the first sentence, shortened at a word boundary; the summary is the first paragraph, shortened
 * at a sentence boundary. Sentences are found with `Intl.Segmenter`, minus its splits after common
 * Indonesian and English abbreviations ("Dr.", "Jl.", "Mr.").
 */
import type { Lang } from '../../site.config';

/** The longest title made from a sentence, in characters. */
export const TITLE_MAX_LENGTH = 90;

/** The longest summary made from a paragraph, in characters. */
export const SUMMARY_MAX_LENGTH = 300;

// Abbreviations that end in a full stop without ending a sentence.
const ABBREVIATIONS = new Set([
  // Indonesian titles, addresses and shorthands.
  'dr',
  'drs',
  'dra',
  'ir',
  'prof',
  'h',
  'hj',
  'kh',
  'jl',
  'no',
  'tn',
  'ny',
  'sdr',
  'dkk',
  'dll',
  'dsb',
  'tsb',
  // English.
  'mr',
  'mrs',
  'ms',
  'st',
  'jr',
  'sr',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'gov',
  'sen',
  'rep',
  'rev',
  'inc',
  'ltd',
  'co',
  'vs',
]);

// Words a shortened title should not end on: it would read as cut mid-thought.
const DANGLING_WORDS: Record<Lang, ReadonlySet<string>> = {
  id: new Set(
    'dan atau yang di ke dari untuk dengan kepada pada oleh bagi dalam serta tetapi namun karena sebagai akan telah ini itu para sang si'.split(
      ' ',
    ),
  ),
  en: new Set(
    'and or but the a an of to in on at for with by from as that which who is are was were be has have its their'.split(
      ' ',
    ),
  ),
};

function endsWithAbbreviation(segment: string): boolean {
  const last = /(\S+)\.\s*$/.exec(segment)?.[1];
  if (!last) return false;
  // A single capital is an initial ("J. Smith"); otherwise only listed abbreviations.
  return /^\p{Lu}$/u.test(last) || ABBREVIATIONS.has(last.toLowerCase());
}

/** Splits text into sentences, trimmed, keeping abbreviations and initials inside their sentence. */
export function splitSentences(text: string, lang: Lang): string[] {
  const sentences: string[] = [];
  let carry = '';
  for (const { segment } of new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)) {
    carry += segment;
    if (!endsWithAbbreviation(carry)) {
      if (carry.trim() !== '') sentences.push(carry.trim());
      carry = '';
    }
  }
  if (carry.trim() !== '') sentences.push(carry.trim());
  return sentences;
}

/**
 * Shortens text to at most `max` characters at a word boundary, without a dangling "and" or
 * trailing punctuation at the cut, and marks the cut with "…". Text that fits is returned as is.
 */
export function shortenAtWord(text: string, max: number, lang: Lang): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.length <= max) return clean;
  const words = clean.slice(0, max).split(' ');
  // The last word is whole only when the cut fell on a space.
  if (clean[max] !== ' ') words.pop();
  while (
    words.length > 1 &&
    DANGLING_WORDS[lang].has(
      words
        .at(-1)!
        .toLowerCase()
        .replace(/[^\p{L}]/gu, ''),
    )
  ) {
    words.pop();
  }
  const kept = words.join(' ').replace(/[\s,;:.!?—–-]+$/u, '');
  // A single word longer than the limit is cut inside it rather than lost.
  return `${kept === '' ? clean.slice(0, max - 1) : kept}…`;
}

/** A headline made from the first sentence of `text`: no final full stop, at most {@link TITLE_MAX_LENGTH}. */
export function titleFromText(text: string, lang: Lang): string {
  const first = splitSentences(text, lang)[0] ?? '';
  return shortenAtWord(first.replace(/[.]+$/, ''), TITLE_MAX_LENGTH, lang);
}

/**
 * A summary made from a paragraph: as many whole sentences as fit in {@link SUMMARY_MAX_LENGTH}
 * characters, or the first sentence shortened at a word boundary.
 */
export function summaryFromParagraph(paragraph: string, lang: Lang): string {
  const sentences = splitSentences(paragraph.replace(/\s+/g, ' '), lang);
  let summary = '';
  for (const sentence of sentences) {
    const next = summary === '' ? sentence : `${summary} ${sentence}`;
    if (next.length > SUMMARY_MAX_LENGTH) break;
    summary = next;
  }
  return summary === '' ? shortenAtWord(sentences[0] ?? '', SUMMARY_MAX_LENGTH, lang) : summary;
}
