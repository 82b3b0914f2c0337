/**
 * The archive's corrections in one place: every correction of every published article, newest
 * first, so readers and press-standards bodies can follow what the newsroom put right. Each has an
 * anchor on its article's page, where the article's own correction box lists it.
 */
import type { DatePrecision } from '../core/dates';

/** What the corrections log needs to know of an article. */
export interface CorrectedArticle {
  /** Publication instant, to order corrections made on the same day. */
  date: Date;
  /** Headline, to order ties and to name the article. */
  title: string;
  /** The article's corrections, in the order the editor wrote them. */
  corrections: readonly { date: Date; datePrecision: DatePrecision; text: string }[];
}

/** One correction, with the article it corrects. */
export interface CorrectionEntry<T extends CorrectedArticle> {
  /** The corrected article. */
  article: T;
  /** When the correction was made. */
  date: Date;
  /** How precisely the editor dated it. */
  datePrecision: DatePrecision;
  /** What was corrected, as the editor wrote it. */
  text: string;
  /** Its number among the article's corrections, from 1, as its anchor carries it. */
  number: number;
}

/** The anchor of an article's `number`th correction on its page: `correction-1`. */
export function correctionAnchor(number: number): string {
  return `correction-${number}`;
}

// By code point, not by locale, so that the order does not depend on the machine's language.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every correction of `articles`, newest first; corrections of one day by their article, newest
 * article first, then by the order the editor wrote them, so every build lists them the same way.
 */
export function listCorrections<T extends CorrectedArticle>(articles: readonly T[]): CorrectionEntry<T>[] {
  const entries = articles.flatMap((article) =>
    article.corrections.map((correction, index) => ({ article, ...correction, number: index + 1 })),
  );
  return entries.sort(
    (a, b) =>
      b.date.getTime() - a.date.getTime() ||
      b.article.date.getTime() - a.article.date.getTime() ||
      compareText(a.article.title, b.article.title) ||
      a.number - b.number,
  );
}
