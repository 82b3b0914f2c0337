/**
 * The editors' toolkit end to end: `npm run new`, `npm run check` and `npm run import` run as child
 * processes through the project's Node, exactly as an editor runs them, and what they write is
 * built and read back as a reader would see it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildArchive, childEnv, fixturesDir, listFiles, openArchive, projectRoot, run } from '../helpers/build';
import { startDevServer } from '../helpers/dev-server';
import { BASIC_ENV } from './global-setup';

const TSX = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Runs one of the editors' commands (`new`, `check`, `import`) as `npm run <name> -- …` would. */
function cli(name: 'new' | 'check' | 'import', args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return run([TSX, path.join('src', 'cli', `${name}.ts`), ...args], env, { timeoutMs: 120_000 });
}

/** The lines a command printed, without the trailing summary line. */
function lines(output: string): string[] {
  return output.split('\n').filter((line) => line.trim() !== '');
}

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'warta-editors-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm run new', () => {
  it('creates the article in its month folder in the site time zone and prints the path', async () => {
    const dir = path.join(work, 'new');
    const result = await cli('new', [
      '--title',
      'Banjir Rendam Jakarta',
      '--tags',
      'Banjir, Jakarta',
      '--date',
      '2024-12-31T23:30:00Z',
      '--dir',
      dir,
    ]);
    expect(result.exitCode).toBe(0);
    const file = path.join(dir, '2025', '01', 'banjir-rendam-jakarta.md');
    expect(lines(result.output)).toContain(file);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('title: Banjir Rendam Jakarta\n');
    // 23:30 UTC on New Year's Eve is already New Year's Day in Jakarta.
    expect(text).toContain('date: 2025-01-01T06:30:00+07:00\n');
    expect(text).toContain('tags: [Banjir, Jakarta]\n');
    expect(text).toContain('lang: id\n');
    expect(text).toContain('draft: true\n');
    // A line to fill in; left empty, it is no summary.
    expect(text).toContain('\nsummary: ""\n');

    const check = await cli('check', ['--dir', dir]);
    expect(check.output).toContain('1 file checked');
    expect(check.output).toContain('0 errors, 0 warnings');
    expect(check.exitCode).toBe(0);
  });

  it('refuses to overwrite an existing article', async () => {
    const dir = path.join(work, 'new-twice');
    const args = ['--title', 'Sekali Saja', '--date', '2024-05-02', '--dir', dir];
    expect((await cli('new', args)).exitCode).toBe(0);
    const file = path.join(dir, '2024', '05', 'sekali-saja.md');
    await appendFile(file, '\nTeks yang sudah ditulis redaktur.\n');
    const before = await readFile(file, 'utf8');

    const again = await cli('new', args);
    expect(again.exitCode).not.toBe(0);
    expect(again.output).toContain(`${file} already exists`);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('writes series: in the spelling the archive uses, and links a translation both ways', async () => {
    const dir = path.join(work, 'new-translation');
    const original = path.join(dir, '2023', '09', 'kim-putin.md');
    const originalText =
      '---\ntitle: "Kim dan Putin Bertemu"\ndate: 2023-09-13T19:00:00+07:00\nsummary: Pertemuan di Vostochny.\n' +
      'tags: [Rusia]\nseries: Korea Utara–Rusia\n---\n\nKim tiba di Vostochny.\n';
    await mkdir(path.dirname(original), { recursive: true });
    await writeFile(original, originalText);
    const result = await cli('new', [
      '--title',
      'Kim and Putin Meet',
      '--date',
      '2023-09-13T20:00',
      '--series',
      'korea utara–rusia',
      '--translation-of',
      original,
      '--no-draft',
      '--dir',
      dir,
    ]);
    expect(result.exitCode, result.output).toBe(0);
    const created = path.join(dir, '2023', '09', 'kim-and-putin-meet.md');
    const text = await readFile(created, 'utf8');
    expect(text).toContain('\nseries: Korea Utara–Rusia\nlang: en\ntranslations: [kim-putin.md]\n');
    // The other version names the new one, its own lines untouched.
    expect(await readFile(original, 'utf8')).toBe(
      originalText.replace('---\n\nKim', 'translations: kim-and-putin-meet.md\n---\n\nKim'),
    );
    expect(result.output).toContain('Linked from');
    const check = await cli('check', ['--dir', dir]);
    expect(check.output).toContain('0 errors');
    expect(check.exitCode).toBe(0);
  });

  it('gives a translation the story: key of the other version when it has one, leaving that file alone', async () => {
    const dir = path.join(work, 'new-story');
    const original = path.join(dir, '2024', '06', 'pakta.md');
    const originalText = '---\ntitle: Pakta Saling Bantu\ndate: 2024-06-19\nstory: pakta-2024\n---\n\nIsi.\n';
    await mkdir(path.dirname(original), { recursive: true });
    await writeFile(original, originalText);
    // Named from the content folder, as an editor who knows the archive would.
    const result = await cli('new', [
      '--title',
      'Mutual Aid Pact',
      '--date',
      '2024-06-20',
      '--translation-of',
      '2024/06/pakta.md',
      '--dir',
      dir,
    ]);
    expect(result.exitCode, result.output).toBe(0);
    expect(await readFile(path.join(dir, '2024', '06', 'mutual-aid-pact.md'), 'utf8')).toContain(
      '\nstory: pakta-2024\n',
    );
    expect(await readFile(original, 'utf8')).toBe(originalText);
  });

  it('writes nothing when the translation would give a story two versions in one language, and says why', async () => {
    const dir = path.join(work, 'new-second-english');
    const original = path.join(dir, '2022', '09', 'peluru.md');
    const english = path.join(dir, '2022', '09', 'shells.md');
    await mkdir(path.dirname(original), { recursive: true });
    await writeFile(original, '---\ntitle: Peluru untuk Moskow\ndate: 2022-09-06\n---\n\nIsi.\n');
    await writeFile(
      english,
      '---\ntitle: Shells for Moscow\ndate: 2022-09-06\nlang: en\ntranslations: peluru.md\n---\n\nText.\n',
    );
    const before = await readFile(original, 'utf8');
    const result = await cli('new', [
      '--title',
      'Shells Again',
      '--date',
      '2022-09-07',
      '--translation-of',
      original,
      '--dir',
      dir,
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(
      /peluru\.md:\d+: translations: joins this article into one story with 2 English versions/,
    );
    expect(result.output).toContain('new: nothing written');
    expect(existsSync(path.join(dir, '2022', '09', 'shells-again.md'))).toBe(false);
    expect(await readFile(original, 'utf8')).toBe(before);
    // The same language as the other version is refused before anything is read further.
    const same = await cli('new', [
      '--title',
      'Peluru Lagi',
      '--lang',
      'id',
      '--translation-of',
      original,
      '--dir',
      dir,
    ]);
    expect(same.exitCode).toBe(2);
    expect(same.output).toContain('--lang id is the language of');
    const missing = await cli('new', ['--title', 'Nothing', '--translation-of', 'tidak/ada.md', '--dir', dir]);
    expect(missing.output).toContain('--translation-of tidak/ada.md: no article file there');
  });

  it('explains its options with --help, as do check and import', async () => {
    const help = await cli('new', ['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.output).toContain('--title <text>');
    expect(help.output).toContain('never overwritten');
    const check = await cli('check', ['--help']);
    expect(check.exitCode).toBe(0);
    expect(check.output).toContain('links in article bodies to site paths or .md files that point nowhere');
    const importHelp = await cli('import', ['--help']);
    expect(importHelp.exitCode).toBe(0);
    expect(importHelp.output).toContain('--format <f>  read every input as text, jsonl or csv');
  });
});

describe('npm run check on a broken content folder', () => {
  const dir = path.join(fixturesDir, 'check-broken', 'content');
  const at = (file: string) => path.relative(projectRoot, path.join(dir, file));

  it('lists every problem as path:line: field: message and fails', async () => {
    const result = await cli('check', ['--dir', dir]);
    expect(result.exitCode).toBe(1);
    const induk = at('2023/01/induk.md');
    const tetangga = at('2023/01/tetangga.md');
    expect(lines(result.output).slice(0, -1)).toEqual([
      `${at('2023/01/diperbarui-dulu.md')}:4: updated: is before date; an article cannot be updated before it was published`,
      `${induk}:10: body: link to /2023/01/06/tetangga/#kutipan points to no article or page; did you mean /2023/01/05/tetangga/ (${tetangga})?`,
      `${induk}:12: body: link to /2023/01/05/tetangga points to no page; add the trailing slash: /2023/01/05/tetangga/`,
      `${induk}:14: body: link to ../02/tidak-ada.md points to no article file (looked for ${at('2023/02/tidak-ada.md')})`,
      `${induk}:16: body: link to /page/9/ points to no article or page of this site`,
      `${induk}:16: body: warning: link to /2023/01/07/draf/ points to a draft (${at('drafts/draf.md')}), which the build leaves out; the link is dead until it is published`,
      `${induk}:16: body: link to /tidak/ada/ points to no article or page of this site`,
      `${induk}:18: body: image peta.png does not exist (looked for ${at('2023/01/peta.png')})`,
      `${tetangga}:4: tags: warning: "korea utara" is written "Korea Utara" in ${induk}; use one spelling so the tag has one name`,
      `${tetangga}:5: aliases: /tags/ is a page of the site; a redirect there would hide it, so remove this alias`,
      `${tetangga}:6: image.src: image foto/tidak-ada.jpg does not exist (looked for ${at('2023/01/foto/tidak-ada.jpg')})`,
    ]);
    expect(lines(result.output).at(-1)).toMatch(/^4 files checked in [\d.]+ s: 9 errors, 2 warnings\.$/);
  });

  it('refuses a folder that does not exist instead of passing it as empty', async () => {
    const result = await cli('check', ['--dir', path.join(work, 'tidak-ada')]);
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain(`check: ${path.join(work, 'tidak-ada')} is not a folder`);
  });

  it('writes the same problems as a machine-readable report with --json', async () => {
    const result = await cli('check', ['--dir', dir, '--json']);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.output) as {
      files: number;
      errors: number;
      warnings: number;
      problems: { file: string; line: number; field: string; message: string; severity: string }[];
    };
    expect(report).toMatchObject({ files: 4, errors: 9, warnings: 2 });
    expect(report.problems[0]).toEqual({
      file: at('2023/01/diperbarui-dulu.md'),
      line: 4,
      field: 'updated',
      message: 'is before date; an article cannot be updated before it was published',
      severity: 'error',
    });
    expect(report.problems.filter((p) => p.severity === 'warning').map((p) => p.field)).toEqual(['body', 'tags']);
  });
});

describe('npm run check -- --json', () => {
  const dir = path.join(fixturesDir, 'check-broken', 'content');

  /** Runs `npm <args>` in the project, keeping standard output apart from standard error. */
  function npm(args: readonly string[]): Promise<{ exitCode: number; stdout: Buffer }> {
    return new Promise((resolve, reject) => {
      const child = spawn('npm', args, { cwd: projectRoot, env: childEnv(), stdio: ['ignore', 'pipe', 'ignore'] });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout: Buffer.concat(chunks) }));
    });
  }

  // The report as check writes it: two-space JSON and one newline, nothing before or after.
  const canonical = (bytes: Buffer) => `${JSON.stringify(JSON.parse(bytes.toString('utf8')), null, 2)}\n`;

  it('writes the JSON report and nothing else to standard output under npm run -s, so > report.json works', async () => {
    const { exitCode, stdout } = await npm(['run', '-s', 'check', '--', '--json', '--dir', dir]);
    expect(exitCode).toBe(1);
    expect(stdout.toString('utf8')).toBe(canonical(stdout));
    expect(stdout[0]).toBe('{'.charCodeAt(0));
    expect(JSON.parse(stdout.toString('utf8'))).toMatchObject({ files: 4, errors: 9, warnings: 2 });
  });

  it('writes the same report to a file with --json <file>, and the text report to the terminal', async () => {
    const file = path.join(work, 'report.json');
    const result = await cli('check', ['--dir', dir, '--json', file]);
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/4 files checked in [\d.]+ s: 9 errors, 2 warnings\.\n/);
    expect(result.output).toContain(`Report written to ${file}.`);
    const written = await readFile(file);
    expect(written.toString('utf8')).toBe(canonical(written));
    const stdout = await npm(['run', '-s', 'check', '--', '--json', '--dir', dir]);
    // The same bytes but for the time the run took.
    const timeless = (bytes: Buffer) => bytes.toString('utf8').replace(/"seconds": [\d.]+/, '"seconds": 0');
    expect(timeless(written)).toBe(timeless(stdout.stdout));
  });
});

