/**
 * Headlines for articles that arrive without one (raw archive dumps): the first sentence when it
 * fits, else its longest leading clause that does, else the whole sentence, flagged as too long.
 * A headline is never cut mid-clause with "…". Sentences are found with `Intl.Segmenter`, minus
 * its splits after common Indonesian and English abbreviations ("Dr.", "Jl.", "Mr.").
 */
import type { Lang } from '../../site.config';

/** The longest headline made from a sentence or clause, in characters. */
export const TITLE_MAX_LENGTH = 90;

// Fewest words a clause needs to stand as a headline: "Harga beras naik".
const MIN_CLAUSE_WORDS = 3;

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

// Words that open a new clause or adverbial phrase: a headline may end just before one. "dan",
// "atau", "and" and "yang" are left out, as they join nouns ("Korea Utara atau Korut") as often
// as clauses, and a cut there could leave half a name.
const CLAUSE_OPENERS: Record<Lang, ReadonlySet<string>> = {
  id: new Set(
    'dengan karena sehingga setelah sebelum ketika saat sejak meski meskipun walaupun walau namun tetapi sedangkan sementara agar supaya usai jelang akibat lantaran hingga seusai'.split(
      ' ',
    ),
  ),
  en: new Set(
    'because after before while when although though but since amid despite following whereas until unless which as'.split(
      ' ',
    ),
  ),
};

/** Where a machine-made headline came from, which says how closely an editor should look at it. */
export type HeadlineSource = 'sentence' | 'clause' | 'long-sentence';

/** A headline made from an article's text. */
export interface MadeHeadline {
  /** The headline, without a final full stop. */
  title: string;
  /**
   * `sentence`: the whole first sentence; `clause`: its leading clause, the rest left out;
   * `long-sentence`: the whole first sentence although it is longer than {@link TITLE_MAX_LENGTH}.
   */
  source: HeadlineSource;
}

function isBalanced(text: string): boolean {
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
  return (
    count(/"/g) % 2 === 0 &&
    count(/[“]/g) === count(/[”]/g) &&
    count(/\(/g) === count(/\)/g) &&
    count(/\[/g) === count(/\]/g)
  );
}

const bare = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The leading clauses of a sentence that could stand as a headline, longest first: the text before
 * a comma, semicolon, colon or dash, or before a word that opens a new clause ("karena", "after"),
 * with at least three words, quotes and brackets closed, not ending on a dangling word and not
 * opening with a subordinate clause ("Setelah hujan semalaman").
 */
export function leadingClauses(sentence: string, lang: Lang): string[] {
  const words = sentence.trim().split(/\s+/);
  if (words.length === 0 || CLAUSE_OPENERS[lang].has(bare(words[0]!))) return [];
  const clauses: string[] = [];
  for (let end = MIN_CLAUSE_WORDS; end < words.length; end += 1) {
    const last = words[end - 1]!;
    const atPunctuation = /[,;:]$/.test(last) || /^[—–-]$/.test(words[end] ?? '');
    const atOpener = CLAUSE_OPENERS[lang].has(bare(words[end] ?? ''));
    if (!atPunctuation && !atOpener) continue;
    const kept = words.slice(0, end);
    const clause = kept.join(' ').replace(/[,;:]$/, '');
    if (kept.filter((word) => bare(word) !== '').length < MIN_CLAUSE_WORDS) continue;
    if (DANGLING_WORDS[lang].has(bare(clause.split(' ').at(-1)!))) continue;
    if (!isBalanced(clause)) continue;
    clauses.push(clause);
  }
  return clauses.reverse();
}

/**
 * A headline made from the first sentence of `text`: the sentence itself when it has at most
 * {@link TITLE_MAX_LENGTH} characters, else its longest leading clause that fits, else the whole
 * sentence, marked `long-sentence` so an editor writes a shorter one. Never cut with "…".
 */
export function headlineFromText(text: string, lang: Lang): MadeHeadline {
  const sentence = (splitSentences(text.replace(/\s+/g, ' '), lang)[0] ?? '').replace(/\.+$/, '');
  if (sentence.length <= TITLE_MAX_LENGTH) return { title: sentence, source: 'sentence' };
  const clause = leadingClauses(sentence, lang).find((candidate) => candidate.length <= TITLE_MAX_LENGTH);
  return clause ? { title: clause, source: 'clause' } : { title: sentence, source: 'long-sentence' };
}
