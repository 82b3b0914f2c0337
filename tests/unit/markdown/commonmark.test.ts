/**
 * CommonMark conformance: every example of the CommonMark specification (npm `commonmark-spec`)
 * goes through the production Markdown pipeline and must render as the reference does, except the
 * deliberate differences listed here by example number (documented in docs/markdown-conformance.md).
 * Each listed difference is checked to be what it says, and to still exist.
 */
import spec from 'commonmark-spec';
import type { Element, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { createArticleRenderer } from '../../../src/markdown/index';
import { EMBED_HOSTS } from '../../../src/markdown/rehype-embeds';
import { findScriptRisks } from '../../helpers/page-safety';

/** Why an example renders differently from the reference. */
type Difference =
  | 'heading-ids'
  | 'lazy-images'
  | 'image-figures'
  | 'external-links'
  | 'smart-punctuation'
  | 'smart-backticks'
  | 'raw-html'
  | 'url-schemes'
  | 'gfm-autolinks'
  | 'upstream-pre-newline';

/** The deliberate differences, by reason, with the examples (spec 0.31.2 numbering) that show them. */
const DIFFERENCES: Record<Difference, readonly number[]> = {
  // Headings get an id (rehype-slug) and a "#" anchor (rehype-autolink-headings).
  'heading-ids': [
    10, 59, 62, 66, 67, 68, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 86, 89, 90, 91, 95, 96, 102, 103,
    115, 141, 214, 215, 227, 228, 229, 230, 232, 300, 646, 647,
  ],
  // Images load lazily (rehypeLazyImages).
  'lazy-images': [
    475, 517, 520, 531, 572, 573, 574, 575, 576, 577, 578, 579, 580, 581, 582, 583, 584, 585, 586, 587, 588, 589, 591,
  ],
  // A paragraph holding only a titled image becomes a figure whose caption is the title
  // (rehypeImageFigures), so every reader sees it, not only mouse users hovering a tooltip.
  'image-figures': [572, 573, 576, 577, 584, 585, 586, 588, 589, 591],
  // Links to other sites get class="external" and rel="noopener noreferrer" (rehype-external-links).
  'external-links': [20, 346, 480, 481, 501, 526, 538, 594, 595, 600, 602, 603, 608, 611],
  // Astro's smartypants: curly quotes, "--" as an em dash, "..." as an ellipsis.
  'smart-punctuation': [
    12, 14, 27, 41, 46, 91, 197, 209, 210, 343, 352, 359, 363, 380, 385, 395, 508, 590, 619, 620, 622, 624, 626, 650,
  ],
  // Smartypants also reads ``text'' as typographic quotes, so a stray `` becomes “.
  'smart-backticks': [347],
  // Raw HTML is parsed into elements and sanitized: elements, attributes and comments outside the
  // allow-list are removed, and what is left open is closed, as a browser would.
  'raw-html': [
    21, 31, 150, 152, 153, 154, 163, 164, 169, 170, 171, 172, 173, 176, 177, 178, 179, 180, 182, 183, 187, 201, 308,
    309, 344, 476, 477, 491, 494, 524, 536, 613, 614, 615, 616, 617, 625, 626, 627, 628, 629, 630, 631, 642, 643,
  ],
  // Links keep their address only for http, https, mailto and the sanitizer's other known schemes
  // (lower-case), so `javascript:` and made-up schemes cannot reach a reader.
  'url-schemes': [500, 597, 598, 599, 601],
  // GitHub-flavoured Markdown (on in Astro) links bare addresses and e-mail addresses.
  'gfm-autolinks': [602, 606, 608, 611, 612],
  // hast-util-raw, which Astro always runs, drops a code block's first line when it is empty.
  'upstream-pre-newline': [127],
};

// Differences that only add to the reference; undoing them must give the reference back exactly.
const REVERSIBLE: ReadonlySet<Difference> = new Set([
  'heading-ids',
  'lazy-images',
  'image-figures',
  'external-links',
  'smart-punctuation',
]);

const BLOCK = new Set(
  'p h1 h2 h3 h4 h5 h6 ul ol li blockquote pre hr table thead tbody tr th td div section aside'.split(' '),
);

function serialize(nodes: readonly RootContent[], inPre: boolean): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += inPre ? node.value : node.value.replace(/\s+/g, ' ');
    else if (node.type === 'comment') out += `<!--${node.value}-->`;
    else if (node.type === 'element') {
      const attributes = Object.entries(node.properties)
        .map(([name, value]) => ` ${name}="${Array.isArray(value) ? value.join(' ') : String(value)}"`)
        .sort()
        .join('');
      const inner = serialize(node.children, inPre || node.tagName === 'pre');
      const html = `<${node.tagName}${attributes}>${BLOCK.has(node.tagName) ? inner.trim() : inner}</${node.tagName}>`;
      out += BLOCK.has(node.tagName) ? `\n${html}\n` : html;
    }
  }
  return out;
}

/**
 * Normalizes HTML the way the CommonMark test suite does: parsed, attributes sorted, whitespace
 * collapsed outside `<pre>` and dropped around block elements.
 */
