/**
 * Telling Indonesian from English text, for articles imported without a language. franc's trigram
 * model is asked to choose between the two site languages only, which is far more reliable than
 * picking among hundreds (Indonesian and Malay, for one, are near-indistinguishable).
 */
import { francAll } from 'franc-min';
import type { Lang } from '../../site.config';

const CODES: Record<string, Lang> = { ind: 'id', eng: 'en' };

// Below this many letters the trigram counts are too few to trust.
const MIN_LETTERS = 20;

// A few sentences settle the language; more text only costs time on large imports.
const SAMPLE_LENGTH = 600;

// The runner-up must score clearly lower, or the text is too mixed to call.
const MAX_RUNNER_UP_SCORE = 0.95;

/** Detects whether `text` is Indonesian (`id`) or English (`en`); `undefined` when it cannot tell. */
export function detectLanguage(text: string): Lang | undefined {
  const letters = text
    .slice(0, SAMPLE_LENGTH * 2)
    .replace(/[^\p{L}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .slice(0, SAMPLE_LENGTH);
  if (letters.replace(/\s/g, '').length < MIN_LETTERS) return undefined;
  const [best, runnerUp] = francAll(letters, { only: ['ind', 'eng'], minLength: MIN_LETTERS });
  if (!best || best[0] === 'und') return undefined;
  if (runnerUp && runnerUp[1] > MAX_RUNNER_UP_SCORE) return undefined;
  return CODES[best[0]];
}
