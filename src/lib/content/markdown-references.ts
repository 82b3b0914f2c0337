/**
 * Finding the links and images in an article's Markdown body, with the line each is on, so that
 * `npm run check` can say which ones point nowhere. The body is parsed as Markdown (not searched
 * with a pattern), so code, escaped brackets and reference definitions are read as a reader sees them.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/** A link or image written in a Markdown body. */
export interface MarkdownReference {
  /** `link` for `[text](url)` and reference links, `image` for `![alt](src)`. */
  kind: 'link' | 'image';
  /** The address as written (after Markdown unescaping). */
  url: string;
  /** 1-based line within the body. */
  line: number;
}

// Every inline link, image and reference definition has "](", "]:" or "][" in it; a body without
// any is not parsed at all, which keeps checking thousands of link-free articles fast.
const MAY_HAVE_REFERENCES = /\][(:[]/;

// Constructs that can span a blank line or change how a later paragraph is read: fenced code,
// HTML blocks that end only at their closing tag, reference definitions (which any paragraph may
// use), and indented lines (code, or a list item's continuation).
const NEEDS_WHOLE_BODY = /^(?: {0,3}(?:```|~~~|<!--|<(?:pre|script|style|textarea)\b)| {0,3}\[[^\]]+\]:|(?: {4}|\t))/im;

/**
 * Lists the links and images of a Markdown body in reading order. Parsing is the slow part of
 * checking a large archive, so a plain body (paragraphs, headings, lists without nesting) has only
 * its blocks that may hold a link parsed, each on its own; anything subtler is parsed whole.
 */
export function findMarkdownReferences(body: string): MarkdownReference[] {
  if (!MAY_HAVE_REFERENCES.test(body)) return [];
  if (NEEDS_WHOLE_BODY.test(body)) return parseReferences(body, 0);
  const references: MarkdownReference[] = [];
  const lines = body.split('\n');
  let start = 0;
  for (let index = 0; index <= lines.length; index += 1) {
    if (index < lines.length && lines[index]!.trim() !== '') continue;
    if (index > start) {
      const block = lines.slice(start, index).join('\n');
      if (MAY_HAVE_REFERENCES.test(block)) references.push(...parseReferences(block, start));
    }
    start = index + 1;
  }
  return references;
}

function parseReferences(markdown: string, lineOffset: number): MarkdownReference[] {
  const tree = fromMarkdown(markdown);
  const definitions = new Map<string, { url: string; line: number }>();
  const references: MarkdownReference[] = [];
  const pending: { kind: 'link' | 'image'; identifier: string; line: number }[] = [];

  const walk = (node: Nodes): void => {
    const line = (node.position?.start.line ?? 1) + lineOffset;
    if (node.type === 'link') references.push({ kind: 'link', url: node.url, line });
    else if (node.type === 'image') references.push({ kind: 'image', url: node.url, line });
    else if (node.type === 'definition') {
      // The first definition of a label wins, as in CommonMark.
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, { url: node.url, line });
    } else if (node.type === 'linkReference') pending.push({ kind: 'link', identifier: node.identifier, line });
    else if (node.type === 'imageReference') pending.push({ kind: 'image', identifier: node.identifier, line });
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);

  // A reference link is reported where it is used; its address comes from the definition.
  for (const use of pending) {
    const definition = definitions.get(use.identifier);
    if (definition) references.push({ kind: use.kind, url: definition.url, line: use.line });
  }
  return references.sort((a, b) => a.line - b.line);
}
