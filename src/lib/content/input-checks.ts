/**
 * Checks on what an article carries beyond its schema, for input from many hands and old systems:
 * characters no web page or feed can hold, lists too long to publish, slugs too long for a file
 * name, and image addresses that are not images. Each finding is a problem naming file and field.
 */
import type { Problem } from '../core/problems';
import { slugify } from '../core/slugs';

/** Most tags one article may carry; a longer list is an import gone wrong, not a subject index. */
export const MAX_TAGS = 100;

/** Most authors one article may name. */
export const MAX_AUTHORS = 50;

/**
 * Longest URL slug, in UTF-8 bytes. A slug becomes a folder name, and file systems refuse names
 * over 255 bytes; the margin leaves room for a `-2` suffix and for percent-encoding by servers.
 */
export const MAX_SLUG_BYTES = 200;

/**
 * Deepest nesting of block quotes, lists and HTML elements an article may have. Renderers walk
 * the tree recursively, and a few thousand levels overflow the stack; real articles stay far below.
 */
export const MAX_NESTING = 100;

/** A character that cannot be published, and where it is. */
export interface UnsafeCharacter {
  /** UTF-16 index in the text. */
  index: number;
  /** The character as `U+0007`. */
  codePoint: string;
}

// C0 controls other than tab, line feed and carriage return are not allowed in XML 1.0, so one in
// a title breaks every feed and sitemap that carries it; U+FFFE/U+FFFF are not characters at all,
// and a lone surrogate (from a YAML escape like "\uD800") cannot be written as UTF-8.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;