function normalize(html: string, undo: ReadonlySet<Difference> = new Set()): string {
  const tree = fromHtml(html, { fragment: true });
  const children = undoDifferences(tree.children, undo);
  return serialize(children, false)
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}

function undoDifferences(nodes: RootContent[], undo: ReadonlySet<Difference>): RootContent[] {
  const kept: RootContent[] = [];
  for (const node of nodes) {
    if (node.type === 'element') {
      const element: Element = node;
      const className = element.properties['className'];
      const classes = Array.isArray(className) ? className : [];
      if (undo.has('heading-ids') && element.tagName === 'a' && classes.includes('heading-anchor')) continue;
      if (undo.has('heading-ids') && /^h[1-6]$/.test(element.tagName)) delete element.properties['id'];
      if (undo.has('lazy-images') && element.tagName === 'img') {
        delete element.properties['loading'];
        delete element.properties['decoding'];
      }
      if (undo.has('image-figures') && element.tagName === 'figure') {
        const image = element.children.find(
          (child): child is Element => child.type === 'element' && child.tagName === 'img',
        );
        const caption = element.children.find(
          (child): child is Element => child.type === 'element' && child.tagName === 'figcaption',
        );
        const title = caption?.children.map((child) => (child.type === 'text' ? child.value : '')).join('') ?? '';
        if (image) {
          image.properties['title'] = title;
          element.tagName = 'p';
          element.children = [image];
        }
      }
      if (undo.has('external-links') && element.tagName === 'a' && classes.includes('external')) {
        delete element.properties['className'];
        delete element.properties['rel'];
      }
      element.children = undoDifferences(element.children, undo) as Element['children'];
    } else if (node.type === 'text' && undo.has('smart-punctuation')) {
      node.value = node.value.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/—/g, '--').replace(/…/g, '...');
    }
    kept.push(node);
  }
  return kept;
}

const examples = spec.tests.map((test) => ({
  ...test,
  // The specification writes tabs as "→".
  markdown: test.markdown.replace(/→/g, '\t'),
  html: test.html.replace(/→/g, '\t'),
}));

const reasonsOf = new Map<number, Set<Difference>>();
for (const [reason, numbers] of Object.entries(DIFFERENCES) as [Difference, readonly number[]][]) {
  for (const number of numbers) {
    const reasons = reasonsOf.get(number) ?? new Set<Difference>();
    reasons.add(reason);
    reasonsOf.set(number, reasons);
  }
}

const rendered = new Map<number, string>();

beforeAll(async () => {
  // Exactly what the build runs (astro.config.mjs hands these lists to Astro's unified processor).
  const processor = await createArticleRenderer();
  for (const example of examples) rendered.set(example.number, (await processor.render(example.markdown)).code);
});

describe('CommonMark specification examples', () => {
  it('are all there: the spec this list was made for', () => {
    expect(examples).toHaveLength(652);
    expect(Math.max(...reasonsOf.keys())).toBeLessThanOrEqual(652);
  });

  it('render as the reference does, except the listed differences', () => {
    const mismatches = examples
      .filter((example) => !reasonsOf.has(example.number))
      .filter((example) => normalize(rendered.get(example.number)!) !== normalize(example.html))
      .map((example) => `#${example.number} (${example.section})`);
    expect(mismatches).toEqual([]);
  });

  it('still differ where listed, so the list stays exact', () => {
    const matching = [...reasonsOf.keys()].filter((number) => {
      const example = examples[number - 1]!;
      return normalize(rendered.get(number)!) === normalize(example.html);
    });
    expect(matching).toEqual([]);
  });

  it('differ only by ids, anchors, lazy images, link rel and typography where that is the reason given', () => {
    const unexplained = [...reasonsOf]
      .filter(([, reasons]) => [...reasons].every((reason) => REVERSIBLE.has(reason)))
      .filter(
        ([number, reasons]) => normalize(rendered.get(number)!, reasons) !== normalize(examples[number - 1]!.html),
      )
      .map(([number]) => number);
    expect(unexplained).toEqual([]);
  });

  it('let no script through where raw HTML or a link scheme was changed', () => {
    for (const number of [...DIFFERENCES['raw-html'], ...DIFFERENCES['url-schemes']]) {
      expect(findScriptRisks(rendered.get(number)!, { frameHosts: EMBED_HOSTS }), `#${number}`).toEqual([]);
    }
    for (const number of DIFFERENCES['url-schemes']) {
      expect(rendered.get(number), `#${number}`).toMatch(/<a>[^<]+<\/a>/);
    }
  });

  it('link bare addresses as GitHub does', () => {
    for (const number of DIFFERENCES['gfm-autolinks']) {
      expect(rendered.get(number), `#${number}`).toMatch(/<a href="(https:\/\/|mailto:)[^"]+"/);
    }
  });

  it('lose only the empty first line of a code block to the upstream bug', () => {
    const [number] = DIFFERENCES['upstream-pre-newline'];
    const reference = examples[number! - 1]!.html.replace('<pre><code>\n', '<pre><code>');
    expect(normalize(rendered.get(number!)!)).toBe(normalize(reference));
  });
});
