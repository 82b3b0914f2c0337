/**
 * The broken and hostile articles of tests/fixtures/hostile/fails: each must stop the build with one
 * precise problem naming its file, line and field, all reported together in one run. Cases too big
 * to commit (10,000 tags, a 5 MB body) are generated here.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../../src/lib/content/article-file';
import { readContentFolder } from '../../../../src/files/content-folder';
import { parseFrontmatter } from '../../../../src/lib/content/frontmatter';
import {
  checkArticleInput,
  estimateNestingDepth,
  findUnsafeCharacter,
  MAX_AUTHORS,
  MAX_NESTING,
  MAX_SLUG_BYTES,
  MAX_TAGS,
  renderFailureProblem,
  utf8Length,
} from '../../../../src/lib/content/input-checks';
import { formatProblem } from '../../../../src/lib/core/problems';
import { fixturesDir } from '../../../helpers/build';

const options = { defaultLang: 'id', timeZone: 'Asia/Jakarta' } as const;
const failsDir = path.join(fixturesDir, 'hostile', 'fails', 'content');

describe('the hostile corpus that must fail', () => {
  it('names every file, line and field with the reason, and publishes none of them', async () => {
    const folder = await readContentFolder(failsDir, options);
    expect(folder.fileCount).toBe(20);
    expect(folder.articles).toEqual([]);
    expect(folder.problems.map(formatProblem)).toEqual([
      'alamat-berbahaya.md:6: source.url: must be a full http:// or https:// address',
      'alamat-berbahaya.md:8: image.src: must be a path next to the article or an http(s) address, not "javascript:alert(1)"',
      'alias-berbahaya.md:5: aliases.0: "/../etc/passwd" may not contain ".." or "." segments, spaces, backslashes, "?" or "#"',
      'alias-berbahaya.md:6: aliases.1: "/lama/%2e%2e/%2E%2E/x/" may not contain ".." or "." segments, spaces, backslashes, "?" or "#"',
      'alias-berbahaya.md:7: aliases.2: "https://evil.example/" must be a path on this site starting with "/", not a full address',
      'alias-berbahaya.md:8: aliases.3: "//evil.example/x/" must be a path on this site starting with "/", not a full address',
      'alias-berbahaya.md:9: aliases.4: "/a%00b/" decodes to the character U+0000; no path may hold it',
      'alias-berbahaya.md:10: aliases.5: "javascript:alert(1)" must be a path on this site starting with "/", not a full address',
      'bom-alias.md:2: frontmatter: malformed YAML: Excessive alias count indicates a resource exhaustion attack',
      'gambar-data.md:5: image.src: must be a path next to the article or an http(s) address, not "data:image/svg+xml;base64,PHN2ZyBvbmxvYW…"',
      'hanya-bom.md:1: frontmatter: the file is empty; an article needs frontmatter with at least title and date',
      'karakter-kendali.md:2: title: contains the character U+0007, which web pages and feeds cannot carry; remove it',
      'karakter-kendali.md:4: tags.0: contains the character U+0000, which web pages and feeds cannot carry; remove it',
      'karakter-kendali.md:8: body: contains the character U+000C, which web pages and feeds cannot carry; remove it',
      'kosong.md:1: frontmatter: the file is empty; an article needs frontmatter with at least title and date',
      'kunci-ganda.md:3: frontmatter: malformed YAML: Map keys must be unique',
      'proto.md:4: __proto__: unknown field; known fields are title, date, updated, summary, tags, authors, source, lang, draft, featured, slug, aliases, image, corrections',
      'proto.md:5: source.constructor: unknown field; known fields are title, date, updated, summary, tags, authors, source, lang, draft, featured, slug, aliases, image, corrections',
      'slug-panjang.md:4: slug: gives a URL slug of 299 bytes, over the 200 that file systems and servers take; set a shorter "slug:"',
      'slug-titik.md:4: slug: gives an empty URL slug; set "slug:" to a few words of the title',
      'tag-terlalu-panjang.md:4: tags.1: is too long for a web address (its URL slug would be 240 bytes, at most 200); shorten it',
      'tahun-sepuluh-ribu.md:3: date: 9999-12-31T23:00:00-12:00 falls outside the years 0001 to 9999 in the site time zone',
      'tak-tertutup.md:1: frontmatter: the frontmatter is never closed; add a line "---" after the last field',
      'tanggal-30-februari.md:3: date: 2023-02-30 is not a day in the calendar (that month has 28 days)',
      'tanggal-nol.md:3: date: year 0000 does not exist',
      'tanpa-frontmatter.md:1: frontmatter: the file does not start with frontmatter; put a line "---" first, the fields, then another "---"',
      'utf8-rusak.md:5: file: is not valid UTF-8 text; save the file as UTF-8',
      'yaml-rusak.md:2: frontmatter: malformed YAML: the [ that opens this value is never closed; end the list with ] on this line',
      'zona-mustahil.md:3: date: +99:00 is not a UTC offset; offsets run from -12:00 to +14:00',
    ]);
  });

  it('keeps a "__proto__" key as a field of its own, which the schema then refuses', () => {
    const parsed = parseFrontmatter('---\n__proto__: {isAdmin: true}\ntitle: Proto\n---\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // Assigned as an ordinary key, it would have replaced the object's prototype instead.
    expect(Object.getPrototypeOf(parsed.value.data)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed.value.data, '__proto__')).toBe(true);
    expect((parsed.value.data as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });

  it('refuses an article with 10,000 tags in one problem, quickly', () => {
    const tags = Array.from({ length: 10_000 }, (_, i) => `Topik ${i}`);
    const source = `---\ntitle: Sepuluh Ribu Tag\ndate: 2024-01-01\ntags: [${tags.join(', ')}]\n---\nIsi.\n`;
    const started = performance.now();
    const result = readArticle('tag-sepuluh-ribu.md', source, options);
    // Generous: the point is that nothing is quadratic in the number of tags.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.article).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([
      `tag-sepuluh-ribu.md:4: tags: has 10000 entries; an article may have at most ${MAX_TAGS}`,
    ]);
  });

  it('refuses more authors than a byline can hold', () => {
    const authors = Array.from({ length: MAX_AUTHORS + 1 }, (_, i) => `Penulis ${i}`);
    const source = `---\ntitle: Banyak Penulis\ndate: 2024-01-01\nauthors: [${authors.join(', ')}]\n---\nIsi.\n`;
    expect(readArticle('penulis.md', source, options).problems.map(formatProblem)).toEqual([
      `penulis.md:4: authors: has ${MAX_AUTHORS + 1} entries; an article may have at most ${MAX_AUTHORS}`,
    ]);
  });

  it('reads a 5 MB article whole, in time proportional to its size', async () => {
    const paragraph = 'Harga beras naik di pasar induk pekan ini, kata pedagang setempat. '.repeat(30);
    const body = Array.from({ length: Math.ceil((5 * 1024 * 1024) / paragraph.length) }, () => paragraph).join('\n\n');
    const dir = await mkdtemp(path.join(tmpdir(), 'warta-big-'));
    try {
      await writeFile(
        path.join(dir, 'besar.md'),
        `---\ntitle: Artikel Lima MB\ndate: 2024-01-01\n---\n${body}\nAKHIR.\n`,
      );
      const folder = await readContentFolder(dir, options);
      expect(folder.problems).toEqual([]);
      expect(folder.articles[0]?.body.length).toBeGreaterThan(5 * 1024 * 1024);
      expect(folder.articles[0]?.body.trimEnd().endsWith('AKHIR.')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('estimateNestingDepth', () => {
  it('counts block quotes, list markers, indentation and open HTML elements', () => {
    expect(estimateNestingDepth('Satu paragraf.\n\nDua.')).toEqual({ depth: 0, line: 0 });
    expect(estimateNestingDepth('- a\n  - b\n    > c')).toEqual({ depth: 3, line: 2 });
    expect(estimateNestingDepth('<div>\n<section>\n<p>teks <br> <img src="x"></p>\n</section>\n</div>')).toEqual({
      depth: 3,
      line: 2,
    });
  });

  it('ignores markup inside fenced code', () => {
    expect(estimateNestingDepth('```html\n<div><div><div>\n> > >\n```\nteks').depth).toBe(0);
  });

  it('stops the 50,000-deep block quote and the 300-deep HTML before they reach the renderer', () => {
    const quotes = readArticle(
      'kutipan.md',
      `---\ntitle: K\ndate: 2024-01-01\n---\n${'>'.repeat(50_000)} x\n`,
      options,
    );
    expect(quotes.problems.map(formatProblem)).toEqual([
      `kutipan.md:5: body: nests block quotes, lists or HTML elements 50000 levels deep; at most ${MAX_NESTING} can be rendered`,
    ]);
    const html = readArticle(
      'html.md',
      `---\ntitle: H\ndate: 2024-01-01\n---\nIsi.\n\n${'<div>'.repeat(300)}\n`,
      options,
    );
    expect(html.problems.map((p) => [p.line, p.field])).toEqual([[7, 'body']]);
  });
});

describe('findUnsafeCharacter', () => {
  it('finds controls, noncharacters and lone surrogates, and nothing in ordinary text of any script', () => {
    expect(findUnsafeCharacter('a\u0007b')).toEqual({ index: 1, codePoint: 'U+0007' });
    expect(findUnsafeCharacter('\uFFFE')?.codePoint).toBe('U+FFFE');
    expect(findUnsafeCharacter('x\uD800')?.codePoint).toBe('U+D800');
    expect(findUnsafeCharacter('tab\tline\nreturn\r')).toBeUndefined();
    expect(findUnsafeCharacter('عاجل ‮ 東京 👨‍👩‍👧 Ёлка')).toBeUndefined();
  });

  it('counts slug length in the bytes a file system counts', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('東京')).toBe(6);
    expect(utf8Length('🇮🇩')).toBe(8);
  });
});

describe('checkArticleInput', () => {
  const base = { file: 'a.md', body: 'Isi.', bodyLine: 5, slug: 'a', at: () => 2 };

  it('accepts relative and http(s) image addresses and refuses every other scheme', () => {
    const problems = (src: string) =>
      checkArticleInput({ ...base, data: { image: { src, alt: 'x' } } }).map((p) => p.field);
    expect(problems('foto.jpg')).toEqual([]);
    expect(problems('../gambar/foto.jpg')).toEqual([]);
    expect(problems('https://example.org/foto.jpg')).toEqual([]);
    expect(problems(' JavaScript:alert(1)')).toEqual(['image.src']);
    expect(problems('vbscript:x')).toEqual(['image.src']);
    expect(problems('//evil.example/x.jpg')).toEqual(['image.src']);
  });

  it('reports a slug over the limit whether it comes from the file name or from "slug:"', () => {
    const long = 'a'.repeat(MAX_SLUG_BYTES + 1);
    expect(checkArticleInput({ ...base, data: {}, slug: long })[0]?.line).toBe(1);
    expect(checkArticleInput({ ...base, data: { slug: long }, slug: long })[0]?.line).toBe(2);
    expect(checkArticleInput({ ...base, data: {}, slug: 'a'.repeat(MAX_SLUG_BYTES) })).toEqual([]);
  });
});

describe('renderFailureProblem', () => {
  it('turns a stack overflow into a sentence about nesting, naming the file and the body', () => {
    const error = new Error('Failed to parse Markdown file "undefined":\nMaximum call stack size exceeded');
    expect(formatProblem(renderFailureProblem('content/a.md', error))).toBe(
      'content/a.md: body: is nested too deeply to render (block quotes, lists or HTML elements inside one another); flatten it',
    );
  });

  it('passes on the first line of any other error, from its cause', () => {
    const error = new Error('Failed to parse Markdown file "x"', { cause: new TypeError('bad node\n    at f') });
    expect(renderFailureProblem('a.md', error).message).toBe('could not be rendered: bad node');
  });
});
