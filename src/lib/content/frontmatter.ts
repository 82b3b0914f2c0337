/**
 * Splits an article file into YAML frontmatter and Markdown body, and parses the YAML safely:
 * YAML 1.2 core schema (dates stay text, so `2023-02-30` can be refused instead of rolled over),
 * duplicate keys refused, alias expansion capped, and every error given a line number.
 */
import {
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type YAMLError,
} from 'yaml';

/** Frontmatter parsed from a file, able to say on which line a field was written. */
export interface ParsedFrontmatter {
  /** The frontmatter as plain data. */
  data: Record<string, unknown>;
  /** The Markdown after the frontmatter, line endings normalised to `\n`. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** The 1-based file line of a field (`['source', 'url']`), or of its nearest written parent. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** A problem in the frontmatter's syntax, before any field is looked at. */
export interface FrontmatterSyntaxError {
  /** 1-based line in the file. */
  line?: number;
  /** What is wrong. */
  message: string;
}

/** The outcome of splitting and parsing a file. */
export type FrontmatterResult =
  { ok: true; value: ParsedFrontmatter } | { ok: false; errors: FrontmatterSyntaxError[] };

const MAX_ALIASES = 100;

/** Normalises a file's text: drops a byte-order mark and turns CRLF and lone CR into LF. */
export function normalizeSource(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Splits `source` into frontmatter and body and parses the frontmatter. */
export function parseFrontmatter(source: string): FrontmatterResult {
  const text = normalizeSource(source);
  if (text.trim() === '') {
    return {
      ok: false,
      errors: [{ line: 1, message: 'the file is empty; an article needs frontmatter with at least title and date' }],
    };
  }
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') {
    return {
      ok: false,
      errors: [
        {
          line: 1,
          message: 'the file does not start with frontmatter; put a line "---" first, the fields, then another "---"',
        },
      ],
    };
  }
  const closing = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (closing === -1) {
    return {
      ok: false,
      errors: [{ line: 1, message: 'the frontmatter is never closed; add a line "---" after the last field' }],
    };
  }

  const yamlText = lines.slice(1, closing).join('\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    lineCounter,
    strict: true,
  });
  // The YAML starts on the file's second line.
  const fileLine = (offset: number): number => lineCounter.linePos(offset).line + 1;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => {
        const opened = findUnclosedStart(doc, error);
        return opened
          ? { line: fileLine(opened.offset), message: `malformed YAML: ${opened.message}` }
          : { line: fileLine(error.pos[0]), message: `malformed YAML: ${firstSentence(error.message)}` };
      }),
    };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return {
      ok: false,
      errors: [{ line: 2, message: `malformed YAML: ${firstSentence(String((error as Error).message))}` }],
    };
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: [{ line: 2, message: 'the frontmatter must be a list of "field: value" lines' }] };
  }

  const body = lines.slice(closing + 1).join('\n');
  return {
    ok: true,
    value: {
      data: data as Record<string, unknown>,
      body,
      bodyLine: closing + 2,
      lineOf: (path) => lineOfPath(doc, path, fileLine),
    },
  };
}

/**
 * For an error found where an unclosed quote or bracket ends (often at the closing `---`), where
 * that quote or bracket was opened, and a message that says so: the editor must fix that line.
 */
function findUnclosedStart(doc: Document, error: YAMLError): { offset: number; message: string } | undefined {
  if (error.code !== 'MISSING_CHAR' && !/must be sufficiently indented and end with/.test(error.message)) {
    return undefined;
  }
  const at = error.pos[0];
  let found: { offset: number; message: string } | undefined;
  visit(doc, (_, node) => {
    const range = (node as { range?: [number, number, number] | null }).range;
    // The innermost opener before the error whose value runs up to it.
    if (!range || range[0] >= at || range[1] < at || (found && found.offset > range[0])) return;
    if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
      const quote = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
      found = {
        offset: range[0],
        message: `the ${quote} that opens this value is never closed; add the closing ${quote} at the end of the value`,
      };
    } else if (isCollection(node) && node.flow) {
      const [open, close] = isSeq(node) ? ['[', ']'] : ['{', '}'];
      found = {
        offset: range[0],
        message: `the ${open} that opens this value is never closed; end the list with ${close} on this line`,
      };
    }
  });
  return found;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.replace(/\s+at line \d+, column \d+:?$/, '') ?? message;
}

function lineOfPath(
  doc: Document,
  path: readonly (string | number)[],
  fileLine: (offset: number) => number,
): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (!pair || !isPair(pair)) break;
      const keyNode = pair.key;
      if (isScalar(keyNode) && keyNode.range) line = fileLine(keyNode.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      const range = (item as { range?: [number, number, number] }).range;
      if (range) line = fileLine(range[0]);
      node = item;
    } else {
      break;
    }
  }
  return line;
}