describe('npm run check on articles that share a permalink', () => {
  it('names every file, each at the line that makes its slug, the newer first', async () => {
    const dir = path.join(work, 'same-permalink');
    const write = async (file: string, text: string, modified: Date) => {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
      await utimes(path.join(dir, file), modified, modified);
    };
    // The original, its copy filed elsewhere and changed later, and an evening article given its slug.
    await write('2023/01/sama.md', '---\ntitle: Pagi\ndate: 2023-01-05\n---\n\nIsi.\n', new Date('2023-01-05'));
    await write('arsip/sama.md', '---\ntitle: Salinan\ndate: 2023-01-05\n---\n\nIsi.\n', new Date('2023-02-01'));
    await write(
      '2023/01/sore.md',
      '---\ntitle: Sore\ndate: 2023-01-05T17:00\ntags: [Jakarta]\nslug: sama\n---\n\nIsi.\n',
      new Date('2023-01-01'),
    );
    const result = await cli('check', ['--dir', dir]);
    expect(result.exitCode).toBe(1);
    const at = (file: string) => path.join(dir, file);
    const clash = 'has the same permalink /2023/01/05/sama/ as';
    const fix = 'give one of them a different "slug:"';
    expect(lines(result.output)).toEqual([
      `${at('2023/01/sore.md')}:5: slug: ${clash} ${at('arsip/sama.md')}:1 and ${at('2023/01/sama.md')}:1; ${fix}`,
      `${at('arsip/sama.md')}:1: slug: ${clash} ${at('2023/01/sore.md')}:5 and ${at('2023/01/sama.md')}:1; ${fix} (this one comes from the file name)`,
      `${at('2023/01/sama.md')}:1: slug: ${clash} ${at('2023/01/sore.md')}:5 and ${at('arsip/sama.md')}:1; ${fix} (this one comes from the file name)`,
      expect.stringMatching(/^3 files checked in [\d.]+ s: 3 errors, 0 warnings\.$/),
    ]);
  });
});

