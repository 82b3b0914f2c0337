/**
 * The one place that decides how a piece of text becomes part of each output. Every field of every
 * output that carries an editor's words is listed here with the way its consumer reads it: as plain
 * text, or as HTML it renders. Text the editor wrote as plain text (title, summary, author, tag,
 * caption, correction) is HTML-escaped exactly once when, and only when, it lands in an HTML field;
 * the serializer of each format (XML, JSON, HTML attributes, JSON-LD in a script element) then
 * escapes for its own syntax, which is a different layer and never changes what the text says.
 * HTML the Markdown pipeline has already sanitized goes only into HTML fields.
 */
import { toHtml } from 'hast-util-to-html';

/** How a consumer reads a field: as plain text it shows, or as HTML it renders. */
export type FieldType = 'text' | 'html';

/**
 * Every text-carrying field of every output and how its consumer reads it. RSS 2.0 defines only an
 * item's `description` as HTML, but readers render titles (the channel's too) as HTML as well, so
 * RSS titles are written as Atom's `type="html"` titles are: escaped, so both feeds say the same
 * thing and neither runs it. A tag feed's channel title and description hold the tag's name, so
 * they are treated the same way.
 */
export const OUTPUT_FIELDS = {
  /** RSS 2.0 (`rss.xml`). */
  rss: {
    channelTitle: 'html',
    channelDescription: 'html',
    title: 'html',
    description: 'html',
    'content:encoded': 'html',
    category: 'text',
    'dc:creator': 'text',
  },
  /** Atom 1.0 (`atom.xml`): entry text constructs are written with `type="html"`. */
  atom: {
    feedTitle: 'text',
    subtitle: 'text',
    title: 'html',
    summary: 'html',
    content: 'html',
    category: 'text',
    author: 'text',
  },
  /** JSON Feed 1.1 (`feed.json`): only `content_html` is HTML, by the specification. */
  jsonFeed: {
    title: 'text',
    description: 'text',
    summary: 'text',
    content_html: 'html',
    content_text: 'text',
    tags: 'text',
    authors: 'text',
  },
  /** Open Graph and Twitter card `<meta content>`: link previews show it as text. */
  pageMeta: { content: 'text' },
  /** schema.org JSON-LD: every property used is of type Text or a URL. */
  jsonLd: {
    headline: 'text',
    description: 'text',
    keywords: 'text',
    author: 'text',
    correction: 'text',
    crumb: 'text',
  },
  /**
   * The JSON API (`/api/…`): every field is text a program reads as it is, except `body.html`,
   * the sanitized body.
   */
  api: { text: 'text', 'body.html': 'html' },
  /** Pagefind's result metadata and filters (shown as text), and its excerpts (HTML with `<mark>`). */
  search: { meta: 'text', filter: 'text', excerpt: 'html' },
} as const satisfies Record<string, Record<string, FieldType>>;

/** An output Warta writes. */
export type Output = keyof typeof OUTPUT_FIELDS;

/** A text-carrying field of `O`. */
export type OutputField<O extends Output> = keyof (typeof OUTPUT_FIELDS)[O] & string;

/** The fields of `O` whose consumers render HTML. */
export type HtmlField<O extends Output> = {
  [F in OutputField<O>]: (typeof OUTPUT_FIELDS)[O][F] extends 'html' ? F : never;
}[OutputField<O>];

/** How the consumer of `field` in `output` reads it. */
export function fieldType<O extends Output>(output: O, field: OutputField<O>): FieldType {
  return (OUTPUT_FIELDS[output] as Record<string, FieldType>)[field]!;
}

/**
 * Writes `]]>` as `]]&gt;`, which HTML reads the same: HTML fields of the XML feeds may be wrapped
 * in a CDATA section, and the Atom library splits only the first `]]>` it contains, so a second one
 * would end the section early and break the whole feed.
 */
export function escapeCdataEnd(html: string): string {
  return html.replaceAll(']]>', ']]&gt;');
}

/** Escapes plain text as HTML that renders as exactly that text (hast's serializer, `&` and `<`). */
export function escapeHtmlText(text: string): string {
  return escapeCdataEnd(toHtml({ type: 'text', value: text }));
}

/**
 * Turns plain text from an article into the value of `field` in `output`: escaped once as HTML when
 * the field's consumer renders HTML, unchanged when it shows text.
 */
export function textForField<O extends Output>(output: O, field: OutputField<O>, text: string): string {
  return fieldType(output, field) === 'html' ? escapeHtmlText(text) : text;
}

/**
 * Puts HTML that the Markdown pipeline has already sanitized into an HTML field of `output`; only
 * HTML fields take it, so sanitized markup is never shown as source or escaped a second time.
 */
export function htmlForField<O extends Output>(output: O, field: HtmlField<O>, html: string): string {
  if (fieldType(output, field) !== 'html') throw new Error(`${output} ${field} is not an HTML field`);
  return escapeCdataEnd(html);
}
