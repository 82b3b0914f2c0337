/**
 * Reading the addresses a built page or stylesheet names, and the fragments a page offers, from its
 * text: every place a browser, a feed reader or a crawler follows (`href`, `src`, `srcset`
 * candidates, CSS `url()` and `@import`, preview meta tags, a refresh redirect, JSON-LD), parsed with
 * htmlparser2 as the page is written, without a browser or a server.
 */
import { Parser } from 'htmlparser2';

/** What one HTML page names and offers. */
export interface PageLinks {
  /** Every address on the page, as written (entities decoded), in document order. */
  addresses: string[];
  /** Every fragment the page offers: each element's `id`, and `<a name>`. */
  ids: Set<string>;
  /** The page's `<base href>`, when it has one: relative addresses resolve against it. */
  baseHref?: string;
  /** Why a JSON-LD block could not be read, when one could not. */
  structuredDataErrors: string[];
}

// Attributes that hold one address, by element.
const ADDRESS_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  iframe: ['src'],
  source: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  input: ['src'],
  object: ['data'],
  // SVG inside a page: sprites and pictures.
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

// Attributes that hold a list of picture candidates.
const SRCSET_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  img: ['srcset'],
  source: ['srcset'],
  link: ['imagesrcset'],
};

// Meta tags whose content is an address a link preview or a crawler fetches.
const ADDRESS_META = new Set([
  'og:image',
  'og:image:url',
  'og:image:secure_url',
  'og:url',
  'og:audio',
  'og:video',
  'twitter:image',
  'twitter:image:src',
  'twitter:player',
  'msapplication-tileimage',
]);

/**
 * The addresses of a `srcset` attribute, one per candidate, as the HTML standard splits it: an
 * address runs to the next white space, and a comma ends a candidate unless it is inside the
 * parentheses of a descriptor.
 */
export function parseSrcset(srcset: string): string[] {
  const addresses: string[] = [];
  let at = 0;
  while (at < srcset.length) {
    while (at < srcset.length && /[\s,]/.test(srcset[at]!)) at += 1;
    if (at >= srcset.length) break;
    let end = at;
    while (end < srcset.length && !/\s/.test(srcset[end]!)) end += 1;
    let address = srcset.slice(at, end);
    at = end;
    if (address.endsWith(',')) {
      // `a.jpg,b.jpg 2x`: the commas end the candidate, there is no descriptor.
      address = address.replace(/,+$/, '');
    } else {
      let depth = 0;
      while (at < srcset.length) {
        const char = srcset[at]!;
        if (char === '(') depth += 1;
        else if (char === ')') depth = Math.max(0, depth - 1);
        else if (char === ',' && depth === 0) break;
        at += 1;
      }
    }
    if (address) addresses.push(address);
  }
  return addresses;
}

/** The addresses of a stylesheet's `url()`s and `@import`s, as written, comments skipped. */
export function readCssAddresses(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const addresses: string[] = [];
  const pattern = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  for (const match of text.matchAll(pattern)) {
    const address = match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5];
    if (address) addresses.push(address);
  }
  return addresses;
}

// Every full web address among the strings of a JSON value.
function collectJsonAddresses(value: unknown, into: string[]): void {
  if (typeof value === 'string') {
    if (/^https?:\/\//i.test(value)) into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectJsonAddresses(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) collectJsonAddresses(item, into);
  }
}

/** Reads the addresses a page names and the fragments it offers. */
export function readPageLinks(html: string): PageLinks {
  const addresses: string[] = [];
  const ids = new Set<string>();
  const structuredDataErrors: string[] = [];
  let baseHref: string | undefined;
  // Text of the <style> or JSON-LD <script> being read, if any.
  let collecting: { kind: 'style' | 'json-ld'; text: string } | undefined;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const id = attributes['id'];
        if (id) ids.add(id);
        if (name === 'a' && attributes['name']) ids.add(attributes['name']);
        for (const attribute of ADDRESS_ATTRIBUTES[name] ?? []) {
          const value = attributes[attribute];
          if (value !== undefined) addresses.push(value);
        }
        for (const attribute of SRCSET_ATTRIBUTES[name] ?? []) {
          const value = attributes[attribute];
          if (value !== undefined) addresses.push(...parseSrcset(value));
        }
        const style = attributes['style'];
        if (style) addresses.push(...readCssAddresses(style));
        if (name === 'base' && attributes['href'] !== undefined && baseHref === undefined) {
          baseHref = attributes['href'];
        } else if (name === 'meta') {
          const key = (attributes['property'] ?? attributes['name'] ?? '').toLowerCase();
          const content = attributes['content'];
          if (content !== undefined && ADDRESS_META.has(key)) addresses.push(content);
          if (content !== undefined && attributes['http-equiv']?.toLowerCase() === 'refresh') {
            const target = /^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(["']?)(.+?)\1\s*$/i.exec(content)?.[2];
            if (target) addresses.push(target);
          }
        } else if (name === 'style') {
          collecting = { kind: 'style', text: '' };
        } else if (name === 'script' && attributes['type']?.toLowerCase() === 'application/ld+json') {
          collecting = { kind: 'json-ld', text: '' };
        }
      },
      ontext(text) {
        if (collecting) collecting.text += text;
      },
      onclosetag(name) {
        if (!collecting || (name !== 'style' && name !== 'script')) return;
        if (collecting.kind === 'style') addresses.push(...readCssAddresses(collecting.text));
        else {
          try {
            collectJsonAddresses(JSON.parse(collecting.text), addresses);
          } catch (error) {
            structuredDataErrors.push(error instanceof Error ? error.message : String(error));
          }
        }
        collecting = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { addresses, ids, ...(baseHref === undefined ? {} : { baseHref }), structuredDataErrors };
}
