/**
 * Reads Warta's outputs the way their consumers do, to find a payload that would come alive: a feed
 * as a feed reader's XML parser sees it (entities and character references decoded, CDATA unwrapped),
 * each field it renders as HTML through a spec-compliant HTML parser (parse5, via hast), and JSON-LD
 * out of a page's script elements. Shared by the unit, property and integration tests of hostile input.
 */
import type { Element, Nodes, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { DOMParser } from 'linkedom';
import { visit } from 'unist-util-visit';
import { isDangerousUrl } from './page-safety';

/** How a consumer reads a field: shown as text, or rendered as HTML. */
export type ReadAs = 'text' | 'html';

/** One text-carrying field of a feed, as its consumer receives it. */
export interface FeedField {
  /** Where it is: `item 0 description`, `channel title`, `entry 2 author`. */
  where: string;
  /** How a reader treats it. */
  readAs: ReadAs;
  /** Its value after XML (or JSON) parsing: the text, or the HTML source a reader renders. */
  value: string;
}

function xmlDocument(xml: string) {
  return new DOMParser().parseFromString(xml, 'text/xml');
}

// linkedom decodes an XML attribute's entities but hands the value back with "<", ">" and "&" escaped
// again; undone here (in that order), the value is what an XML parser gives a feed reader.
function xmlAttribute(element: { getAttribute(name: string): string | null }, name: string): string {
  return (element.getAttribute(name) ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/**
 * Every text-carrying field of an RSS 2.0 feed. Readers render titles (the channel's and each item's),
 * descriptions and `content:encoded` as HTML (RSS defines only an item's description so, but readers
 * do not tell them apart); categories and creators are shown as text.
 */
export function readRssFields(xml: string): FeedField[] {
  const document = xmlDocument(xml);
  const fields: FeedField[] = [];
  const channel = document.querySelector('channel');
  for (const child of channel?.children ?? []) {
    if (child.tagName === 'title' || child.tagName === 'description') {
      fields.push({ where: `channel ${child.tagName}`, readAs: 'html', value: child.textContent ?? '' });
    }
  }
  [...document.querySelectorAll('item')].forEach((item, index) => {
    for (const child of item.children) {
      const name = child.tagName;
      const readAs = ['title', 'description', 'content:encoded'].includes(name) ? 'html' : 'text';
      if (['title', 'description', 'content:encoded', 'category', 'dc:creator'].includes(name)) {
        fields.push({ where: `item ${index} ${name}`, readAs, value: child.textContent ?? '' });
      }
    }
  });
  return fields;
}

/**
 * Every text-carrying field of an Atom 1.0 feed: text constructs read as their `type` attribute says
 * (`text` unless given), author names and category terms as text.
 */
export function readAtomFields(xml: string): FeedField[] {
  const document = xmlDocument(xml);
  const fields: FeedField[] = [];
  const feed = document.querySelector('feed');
  const construct = (
    element: { getAttribute(name: string): string | null; textContent: string | null },
    where: string,
  ) => {
    const type = element.getAttribute('type') ?? 'text';
    fields.push({ where, readAs: type === 'text' ? 'text' : 'html', value: element.textContent ?? '' });
  };
  for (const child of feed?.children ?? []) {
    if (child.tagName === 'title' || child.tagName === 'subtitle') construct(child, `feed ${child.tagName}`);
  }
  [...document.querySelectorAll('entry')].forEach((entry, index) => {
    for (const child of entry.children) {
      if (['title', 'summary', 'content'].includes(child.tagName)) construct(child, `entry ${index} ${child.tagName}`);
      if (child.tagName === 'author') {
        const name = child.querySelector('name')?.textContent ?? '';
        fields.push({ where: `entry ${index} author`, readAs: 'text', value: name });
      }
      if (child.tagName === 'category') {
        fields.push({ where: `entry ${index} category`, readAs: 'text', value: xmlAttribute(child, 'term') });
      }
    }
  });
  return fields;
}

/** A JSON Feed 1.1 item's text-carrying fields, as its consumer reads them. */
interface JsonFeedShape {
  title?: string;
  description?: string;
  items?: {
    title?: string;
    summary?: string;
    content_html?: string;
    content_text?: string;
    tags?: string[];
    authors?: { name: string }[];
  }[];
}

/** Every text-carrying field of a JSON Feed: `content_html` is HTML, everything else text. */
export function readJsonFeedFields(json: string): FeedField[] {
  const feed = JSON.parse(json) as JsonFeedShape;
  const fields: FeedField[] = [];
  const add = (where: string, readAs: ReadAs, value: string | undefined) => {
    if (value !== undefined) fields.push({ where, readAs, value });
  };
  add('feed title', 'text', feed.title);
  add('feed description', 'text', feed.description);
  (feed.items ?? []).forEach((item, index) => {
    add(`item ${index} title`, 'text', item.title);
    add(`item ${index} summary`, 'text', item.summary);
    add(`item ${index} content_html`, 'html', item.content_html);
    add(`item ${index} content_text`, 'text', item.content_text);
    for (const tag of item.tags ?? []) add(`item ${index} tag`, 'text', tag);
    for (const author of item.authors ?? []) add(`item ${index} author`, 'text', author.name);
  });
  return fields;
}

/** Parses an HTML fragment as a browser would (parse5, the HTML standard's algorithm). */
export function parseFragment(html: string): Root {
  return fromHtml(html, { fragment: true });
}

// The text of a hast node: its text nodes joined (comments are not text a reader sees).
function toString(node: Nodes): string {
  let text = '';
  visit(node, 'text', (child: Text) => {
    text += child.value;
  });
  return text;
}

/** The text a reader sees of an HTML fragment. */
export function htmlToText(html: string): string {
  return toString(parseFragment(html));
}

/** The names of the elements an HTML fragment holds, in document order. */
export function elementNames(html: string): string[] {
  const names: string[] = [];
  visit(parseFragment(html), 'element', (node: Element) => {
    names.push(node.tagName);
  });
  return names;
}

// Elements that run script, restyle or redirect the page, or load another document.
const LIVE_ELEMENTS = new Set(['script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'object', 'embed']);
// hast property names of attributes that hold an address.
const URL_PROPERTIES = new Set(['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'data', 'cite']);

// Whether an element is a frame of an allowed embed host, over https.
function isAllowedFrame(node: Element, frameHosts: readonly string[]): boolean {
  if (node.tagName !== 'iframe' || typeof node.properties['src'] !== 'string') return false;
  try {
    const url = new URL(node.properties['src']);
    return url.protocol === 'https:' && frameHosts.includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Lists what would come alive if an HTML fragment were rendered: script, style, link, meta, base and
 * framing elements (but frames of `frameHosts`, the embed allow-list), `on*` handlers, `style`
 * attributes, `srcdoc`, and `javascript:`/`vbscript:`/`data:` addresses. Empty when the fragment is safe.
 */
export function findLiveMarkup(html: string, frameHosts: readonly string[] = []): string[] {
  const found: string[] = [];
  visit(parseFragment(html), 'element', (node: Element) => {
    if (LIVE_ELEMENTS.has(node.tagName) && !isAllowedFrame(node, frameHosts)) found.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) found.push(`<${node.tagName} ${lower}>`);
      if (lower === 'style' || lower === 'srcdoc') found.push(`<${node.tagName} ${lower}>`);
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      if (URL_PROPERTIES.has(name) && values.some(isDangerousUrl)) found.push(`<${node.tagName} ${name}=${values[0]}>`);
      if (name === 'srcSet' && values.some((candidate) => isDangerousUrl(candidate.trim()))) {
        found.push(`<${node.tagName} srcset>`);
      }
    }
  });
  return found;
}

/** The JSON-LD blocks of a page, parsed the way a crawler reads them out of the HTML. */
export function readJsonLd(pageHtml: string): unknown[] {
  const blocks: unknown[] = [];
  visit(fromHtml(pageHtml), 'element', (node: Element) => {
    if (node.tagName === 'script' && node.properties['type'] === 'application/ld+json') {
      blocks.push(JSON.parse(toString(node)) as unknown);
    }
  });
  return blocks;
}

/** The `content` of every `<meta>` in a page, by its `property` or `name`. */
export function readMetaContents(pageHtml: string): { key: string; content: string }[] {
  const metas: { key: string; content: string }[] = [];
  visit(fromHtml(pageHtml), 'element', (node: Element) => {
    if (node.tagName !== 'meta') return;
    const key = node.properties['property'] ?? node.properties['name'];
    if (typeof key === 'string' && typeof node.properties['content'] === 'string') {
      metas.push({ key, content: node.properties['content'] });
    }
  });
  return metas;
}
