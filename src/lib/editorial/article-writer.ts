/**
 * Writing article files: YAML frontmatter in the order the editors' guide lists the fields, short
 * lists on one line (`tags: [Politik, Ekonomi]`), no line folding, then the Markdown body. Used by
 * `npm run new` and `npm run import`, so every generated file looks like one an editor would write.
 */
import type { Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { Document, isSeq, visit } from 'yaml';
import { ARTICLE_FIELDS } from '../content/article-schema';

/** Frontmatter fields as written to a file: dates are already text (`2023-09`, `2022-09-06`). */
export interface ArticleFields {
  /** Headline. */
  title: string;
  /** Publication date as written: `2023-09`, `2022-09-06` or a date-time with an offset. */
  date: string;
  /** Last substantial change, as written. */
  updated?: string;
  /** One or two sentences for lists and previews. */
  summary?: string;
  /** Subjects. */
  tags?: readonly string[];
  /** Byline names. */
  authors?: readonly string[];
  /** The running story the article is a part of. */
  series?: string;
  /** Original source of the report. */
  source?: { name: string; url?: string };
  /** `id` or `en`. */
  lang?: string;
  /** Paths of the story's Markdown files in other languages. */
  translations?: readonly string[];
  /** Key shared by the story's versions in other languages. */
  story?: string;
  /** Whether the article is a draft. */
  draft?: boolean;
  /** Whether the article leads the front page. */
  featured?: boolean;
  /** URL slug instead of the file name. */
  slug?: string;
  /** Old paths that redirect to the article. */
  aliases?: readonly string[];
  /** Lead image. */
  image?: { src: string; alt: string; caption?: string; credit?: string };
  /** Dated corrections log. */
  corrections?: readonly { date: string; text: string }[];
}

/** Writes an article file: frontmatter with the given fields (unset ones left out), then `body`. */
export function stringifyArticle(fields: ArticleFields, body: string, comment?: string): string {
  const ordered: Record<string, unknown> = {};
  for (const name of ARTICLE_FIELDS) {
    const value = fields[name];
    if (value !== undefined) ordered[name] = value;
  }
  // The core schema is the one the frontmatter parser reads with, so "2023-09" stays text.
  const doc = new Document(ordered, { schema: 'core' });
  visit(doc, {
    Seq(_, node) {
      // Lists of words read best on one line; lists of mappings (corrections) stay in blocks.
      if (node.items.every((item) => !isSeq(item) && !(item && typeof item === 'object' && 'items' in item))) {
        node.flow = true;
      }
    },
  });
  if (comment) doc.comment = comment;
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const text = body.trim();
  return `---\n${yaml}---\n${text === '' ? '' : `\n${text}\n`}`;
}

/**
 * Turns plain-text paragraphs into Markdown that shows exactly that text: characters Markdown
 * would read as formatting (`*`, `_`, `[`, a leading `#` or `1.`) are escaped by mdast's serializer.
 */
export function paragraphsToMarkdown(paragraphs: readonly string[]): string {
  const tree: Root = {
    type: 'root',
    children: paragraphs.map((paragraph) => ({ type: 'paragraph', children: [{ type: 'text', value: paragraph }] })),
  };
  return toMarkdown(tree);
}

/**
 * Adds `translations: <entry>` to an article file that has neither `translations:` nor `story:`,
 * as the last line of its frontmatter, leaving every other line as the editor wrote it; `undefined`
 * when the file already has one of them (or no frontmatter), so that it is left alone.
 */
export function addTranslationLink(source: string, entry: string): string | undefined {
  const lines = source.split('\n');
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() !== '---') return undefined;
  const closing = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (closing === -1) return undefined;
  if (lines.slice(1, closing).some((line) => /^(translations|story)\s*:/.test(line))) return undefined;
  const value = new Document(entry, { schema: 'core' }).toString({ lineWidth: 0 }).trim();
  const eol = lines[closing - 1]?.endsWith('\r') ? '\r' : '';
  lines.splice(closing, 0, `translations: ${value}${eol}`);
  return lines.join('\n');
}