const seeds = path.resolve(projectRoot, '..', 'shared', 'seeds');
const haveSeeds = existsSync(seeds);
if (!haveSeeds) console.warn(`Skipping the seed import tests: ${seeds} is not there.`);

describe.skipIf(!haveSeeds)('npm run import of the plain-text seed (../shared/seeds)', () => {
  let content: string;
  let article: string;

  beforeAll(async () => {
    content = path.join(work, 'seed-content');
    await mkdir(content, { recursive: true });
  });

  it('creates one month-precision draft, with a headline made from a whole clause, and lists what to review', async () => {
    const result = await cli('import', [seeds, '--out', content]);
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain('1 created, 0 unchanged, 0 skipped');
    const files = await listFiles(content);
    expect(files).toEqual(['2023/09/korea-utara-atau-korut-menjadi-pemasok-senjata.md']);
    article = path.join(content, files[0]!);

    const text = await readFile(article, 'utf8');
    // The first sentence is too long for a headline: its first clause, whole, without "…".
    expect(text).toContain('\ntitle: Korea Utara atau Korut menjadi pemasok senjata\n');
    expect(text).toContain('\ndate: 2023-09\n');
    expect(text).toContain('\ndraft: true\n');
    // The only candidate for a summary is the first paragraph, which the page shows anyway.
    expect(text).not.toContain('summary:');
    expect(text).toContain('\nlang: id\n');
    expect(text).toContain('\nBaca Juga: Ukraina Kini Bisa Cetak Suku Cadang Militer Sendiri dengan Printer 3D\n');

    // A file outside the working folder is named by its absolute path.
    const at = article;
    expect(lines(result.output)).toEqual([
      `created ${at} (/2023/09/korea-utara-atau-korut-menjadi-pemasok-senjata/), a draft; to review:`,
      `${at}:2: title: warning: made from the first clause of the first sentence; check that it reads as a headline`,
      `${at}:3: date: warning: only the month is known (2023-09); add the day if the source gives it`,
      `${at}:4: tags: warning: none; add the subjects, e.g. tags: [Ekonomi, Jakarta]`,
      `${at}:5: authors: warning: none; add the byline if the source names the writers`,
      `${at}:14: body: warning: the text is dated "Selasa (6/9/2022)" (2022-09-06), 12 months before the article's date 2023-09; correct "date:", or the date in the text if that is the wrong one`,
      '1 record in 1 file: 1 created, 0 unchanged, 0 skipped (0 edited, 0 duplicates, 0 unusable).',
      '1 created article has notes to review, listed under it as path:line: field: warning.',
      'Next: review each article, set "draft: false" to publish it, and run npm run check.',
    ]);

    const check = await cli('check', ['--dir', content]);
    expect(lines(check.output).slice(0, -1)).toEqual([
      `${at}:14: body: warning: the text is dated "Selasa (6/9/2022)" (2022-09-06), 12 months before the article's date 2023-09; correct "date:", or the date in the text if that is the wrong one`,
    ]);
    expect(check.output).toContain('0 errors, 1 warning');
    expect(check.exitCode).toBe(0);
  });

  it('changes nothing when the same dump is imported again', async () => {
    const before = await readFile(article, 'utf8');
    const result = await cli('import', [seeds, '--out', content]);
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain('1 record in 1 file: 0 created, 1 unchanged, 0 skipped');
    expect(await listFiles(content)).toEqual([path.relative(content, article)]);
    expect(await readFile(article, 'utf8')).toBe(before);
  });

  it("with --publish, builds into a page that shows the month, listed on the home page after that month's dated articles", async () => {
    const published = path.join(work, 'seed-published');
    const result = await cli('import', [seeds, '--out', published, '--publish']);
    expect(result.exitCode).toBe(0);
    expect(result.output).not.toContain('a draft');
    const [file] = await listFiles(published);
    expect(await readFile(path.join(published, file!), 'utf8')).not.toContain('draft');
    await writeFile(
      path.join(published, 'draf.md'),
      '---\ntitle: Draf Redaksi\ndate: 2023-09-20\ndraft: true\n---\n\nBelum siap.\n',
    );
    await writeFile(path.join(published, 'nanti.md'), '---\ntitle: Terbit Nanti\ndate: 2999-01-01\n---\n\nNanti.\n');
    await writeFile(path.join(published, 'awal.md'), '---\ntitle: Awal September\ndate: 2023-09-02\n---\n\nIsi.\n');
    const build = await buildArchive(published, BASIC_ENV);
    try {
      expect(build.exitCode, build.output).toBe(0);
      expect(build.output).toContain('held back 1 draft and 1 scheduled article');
      const permalink = `/${file!.replace(/\.md$/, '')}/`;
      const page = parseHTML(await build.read(permalink)).document;
      expect(page.querySelector('h1')?.textContent).toMatch(/^Korea Utara atau Korut/);
      expect(page.querySelector('.published time')?.textContent).toBe('September 2023');
      expect(page.querySelector('.published time')?.getAttribute('datetime')).toBe('2023-09');
      expect(page.querySelector('.article-body aside.read-also')?.textContent).toContain('Ukraina Kini Bisa Cetak');

      const home = parseHTML(await build.read('/')).document;
      const links = [...home.querySelectorAll('.front-main :is(h2, h3) a')].map((a) => a.getAttribute('href'));
      // Known only to the month, the import sorts after the articles dated in that month.
      expect(links).toEqual(['/2023/09/02/awal/', permalink]);
      const files = (await listFiles(build.outDir)).join('\n');
      expect(files).not.toMatch(/draf|nanti/);
    } finally {
      await build.cleanup();
    }
  });

  it('never overwrites an article an editor has changed', async () => {
    await appendFile(article, '\nParagraf tambahan dari redaktur.\n');
    const edited = await readFile(article, 'utf8');
    const result = await cli('import', [seeds, '--out', content]);
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain('exists with other content');
    expect(result.output).toContain('0 created, 0 unchanged, 1 skipped (1 edited, 0 duplicates, 0 unusable)');
    expect(await readFile(article, 'utf8')).toBe(edited);
  });
});

