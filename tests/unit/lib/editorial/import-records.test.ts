import { describe, expect, it } from 'vitest';
import {
  formatFromFileName,
  parseCsv,
  parseJsonLines,
  parseTextDump,
} from '../../../../src/lib/editorial/import-records';

describe('formatFromFileName', () => {
  it('knows the dump formats by extension', () => {
    expect(formatFromFileName('seeds/000.txt')).toBe('text');
    expect(formatFromFileName('dump.JSONL')).toBe('jsonl');
    expect(formatFromFileName('dump.ndjson')).toBe('jsonl');
    expect(formatFromFileName('dump.csv')).toBe('csv');
    expect(formatFromFileName('dump.xml')).toBeUndefined();
  });
});

describe('parseTextDump', () => {
  it('reads a marker that opens the first paragraph, as in the seed (with a leading space)', () => {
    const { records, unusable } = parseTextDump(' date 2023-09 Korea Utara menjual peluru.\n\nParagraf dua.', 'a.txt');
    expect(unusable).toEqual([]);
    expect(records).toEqual([
      {
        source: 'a.txt',
        line: 1,
        fields: { date: '2023-09', body: 'Korea Utara menjual peluru.\n\nParagraf dua.' },
        deriveTitle: true,
      },
    ]);
  });

  it('reads a day marker on a line of its own, and Windows line endings', () => {
    const { records } = parseTextDump('\uFEFFdate 2023-09-06\r\nIsi berita.\r\n\r\nLagi.', 'b.txt');
    expect(records[0]?.fields).toEqual({ date: '2023-09-06', body: 'Isi berita.\n\nLagi.' });
  });

  it('names a text without a date marker as unusable', () => {
    const { records, unusable } = parseTextDump('Korea Utara menjual peluru.', 'c.txt');
    expect(records).toEqual([]);
    expect(unusable).toEqual([
      {
        file: 'c.txt',
        line: 1,
        field: 'date',
        message:
          'the text does not start with a date marker such as "date 2023-09" or "date 2023-09-06" (found "Korea Utara menjual peluru.")',
        severity: 'error',
      },
    ]);
  });
});

describe('parseJsonLines', () => {
  it('reads one object per line, skipping blank lines and naming broken ones by line', () => {
    const text = '{"title":"A","date":"2023-09","body":"x"}\n\nnot json\n[1,2]\n{"title":"B"}\n';
    const { records, unusable } = parseJsonLines(text, 'd.jsonl');
    expect(records.map((r) => [r.line, r.fields['title']])).toEqual([
      [1, 'A'],
      [5, 'B'],
    ]);
    expect(unusable.map((p) => [p.line, p.field, p.message.split(':')[0]])).toEqual([
      [3, 'record', 'is not valid JSON'],
      [4, 'record', 'must be a JSON object such as {"title"'],
    ]);
  });
});

describe('parseCsv', () => {
  it('reads a header row in any case and records whose quoted body spans lines', () => {
    const text = 'Title,DATE,Body,tags\r\n"A",2023-09,"one\r\n\r\ntwo",x\r\n\r\nB,2023-10,three,\r\n';
    const { records, unusable } = parseCsv(text, 'e.csv');
    expect(unusable).toEqual([]);
    expect(records).toEqual([
      {
        source: 'e.csv',
        line: 2,
        fields: { title: 'A', date: '2023-09', body: 'one\n\ntwo', tags: 'x' },
        deriveTitle: false,
      },
      { source: 'e.csv', line: 6, fields: { title: 'B', date: '2023-10', body: 'three' }, deriveTitle: false },
    ]);
  });

  it('names a malformed file as unusable, with the line', () => {
    const { records, unusable } = parseCsv('title,date,body\nA,2023-09,"unclosed\n', 'f.csv');
    expect(records).toEqual([]);
    expect(unusable[0]).toMatchObject({ file: 'f.csv', field: 'record', severity: 'error' });
    expect(unusable[0]?.message).toMatch(/^is not valid CSV: /);
  });
});
