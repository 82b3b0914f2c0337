/**
 * Reads Warta's outputs the way their consumers do, to find a payload that would come alive: a feed
 * as a feed reader's XML parser sees it (entities and character references decoded, CDATA unwrapped),
 * each field it renders as HTML through parse5 with scripting on, as a browser parses it (hast's
 * parser turns scripting off, which reads `<noscript>` differently and hides an mXSS), and JSON-LD
 * out of a page's script elements. Shared by the unit, property and integration tests of hostile input.
 */
import { DOMParser } from 'linkedom';
import { parse, parseFragment as parse5Fragment, type DefaultTreeAdapterTypes as P5 } from 'parse5';
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

/** A node of parse5's tree: a document, a fragment, an element or text. */
type Node = P5.Node;

function childrenOf(node: Node): Node[] {
  const children: Node[] = 'childNodes' in node ? [...node.childNodes] : [];
  // A template's children live in its content fragment.
  if (node.nodeName === 'template') children.push(...(node as P5.Template).content.childNodes);
  return children;
}

function* elementsOf(node: Node): Generator<P5.Element> {
  for (const child of childrenOf(node)) {
    if ('tagName' in child) yield child;
    yield* elementsOf(child);
  }
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as P5.TextNode).value;
  return childrenOf(node).map(textOf).join('');
}

function attribute(element: P5.Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name && !attr.prefix)?.value;
}

/** Parses an HTML fragment as a browser would: the HTML standard's algorithm, scripting on. */
export function parseFragment(html: string): P5.DocumentFragment {
  return parse5Fragment(html, { scriptingEnabled: true });
}

/** The text a reader sees of an HTML fragment (comments are not text). */
export function htmlToText(html: string): string {
  return textOf(parseFragment(html));
}

/** The names of the elements an HTML fragment holds, in document order. */
export function elementNames(html: string): string[] {
  return [...elementsOf(parseFragment(html))].map((element) => element.tagName);
}

// Elements that run script, restyle or redirect the page, or load another document.
const LIVE_ELEMENTS = new Set(['script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'object', 'embed']);
// Attributes that hold an address (`xlink:href` is `href` with a prefix in parse5's tree).
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background']);

// Whether an element is a frame of an allowed embed host, over https.
function isAllowedFrame(element: P5.Element, frameHosts: readonly string[]): boolean {
  const src = attribute(element, 'src');
  if (element.tagName !== 'iframe' || src === undefined) return false;
  try {
    const url = new URL(src);
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
  for (const element of elementsOf(parseFragment(html))) {
    const tag = element.tagName;
    if (LIVE_ELEMENTS.has(tag) && !isAllowedFrame(element, frameHosts)) found.push(`<${tag}>`);
    for (const { name, value } of element.attrs) {
      if (name.startsWith('on')) found.push(`<${tag} ${name}>`);
      if (name === 'style' || name === 'srcdoc') found.push(`<${tag} ${name}>`);
      if (URL_ATTRIBUTES.has(name) && isDangerousUrl(value)) found.push(`<${tag} ${name}=${value.slice(0, 40)}>`);
      if (name === 'srcset' && value.split(',').some((candidate) => isDangerousUrl(candidate.trim()))) {
        found.push(`<${tag} srcset>`);
      }
    }
  }
  return found;
}

/** The JSON-LD blocks of a page, parsed the way a crawler reads them out of the HTML. */
export function readJsonLd(pageHtml: string): unknown[] {
  return [...elementsOf(parse(pageHtml, { scriptingEnabled: true }))]
    .filter((element) => element.tagName === 'script' && attribute(element, 'type') === 'application/ld+json')
    .map((element) => JSON.parse(textOf(element)) as unknown);
}

/** The `content` of every `<meta>` in a page, by its `property` or `name`. */
export function readMetaContents(pageHtml: string): { key: string; content: string }[] {
  const metas: { key: string; content: string }[] = [];
  for (const element of elementsOf(parse(pageHtml, { scriptingEnabled: true }))) {
    if (element.tagName !== 'meta') continue;
    const key = attribute(element, 'property') ?? attribute(element, 'name');
    const content = attribute(element, 'content');
    if (key !== undefined && content !== undefined) metas.push({ key, content });
  }
  return metas;
}