describe('npm run import of JSON Lines and CSV dumps', () => {
  let dumps: string;
  let content: string;

  beforeAll(async () => {
    dumps = path.join(work, 'dumps');
    content = path.join(work, 'dump-content');
    await mkdir(dumps, { recursive: true });
    const beras = {
      title: 'Harga Beras Naik',
      date: '2024-03-05',
      body: 'Harga beras naik di pasar.\n\nPedagang mengeluh.',
      tags: 'Ekonomi, Pangan',
      authors: ['Sari Dewi'],
      source: 'Antara',
      url: 'https://example.org/beras',
    };
    const storm = {
      title: 'Storm hits the coast',
      date: '2024-03',
      body: 'A storm hit the coast on Monday. Thousands of people were evacuated from low-lying areas.',
    };
    await writeFile(
      path.join(dumps, 'dump.jsonl'),
      [
        JSON.stringify(beras),
        JSON.stringify(storm),
        'not json',
        '{"title": "Tanpa Tanggal", "body": "Isi."}',
        JSON.stringify(beras),
      ].join('\n'),
    );
    await writeFile(
      path.join(dumps, 'dump.csv'),
      'Title,Date,Body,Tags\n"Gempa di Cianjur",2022-11-21,"Gempa mengguncang Cianjur.\n\nWarga mengungsi.","Gempa;Jawa Barat"\n"Bulan Salah",2022-13-01,"Isi berita.",\n',
    );
  });

  it('only says what it would do with --dry-run', async () => {
    const result = await cli('import', [dumps, '--out', content, '--dry-run']);
    expect(result.output).toContain(`would create ${path.join(content, '2024', '03', 'harga-beras-naik.md')}`);
    expect(result.output).toContain('3 to create, 0 unchanged, 4 skipped');
    expect(existsSync(content)).toBe(false);
  });

  it('creates an article per usable record and names every record it skipped, with its line', async () => {
    const result = await cli('import', [dumps, '--out', content]);
    expect(result.exitCode).toBe(1);
    const jsonl = path.join(dumps, 'dump.jsonl');
    const csv = path.join(dumps, 'dump.csv');
    expect(result.output).toContain(`${jsonl}:3: record: skipped: is not valid JSON`);
    expect(result.output).toContain(`${jsonl}:4: date: skipped: is required`);
    expect(result.output).toContain(`${jsonl}:5: record: skipped: repeats the record at ${jsonl}:1`);
    expect(result.output).toContain(`${csv}:5: date: skipped: month 13 does not exist`);
    expect(result.output).toContain(
      '7 records in 2 files: 3 created, 0 unchanged, 4 skipped (0 edited, 1 duplicate, 3 unusable).',
    );
    expect(await listFiles(content)).toEqual([
      '2022/11/gempa-di-cianjur.md',
      '2024/03/harga-beras-naik.md',
      '2024/03/storm-hits-the-coast.md',
    ]);

    const beras = await readFile(path.join(content, '2024/03/harga-beras-naik.md'), 'utf8');
    expect(beras).toContain('date: 2024-03-05\n');
    expect(beras).toContain('tags: [Ekonomi, Pangan]\n');
    expect(beras).toContain('authors: [Sari Dewi]\n');
    expect(beras).toContain('source:\n  name: Antara\n  url: https://example.org/beras\n');
    expect(beras).toContain('\nHarga beras naik di pasar.\n\nPedagang mengeluh.\n');
    const storm = await readFile(path.join(content, '2024/03/storm-hits-the-coast.md'), 'utf8');
    expect(storm).toContain('date: 2024-03\n');
    expect(storm).toContain('lang: en\n');
    const gempa = await readFile(path.join(content, '2022/11/gempa-di-cianjur.md'), 'utf8');
    expect(gempa).toContain('tags: [Gempa, Jawa Barat]\n');

    const again = await cli('import', [dumps, '--out', content]);
    expect(again.output).toContain('0 created, 3 unchanged');
  });
});