/** Finds the first character in `text` that no HTML page, feed or sitemap can carry. */
export function findUnsafeCharacter(text: string): UnsafeCharacter | undefined {
  const match = UNSAFE_RE.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!;
  return { index: match.index, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` };
}

const encoder = new TextEncoder();

/** How many bytes `text` takes as UTF-8, the unit file systems count names in. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** What {@link checkArticleInput} reads: the raw frontmatter, the body and where things are. */
export interface ArticleInput {
  /** The file, as problems name it. */
  file: string;
  /** The frontmatter as parsed, before the schema. */
  data: Record<string, unknown>;
  /** The Markdown body. */
  body: string;
  /** 1-based file line where the body starts. */
  bodyLine: number;
  /** The URL slug the article gets. */
  slug: string;
  /** The 1-based file line of a frontmatter field. */
  at: (path: readonly (string | number)[]) => number;
}

function* strings(value: unknown, path: (string | number)[]): Generator<[string, (string | number)[]]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, [...path, index]);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
  }
}

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** How deep a body's nesting may be at a line, and the line where it is deepest. */
export interface NestingDepth {
  /** The deepest nesting found (an upper bound: every marker and open tag counts). */
  depth: number;
  /** 0-based line of the body where it was found. */
  line: number;
}

/**
 * Estimates from the text alone how deeply block quotes (`>`), lists and HTML elements nest in a
 * Markdown body, skipping fenced code. It never underestimates, so an article under the limit is
 * sure to render; it runs in one pass, so it is cheap even for megabytes.
 */
export function estimateNestingDepth(body: string): NestingDepth {
  let fence: string | undefined;
  let html = 0;
  let deepest: NestingDepth = { depth: 0, line: 0 };
  body.split('\n').forEach((line, index) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      return;
    }
    if (fence !== undefined) return;
    const lead = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/.exec(line)?.[0] ?? '';
    const quotes = lead.split('>').length - 1;
    const lists = lead.match(/[-*+]|\d{1,9}[.)]/g)?.length ?? 0;
    const indent = lead.replace(/[^ \t]/g, '').replace(/\t/g, '    ').length;
    const blocks = quotes + lists + Math.floor(indent / 2);
    let depth = blocks + html;
    for (const match of line.matchAll(/<(\/?)([a-z][a-z0-9-]*)\b[^<>]*?(\/?)>/gi)) {
      const [, closing, name = '', selfClosing] = match;
      if (VOID_ELEMENTS.has(name.toLowerCase()) || selfClosing === '/') continue;
      html = closing === '/' ? Math.max(0, html - 1) : html + 1;
      depth = Math.max(depth, blocks + html);
    }
    if (depth > deepest.depth) deepest = { depth, line: index };
  });
  return deepest;
}

function unsafeMessage(found: UnsafeCharacter): string {
  return `contains the character ${found.codePoint}, which web pages and feeds cannot carry; remove it`;
}

function isAllowedImageSource(src: string): boolean {
  // A scheme (`javascript:`, `data:`) or a `//host` makes it an address; only http(s) ones are images.
  if (/^\s*[a-z][a-z0-9+.-]*:/i.test(src) || /^\s*[\\/]{2}/.test(src)) {
    try {
      const url = new URL(src.trim());
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Checks an article's raw frontmatter and body for input that would break or endanger the
 * published archive, and returns every problem found.
 */
export function checkArticleInput({ file, data, body, bodyLine, slug, at }: ArticleInput): Problem[] {
  const problems: Problem[] = [];
  const report = (path: readonly (string | number)[], message: string, line = at(path)) =>
    problems.push({ file, line, field: path.length > 0 ? path.join('.') : 'frontmatter', message, severity: 'error' });

  for (const [text, path] of strings(data, [])) {
    const found = findUnsafeCharacter(text);
    if (found) report(path, unsafeMessage(found));
  }
  const inBody = findUnsafeCharacter(body);
  if (inBody) {
    const line = bodyLine + (body.slice(0, inBody.index).match(/\n/g)?.length ?? 0);
    report(['body'], unsafeMessage(inBody), line);
  }

  const nesting = estimateNestingDepth(body);
  if (nesting.depth > MAX_NESTING) {
    report(
      ['body'],
      `nests block quotes, lists or HTML elements ${nesting.depth} levels deep; at most ${MAX_NESTING} can be rendered`,
      bodyLine + nesting.line,
    );
  }

  for (const [field, limit] of [
    ['tags', MAX_TAGS],
    ['authors', MAX_AUTHORS],
  ] as const) {
    const list = data[field];
    if (!Array.isArray(list)) continue;
    if (list.length > limit) {
      report([field], `has ${list.length} entries; an article may have at most ${limit}`);
      continue;
    }
    list.forEach((item: unknown, index) => {
      if (typeof item !== 'string') return;
      const bytes = utf8Length(slugify(item));
      if (bytes > MAX_SLUG_BYTES) {
        report(
          [field, index],
          `is too long for a web address (its URL slug would be ${bytes} bytes, at most ${MAX_SLUG_BYTES}); shorten it`,
        );
      }
    });
  }

  const slugBytes = utf8Length(slug);
  if (slugBytes > MAX_SLUG_BYTES) {
    const written = typeof data['slug'] === 'string';
    report(
      ['slug'],
      `gives a URL slug of ${slugBytes} bytes, over the ${MAX_SLUG_BYTES} that file systems and servers take; ` +
        `set a shorter "slug:"`,
      written ? at(['slug']) : 1,
    );
  }

  const aliases = data['aliases'];
  if (Array.isArray(aliases)) {
    aliases.forEach((alias: unknown, index) => {
      if (typeof alias !== 'string' || findUnsafeCharacter(alias)) return;
      let decoded: string;
      try {
        decoded = decodeURIComponent(alias);
      } catch {
        return; // The schema reports a broken %-escape.
      }
      const found = findUnsafeCharacter(decoded);
      if (found)
        report(['aliases', index], `"${alias}" decodes to the character ${found.codePoint}; no path may hold it`);
    });
  }

  const image = data['image'];
  if (image !== null && typeof image === 'object' && !Array.isArray(image)) {
    const src = (image as Record<string, unknown>)['src'];
    if (typeof src === 'string' && !isAllowedImageSource(src)) {
      const shown = src.length > 40 ? `${src.slice(0, 40)}…` : src;
      report(['image', 'src'], `must be a path next to the article or an http(s) address, not "${shown}"`);
    }
  }
  return problems;
}

function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10 && current instanceof Error && current.cause !== undefined; depth += 1) {
    current = current.cause;
  }
  return current;
}

/**
 * Turns an error thrown while rendering an article's Markdown into a problem naming the file, so a
 * pathological body (block quotes nested 50,000 deep overflow every tree walker) stops the build
 * with a sentence instead of a stack trace.
 */
export function renderFailureProblem(file: string, error: unknown): Problem {
  const messages = [error, rootCause(error)].map((e) => (e instanceof Error ? e.message : String(e)));
  const overflow = messages.some((m) => m.includes('Maximum call stack size exceeded'));
  const detail = (messages[1] ?? '').split('\n').find((line) => line.trim() !== '' && !/^Failed to parse/.test(line));
  return {
    file,
    field: 'body',
    message: overflow
      ? 'is nested too deeply to render (block quotes, lists or HTML elements inside one another); flatten it'
      : `could not be rendered: ${detail ?? 'unknown error'}`,
    severity: 'error',
  };
}
