import { describe, expect, it } from 'vitest';
import {
  normalizeSource,
  parseFrontmatter,
  type FrontmatterSyntaxError,
  type ParsedFrontmatter,
} from '../../../../src/lib/content/frontmatter';

/** Parses a file that must have valid frontmatter. */
function parseOk(source: string): ParsedFrontmatter {
  const result = parseFrontmatter(source);
  if (!result.ok) throw new Error(`expected valid frontmatter, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** Parses a file that must be refused, returning its errors. */
function parseRefused(source: string): FrontmatterSyntaxError[] {
  const result = parseFrontmatter(source);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value.data)}`);
  return result.errors;
}

describe('normalizeSource', () => {
  it('drops a byte-order mark and turns CRLF and lone CR into LF', () => {
    expect(normalizeSource('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});

describe('parseFrontmatter: splitting the file', () => {
  it('reads a file saved with a byte-order mark', () => {
    const parsed = parseOk('\uFEFF---\ntitle: Korea Utara\n---\nIsi berita.\n');
    expect(parsed.data).toEqual({ title: 'Korea Utara' });
    expect(parsed.body).toBe('Isi berita.\n');
  });

  it('reads a Windows (CRLF) file and gives the body with LF only', () => {
    const parsed = parseOk('---\r\ntitle: A\r\ndate: 2022-09-06\r\n---\r\nBaris satu\r\nBaris dua\r\n');
    expect(parsed.data).toEqual({ title: 'A', date: '2022-09-06' });
    expect(parsed.body).toBe('Baris satu\nBaris dua\n');
    expect(parsed.bodyLine).toBe(5);
  });

  it('reads an old Mac (lone CR) file', () => {
    const parsed = parseOk('---\rtitle: A\r---\rBaris satu\rBaris dua');
    expect(parsed.data).toEqual({ title: 'A' });
    expect(parsed.body).toBe('Baris satu\nBaris dua');
  });

  it('says where the body starts', () => {
    expect(parseOk('---\ntitle: A\ndate: 2022-09-06\n---\nBody').bodyLine).toBe(5);
  });

  it('accepts "..." as the closing line', () => {
    expect(parseOk('---\ntitle: A\n...\nBody').body).toBe('Body');
  });

  it('treats empty frontmatter as no fields', () => {
    expect(parseOk('---\n---\nBody').data).toEqual({});
  });

  it('refuses an empty file on line 1', () => {
    for (const source of ['', '  \n\n', '\uFEFF']) {
      const [error] = parseRefused(source);
      expect(error?.line).toBe(1);
      expect(error?.message).toMatch(/the file is empty/);
    }
  });

  it('refuses a file without an opening "---" on line 1', () => {
    const errors = parseRefused('title: A\n---\nBody');
    expect(errors).toEqual([{ line: 1, message: expect.stringMatching(/does not start with frontmatter/) }]);
  });

  it('refuses frontmatter that is never closed', () => {
    const errors = parseRefused('---\ntitle: A\nBody without a closing line');
    expect(errors).toEqual([{ line: 1, message: expect.stringMatching(/never closed; add a line "---"/) }]);
  });

  it('refuses frontmatter that is a list or a bare word rather than fields', () => {
    expect(parseRefused('---\n- a\n- b\n---\n')[0]?.message).toMatch(/must be a list of "field: value" lines/);
    expect(parseRefused('---\njust text\n---\n')[0]?.message).toMatch(/must be a list of "field: value" lines/);
  });
});

describe('parseFrontmatter: YAML', () => {
  it('points malformed YAML at its line in the file', () => {
    // Line 1 is "---", so the bad mapping on the YAML's third line is the file's fourth.
    const errors = parseRefused('---\ntitle: A\ndate: 2022-09-06\nsummary: a: b\n---\nBody');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(4);
    expect(errors[0]?.message).toMatch(/^malformed YAML: /);
  });

  it('points an unclosed quote at the line where it opens, not at the closing "---"', () => {
    expect(parseRefused('---\ntitle: "Kutipan tak ditutup\ndate: 2023-01-01\ntags: [a]\n---\n')).toEqual([
      {
        line: 2,
        message:
          'malformed YAML: the " that opens this value is never closed; add the closing " at the end of the value',
      },
    ]);
    expect(parseRefused("---\ntitle: A\nsummary: 'tak ditutup\ndate: 2023-01-01\n---\n")).toEqual([
      {
        line: 3,
        message: "malformed YAML: the ' that opens this value is never closed; add the closing ' at the end of the value",
      },
    ]);
  });

  it('points an unclosed list at the line where it opens', () => {
    expect(parseRefused('---\ntitle: A\ntags: [Banjir, Jakarta\ndate: 2023-01-01\n---\n')).toEqual([
      { line: 3, message: 'malformed YAML: the [ that opens this value is never closed; end the list with ] on this line' },
    ]);
  });

  it('points a badly indented field at its line', () => {
    const errors = parseRefused('---\ntitle: A\nsource:\n  name: Antara\n url: https://antaranews.com\n---\n');
    expect(errors[0]?.line).toBe(5);
    expect(errors[0]?.message).toMatch(/malformed YAML/);
  });

  it('gives a one-line message without yaml’s source excerpt', () => {
    const [error] = parseRefused('---\ntitle: A\n\tdate: 2022-09-06\n---\n');
    expect(error?.line).toBe(3);
    expect(error?.message).not.toContain('\n');
  });

  it('refuses a key written twice, at the second one', () => {
    const errors = parseRefused('---\ntitle: A\ndate: 2022-09-06\ntitle: B\n---\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(4);
    expect(errors[0]?.message).toMatch(/unique/);
  });

  it('keeps dates as text so impossible ones can be refused, not rolled over', () => {
    expect(parseOk('---\ndate: 2023-02-30\nupdated: 2023-02-28T10:00:00Z\n---\n').data).toEqual({
      date: '2023-02-30',
      updated: '2023-02-28T10:00:00Z',
    });
  });

  it('refuses an alias bomb quickly instead of expanding it', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i += 1) {
      const prev = `*${names[i - 1]}`;
      lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(prev).join(',')}]`);
    }
    const started = performance.now();
    const errors = parseRefused(`---\n${lines.join('\n')}\n---\nBody`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(errors[0]?.message).toMatch(/alias/i);
    expect(errors[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('still allows a few aliases', () => {
    const parsed = parseOk('---\nauthors: &who [Budi]\ntags: *who\n---\n');
    expect(parsed.data).toEqual({ authors: ['Budi'], tags: ['Budi'] });
  });

  it('does not let a __proto__ key pollute Object.prototype', () => {
    const parsed = parseOk(
      '---\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\ntitle: x\n---\n',
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(parsed.data)).toBe(Object.prototype);
    expect(parsed.data['title']).toBe('x');
  });
});

describe('parseFrontmatter: lineOf', () => {
  const parsed = parseOk(
    [
      '---',
      'title: Korea Utara',
      'date: 2022-09-06',
      'source:',
      '  name: Antara',
      '  url: https://antaranews.com/x',
      'tags:',
      '  - Politik',
      '  - Asia',
      '---',
      'Body',
    ].join('\n'),
  );

  it('gives the file line of a nested field', () => {
    expect(parsed.lineOf(['source', 'url'])).toBe(6);
    expect(parsed.lineOf(['source', 'name'])).toBe(5);
  });

  it('gives the file line of a top-level field and of a list item', () => {
    expect(parsed.lineOf(['title'])).toBe(2);
    expect(parsed.lineOf(['tags', 1])).toBe(9);
  });

  it('falls back to the nearest written parent, or nothing when the field is absent', () => {
    expect(parsed.lineOf(['source', 'missing'])).toBe(4);
    expect(parsed.lineOf(['missing'])).toBeUndefined();
  });
});