describe('npm run dev', () => {
  it('redirects the old paths of articles to their permalinks, drafts included, and sees new ones', async () => {
    const dir = path.join(work, 'dev-content');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'banjir.md'),
      '---\ntitle: Banjir\ndate: 2024-01-05\naliases: [/lama/banjir/, /berita/123.html]\n---\n\nIsi.\n',
    );
    await writeFile(
      path.join(dir, 'draf.md'),
      '---\ntitle: Draf\ndate: 2024-01-06\ndraft: true\naliases: [/lama/draf/]\n---\n\nIsi.\n',
    );
    const server = await startDevServer({ WARTA_CONTENT_DIR: dir });
    const locationOf = async (sitePath: string) => {
      const response = await fetch(new URL(sitePath.slice(1), server.url), { redirect: 'manual' });
      await response.body?.cancel();
      return `${response.status} ${response.headers.get('location') ?? ''}`;
    };
    try {
      expect(await locationOf('/lama/banjir/')).toBe('302 /2024/01/05/banjir/');
      // Like every page of the site (trailingSlash: 'always'), an old folder path needs its slash in dev.
      expect(await locationOf('/lama/banjir')).toBe('404 ');
      expect(await locationOf('/berita/123.html')).toBe('302 /2024/01/05/banjir/');
      expect(await locationOf('/lama/draf/')).toBe('302 /2024/01/06/draf/');
      expect(await locationOf('/2024/01/05/banjir/')).toBe('200 ');

      // An alias added while the server runs redirects without a restart.
      await writeFile(
        path.join(dir, 'banjir.md'),
        '---\ntitle: Banjir\ndate: 2024-01-05\naliases: [/lama/banjir/, /baru/banjir/]\n---\n\nIsi.\n',
      );
      const deadline = Date.now() + 30_000;
      while ((await locationOf('/baru/banjir/')) !== '302 /2024/01/05/banjir/' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(await locationOf('/baru/banjir/')).toBe('302 /2024/01/05/banjir/');
      expect(await locationOf('/berita/123.html')).not.toMatch(/^302/);
    } finally {
      await server.stop();
    }
  });
});

