/**
 * Reading raw article dumps for `npm run import`: plain text (one article per file, a leading
 * `date YYYY-MM` marker), JSON Lines and CSV (one article per record). Each record keeps the file
 * and line it came from, so anything wrong with it is reported where the editor can find it.
 */
import { parse as parseCsvText } from 'csv-parse/sync';
import type { Problem } from '../core/problems';

/** The dump formats the importer reads. */
export const IMPORT_FORMATS = ['text', 'jsonl', 'csv'] as const;

/** A dump format. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One article as it came out of a dump, before any checking. */
export interface ImportRecord {
  /** The dump file, as the editor should see it named. */
  source: string;
  /** 1-based line of the dump where the record starts. */
  line: number;
  /** The record's fields, as found (`title`, `date`, `body`, `tags`, …). */
  fields: Record<string, unknown>;
  /** Whether title and summary are to be made from the text (plain-text dumps have neither). */
  deriveTitle: boolean;
}

/** What a dump file held: the records, and the ones that could not even be read. */
export interface ParsedDump {
  /** Records to turn into articles. */
  records: ImportRecord[];
  /** Records that could not be read, each with the reason. */
  unusable: Problem[];
}

/** The format a dump file's name implies: `.txt` text, `.jsonl`/`.ndjson` JSON Lines, `.csv` CSV. */
export function formatFromFileName(file: string): ImportFormat | undefined {
  if (/\.txt$/i.test(file)) return 'text';
  if (/\.(jsonl|ndjson)$/i.test(file)) return 'jsonl';
  if (/\.csv$/i.test(file)) return 'csv';
  return undefined;
}

// The marker may stand on its own line or open the first paragraph; the seed has a space before it.
const DATE_MARKER = /^\s*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?=\s|$)[ \t]*\n?/i;

/**
 * Reads a plain-text article: a leading `date YYYY-MM` (or `YYYY-MM-DD`) marker, then the text
 * with paragraphs separated by blank lines.
 */
export function parseTextDump(text: string, source: string): ParsedDump {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const marker = DATE_MARKER.exec(clean);
  if (!marker) {
    const first = clean.split('\n').find((line) => line.trim() !== '') ?? '';
    return {
      records: [],
      unusable: [
        {
          file: source,
          line: 1,
          field: 'date',
          message: `the text does not start with a date marker such as "date 2023-09" or "date 2023-09-06" (found "${first.trim().slice(0, 40)}")`,
          severity: 'error',
        },
      ],
    };
  }
  return {
    records: [
      {
        source,
        line: 1,
        fields: { date: marker[1], body: clean.slice(marker[0].length) },
        deriveTitle: true,
      },
    ],
    unusable: [],
  };
}

/** Reads JSON Lines: one JSON object per line; blank lines are skipped. */
export function parseJsonLines(text: string, source: string): ParsedDump {
  const records: ImportRecord[] = [];
  const unusable: Problem[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      if (raw.trim() === '') return;
      const line = index + 1;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        unusable.push({
          file: source,
          line,
          field: 'record',
          message: `is not valid JSON: ${reason}`,
          severity: 'error',
        });
        return;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        unusable.push({
          file: source,
          line,
          field: 'record',
          message: 'must be a JSON object such as {"title": …, "date": …, "body": …}',
          severity: 'error',
        });
        return;
      }
      records.push({ source, line, fields: value as Record<string, unknown>, deriveTitle: false });
    });
  return { records, unusable };
}

/** Reads CSV with a header row naming the fields (`title,date,body,tags`); quoted fields may span lines. */
export function parseCsv(text: string, source: string): ParsedDump {
  type Row = { record: Record<string, string>; info: { lines: number }; raw: string };
  let rows: Row[];
  try {
    // One kind of line ending throughout: csv-parse takes the first line's as the record delimiter.
    rows = parseCsvText(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      info: true,
      raw: true,
      skip_empty_lines: true,
    }) as unknown as Row[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      records: [],
      unusable: [
        {
          file: source,
          ...(line === undefined ? {} : { line }),
          field: 'record',
          message: `is not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
          severity: 'error',
        },
      ],
    };
  }
  const records = rows.map(({ record, info, raw }) => {
    // csv-parse counts the line a record ends on; a quoted body spans several, so count back.
    const spanned = raw.replace(/^\n+/, '').replace(/\n$/, '').split('\n').length - 1;
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(record)) if (value.trim() !== '') fields[name] = value;
    return { source, line: info.lines - spanned, fields, deriveTitle: false };
  });
  return { records, unusable: [] };
}

/** Reads a dump file of the given format. */
export function parseDump(text: string, source: string, format: ImportFormat): ParsedDump {
  if (format === 'text') return parseTextDump(text, source);
  if (format === 'jsonl') return parseJsonLines(text, source);
  return parseCsv(text, source);
}