describe('publishing states in the built fixture archive', () => {
  const build = openArchive(inject('basicOutDir'));

  it('serves a redirect page at each old path of an article', async () => {
    for (const oldPath of ['/old/sanctions-bite.html', '/lama/sanksi/']) {
      const { document } = parseHTML(await build.read(oldPath));
      expect(document.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
        '0; url=/2022/09/06/sanctions-bite/',
      );
      expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        'https://warta.example.org/2022/09/06/sanctions-bite/',
      );
      expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      const link = document.querySelector('a');
      expect(link?.getAttribute('href')).toBe('/2022/09/06/sanctions-bite/');
      expect(link?.textContent).toBe('Sanctions Bite');
      expect(document.documentElement.getAttribute('lang')).toBe('en');
    }
  });

  it('writes a _redirects file for hosts that read one', async () => {
    expect(await readFile(path.join(build.outDir, '_redirects'), 'utf8')).toContain(
      '/lama/sanksi/ /2022/09/06/sanctions-bite/ 301\n/old/sanctions-bite.html /2022/09/06/sanctions-bite/ 301\n',
    );
  });

  it("turns a relative link to another article file into that article's address", async () => {
    const { document } = parseHTML(await build.read('/2024/01/01/malam-tahun-baru/'));
    const link = [...document.querySelectorAll('.article-body a')].find((a) => a.textContent === 'arsip bulanan');
    expect(link?.getAttribute('href')).toBe('/2023/09/arsip-bulanan/#isi');
  });

  it('ends an article with its dated corrections log, and a later correction sets "updated"', async () => {
    const { document } = parseHTML(await build.read('/2022/09/06/korea-utara-jual-peluru/'));
    const corrections = document.querySelector('.article-footer .corrections');
    expect(corrections?.querySelector('h2')?.textContent).toBe('Koreksi');
    const entry = corrections?.querySelector('li');
    expect(entry?.querySelector('time')?.getAttribute('datetime')).toBe('2022-09-08');
    expect(entry?.textContent).toBe('Kamis, 8 September 2022: Judul diperbaiki.');
    // The file sets no "updated"; the correction two days after publication does.
    expect(document.querySelector('.updated time')?.textContent).toBe('Kamis, 8 September 2022');
  });
});
