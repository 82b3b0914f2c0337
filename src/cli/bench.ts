/**
 * `npm run bench -- --articles N [--seed S] [--keep] [--json <file>] [--verify] [--config <file>] [--api] [--shards N]`: generates a deterministic
 * archive, builds it cold exactly as `npm run build` does (through WARTA_CONTENT_DIR), edits one
 * article and builds again warm, and prints the figures of both builds (with `--verify`, also what
 * `npm run verify` took after each; with `--api`, builds with the JSON API on and prints its bytes
 * and files); then puts a fixed set of
 * queries to the search page and to plain Pagefind over the same pages, in the same run, and prints
 * what each found first and what it cost. `npm run bench -- --fuzz N [--seed S]` instead sends N
 * generated hostile articles through every output (tests/helpers/hostile-articles.ts) and prints how
 * many it tried, refused and published.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { chromiumPath, launchBrowser, serveStatic } from '../../tests/helpers/browser';
import { fuzzHostileArticles } from '../../tests/helpers/hostile-articles';
import { writePlainIndex, type QueryRun } from '../../tests/helpers/search-measure';
import { generateArchive, type PlantedWord } from '../bench/generate-archive';
import { benchQueries, compareQueries, type QueryComparison } from '../bench/search-queries';
import { fixedBuildClock } from '../lib/core/build-time';
import type { BuildReport } from '../lib/report/build-report';

const HELP = `Usage: npm run bench -- --articles N [--seed S] [--keep] [--json <file>] [--no-warm] [--no-search] [--verify] [--config <file>] [--api] [--shards N]
       npm run bench -- --fuzz N [--seed S]

Generates N articles (default 1000) in a temporary folder, with rare words planted in some, builds
them cold, edits one article, rebuilds warm, and prints: pages by type, seconds per phase, articles
per second, peak resident memory per process, size of dist/ and of the search index. Then indexes
the same article pages with plain Pagefind and runs each planted word, common words and two-word
phrases on both in Chromium: position of the article that holds a rare word, agreement of the top
ten, milliseconds and bytes to the first and to the complete results.

Options:
  --articles N    how many articles to generate (default 1000)
  --seed S        seed of the generator (default 1); the same seed writes the same archive
  --keep          keep the temporary folder and print its path
  --json <file>   also write the figures as JSON, for comparison between commits
  --no-warm       skip the warm rebuild
  --no-search     skip the search comparison
  --verify        run \`npm run verify\` after each build, with the digests in the build's cache:
                  after the cold build every page is validated (nothing verified before), after
                  the warm one only the changed pages and the sample; prints its seconds
  --config <file> build with this Astro config instead of astro.config.mjs, e.g.
                  src/bench/lean-pages.config.mjs: day archives, tag feeds and author pages off
  --api           build with the JSON API on (WARTA_API=1) and print what it adds: bytes and
                  files under api/, and how many of them the warm rebuild changed
  --part-pages N  split each language's search index into parts of N articles
                  (WARTA_SEARCH_PART_PAGES), to compare that layout with the default
  --shards N      build in N shards at once on this machine, merged (WARTA_SHARDS; 1: one
                  build; by default as npm run build decides, by the archive's size)
  --sequential-shards N
                  also build the archive in N shards one after another (as N CI jobs would),
                  merge them, and print each shard's and the merge's figures; compares the merged
                  output with the cold build's, file by file
  --no-whole      with --sequential-shards, skip the build of the whole archive
  --fuzz N        instead of building, send N generated hostile articles through every output
                  (the property test of npm test runs 1,000) and print how many it tried
  -h, --help      show this help`;

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Figures of one build. */
interface BuildFigures {
  label: string;
  exitCode: number;
  wallSeconds: number;
  report?: BuildReport;
  /** Peak resident memory in MiB, by process name. */
  peakRssMiB: Record<string, number>;
  distBytes: number;
  distFiles: number;
  searchIndexBytes: number;
  /** Bytes and files of the JSON API (`api/`), with `--api`. */
  api?: { bytes: number; files: number };
  /** What `npm run verify` took and found on this build, with `--verify`. */
  verify?: VerifyFigures;
  /** Against the build before: what a deploy that sends changed files only uploads and deletes. */
  upload?: { files: number; bytes: number; deleted: number; apiFiles?: number };
}

/** Figures of one `npm run verify` run. */
interface VerifyFigures {
  exitCode: number;
  wallSeconds: number;
  linkSeconds: number;
  brokenLinks: number;
  htmlSeconds: number;
  /** Pages validated, of how many, and why: new or changed, or unchanged in the sample. */
  htmlPages: number;
  htmlTotal: number;
  htmlChanged: number;
  htmlSampled: number;
  htmlProblems: number;
}

// Runs `npm run verify -- --json` on the bench's output with its cache folder, as a deploy would.
async function verifyBuild(label: string, work: string): Promise<VerifyFigures> {
  const started = performance.now();
  const { NODE_ENV: _ignored, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    [
      path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'),
      'src/cli/verify.ts',
      '--json',
      '--dir',
      path.join(work, 'dist'),
    ],
    {
      cwd: projectRoot,
      env: { ...inherited, WARTA_CACHE_DIR: path.join(work, 'cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void appendFile(path.join(work, `verify-${label}.log`), chunk));
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const wallSeconds = (performance.now() - started) / 1000;
  let report: {
    links: { seconds: number; broken: unknown[] };
    html: { seconds: number; pages: number; total: number; changed: number; sampled: number; problems: unknown[] };
  };
  try {
    report = JSON.parse(stdout) as typeof report;
  } catch {
    throw new Error(`npm run verify after the ${label} build printed no report (exit code ${exitCode}); see ${work}`);
  }
  return {
    exitCode,
    wallSeconds,
    linkSeconds: report.links.seconds,
    brokenLinks: report.links.broken.length,
    htmlSeconds: report.html.seconds,
    htmlPages: report.html.pages,
    htmlTotal: report.html.total,
    htmlChanged: report.html.changed,
    htmlSampled: report.html.sampled,
    htmlProblems: report.html.problems.length,
  };
}

async function descendants(root: number): Promise<number[]> {
  const children = new Map<number, number[]>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const statLine = await readFile(`/proc/${name}/stat`, 'utf8');
      // The command may contain spaces and parentheses; the parent pid follows the last ')'.
      const ppid = Number(statLine.slice(statLine.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const result: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    result.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return result;
}

async function sampleMemory(root: number, peaks: Map<number, { name: string; kib: number }>): Promise<void> {
  for (const pid of await descendants(root)) {
    try {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      // Node names its main thread MainThread; report it as the node process it is.
      const raw = /^Name:\s+(.+)$/m.exec(status)?.[1] ?? '?';
      const name = raw === 'MainThread' ? 'node' : raw;
      // VmHWM is the process's own high-water mark, so a short spike between samples is not missed.
      const kib = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const previous = peaks.get(pid);
      if (!previous || kib > previous.kib) peaks.set(pid, { name, kib });
    } catch {
      // The process ended while we looked.
    }
  }
}

async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return { bytes, files };
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

async function build(
  label: string,
  work: string,
  env: NodeJS.ProcessEnv,
  args: readonly string[] = [],
): Promise<BuildFigures> {
  const reportFile = path.join(work, `report-${label}.json`);
  const logFile = path.join(work, `build-${label}.log`);
  const outDir = env['WARTA_OUT_DIR'] ?? path.join(work, 'dist');
  const started = performance.now();
  const { NODE_ENV: _ignored, ...inherited } = process.env;
  // As package.json's build script runs it (src/cli/build.ts: one build, or shards merged).
  const tsx = path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs');
  const child = spawn(process.execPath, [tsx, path.join(projectRoot, 'src/cli/build.ts'), ...args], {
    cwd: projectRoot,
    env: {
      ...inherited,
      ASTRO_TELEMETRY_DISABLED: '1',
      // A generated archive, measured and thrown away: it keeps the sample's address on purpose.
      WARTA_ALLOW_EXAMPLE_URL: '1',
      WARTA_OUT_DIR: outDir,
      WARTA_CACHE_DIR: path.join(work, 'cache'),
      WARTA_BUILD_REPORT: reportFile,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const peaks = new Map<number, { name: string; kib: number }>();
  // VmHWM is each process's own high-water mark, so sampling once a second misses no peak of a
  // process that lives longer than that, and keeps the sampler's own load off the build it measures.
  const sampler = setInterval(() => void sampleMemory(child.pid!, peaks), 1000);
  child.stdout.on('data', (chunk: Buffer) => void appendFile(logFile, chunk));
  child.stderr.on('data', (chunk: Buffer) => void appendFile(logFile, chunk));
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(sampler);
  const wallSeconds = (performance.now() - started) / 1000;

  const peakRssMiB: Record<string, number> = {};
  for (const { name, kib } of peaks.values()) {
    peakRssMiB[name] = Math.max(peakRssMiB[name] ?? 0, Math.round(kib / 1024));
  }
  let report: BuildReport | undefined;
  try {
    report = JSON.parse(await readFile(reportFile, 'utf8')) as BuildReport;
  } catch {
    report = undefined;
  }
  const dist = await folderSize(outDir);
  const search = await folderSize(path.join(outDir, 'pagefind'));
  const api = env['WARTA_API'] === '1' ? await folderSize(path.join(outDir, 'api')) : undefined;
  return {
    label,
    exitCode,
    wallSeconds,
    ...(report ? { report } : {}),
    peakRssMiB,
    distBytes: dist.bytes,
    distFiles: dist.files,
    searchIndexBytes: search.bytes,
    ...(api ? { api } : {}),
  };
}

/**
 * Shards built one after another, as N CI jobs would build them on machines of their own, then
 * merged: each shard's wall time and peak memory, and the merge's.
 */
async function simulateShards(
  count: number,
  work: string,
  env: NodeJS.ProcessEnv,
  configArgs: readonly string[],
): Promise<BuildFigures[]> {
  const figures: BuildFigures[] = [];
  const dirs: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const outDir = path.join(work, 'shards', String(index));
    console.error(`Shard ${index}/${count}…`);
    const shard = await build(
      `shard-${index}-of-${count}`,
      work,
      { ...env, WARTA_OUT_DIR: outDir, WARTA_CACHE_DIR: path.join(work, `cache-shard-${index}`) },
      ['--shard', `${index}/${count}`, ...configArgs],
    );
    figures.push(shard);
    dirs.push(outDir);
    if (shard.exitCode !== 0) return figures;
  }
  console.error('Merge…');
  // Moved, as the sharded workflow's merge job does.
  figures.push(
    await build('merge', work, { ...env, WARTA_OUT_DIR: path.join(work, 'merged') }, ['--merge', '--move', ...dirs]),
  );
  return figures;
}

/** How many files of `expected` are missing from `actual` or differ, and how many `actual` has besides. */
async function compareTrees(expected: string, actual: string): Promise<{ differ: number; extra: number }> {
  const [a, b] = await Promise.all([digestTree(expected), digestTree(actual)]);
  let differ = 0;
  for (const [file, digest] of a) if (b.get(file)?.md5 !== digest.md5) differ += 1;
  return { differ, extra: [...b.keys()].filter((file) => !a.has(file)).length };
}

/** Every file of an output folder with the digest and size of its bytes, to tell what a rebuild changed. */
async function digestTree(dir: string): Promise<Map<string, { md5: string; bytes: number }>> {
  const files = new Map<string, { md5: string; bytes: number }>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = await readFile(file);
    files.set(path.relative(dir, file), { md5: createHash('md5').update(bytes).digest('hex'), bytes: bytes.length });
  }
  return files;
}

/** What `npm run deploy:s3` (changed files by checksum) would send after `before`, and delete. */
function uploadBetween(
  before: Map<string, { md5: string; bytes: number }>,
  after: Map<string, { md5: string; bytes: number }>,
): { files: number; bytes: number; deleted: number; apiFiles?: number } {
  let files = 0;
  let bytes = 0;
  let apiFiles = 0;
  for (const [file, now] of after) {
    if (before.get(file)?.md5 === now.md5) continue;
    files += 1;
    bytes += now.bytes;
    if (file.startsWith(`api${path.sep}`)) apiFiles += 1;
  }
  const deleted = [...before.keys()].filter((file) => !after.has(file)).length;
  const hasApi = [...after.keys()].some((file) => file.startsWith(`api${path.sep}`));
  return { files, bytes, deleted, ...(hasApi ? { apiFiles } : {}) };
}

function formatRows(rows: [string, ...string[]][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows
    .map((row) =>
      row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]! + 2))).join(''),
    )
    .join('\n');
}

/** What the search comparison measured: plain Pagefind's indexing, and every query on both. */
interface SearchFigures {
  plainIndexSeconds: number;
  plainIndexPages: number;
  queries: QueryComparison[];
}

/** Indexes the built archive with plain Pagefind and runs the benchmark's queries on both. */
async function compareSearch(outDir: string, planted: readonly PlantedWord[]): Promise<SearchFigures | undefined> {
  if (!existsSync(chromiumPath)) {
    console.error(`No Chromium at ${chromiumPath}: the search comparison is skipped.`);
    return undefined;
  }
  console.error('Plain Pagefind index of the same pages…');
  const started = performance.now();
  const plainIndexPages = await writePlainIndex(outDir);
  const plainIndexSeconds = (performance.now() - started) / 1000;
  const queries = benchQueries(planted);
  const [site, browser] = await Promise.all([serveStatic(outDir), launchBrowser()]);
  try {
    console.error(`${queries.length} queries on both…`);
    const compared = await compareQueries(browser, site, queries, outDir, (n) => {
      if (n % 10 === 0) console.error(`  ${n} / ${queries.length}`);
    });
    return { plainIndexSeconds, plainIndexPages, queries: compared };
  } finally {
    await browser.close();
    await site.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The search comparison as a table by kind of query, with the floors of issue 16 checked. */
function formatSearch(figures: SearchFigures): string {
  const { queries } = figures;
  const rows: [string, ...string[]][] = [['', 'Warta', 'plain (id+en)', 'plain (id)']];
  const rare = queries.filter((q) => q.expected !== undefined);
  const firstOf = (run: (q: QueryComparison) => string[]) =>
    `${rare.filter((q) => run(q)[0] === q.expected).length}/${rare.length}`;
  rows.push([
    'rare words: their article first',
    firstOf((q) => q.warta.paths),
    firstOf((q) => q.plain.paths),
    firstOf((q) => q.plainOne.paths),
  ]);
  const others = queries.filter((q) => q.kind === 'common' || q.kind === 'phrase');
  const sameTop = others.filter((q) => q.warta.paths.join() === q.plain.paths.join()).length;
  rows.push(['common words, phrases: top 10 as plain (id+en)', `${sameTop}/${others.length}`, '', '']);
  // One row a figure and kind of query: median over the queries of that kind, maximum in brackets.
  const measures: [string, (run: QueryRun) => number, number][] = [
    ['ms to first', (run) => run.firstMs, 1],
    ['ms to complete', (run) => run.completeMs, 1],
    ['kB to first, as served', (run) => run.firstBytes, 1000],
    ['kB to complete, as served', (run) => run.completeBytes, 1000],
    ['kB to first, gzipped', (run) => run.firstGzipBytes, 1000],
    ['kB to complete, gzipped', (run) => run.completeGzipBytes, 1000],
  ];
  for (const kind of ['rare', 'near-miss', 'common', 'phrase', 'english'] as const) {
    const ofKind = queries.filter((q) => q.kind === kind);
    if (ofKind.length === 0) continue;
    measures.forEach(([label, figure, scale], at) => {
      const cell = (run: (q: QueryComparison) => QueryRun) => {
        const values = ofKind.map((q) => figure(run(q)) / scale);
        return `${median(values).toFixed(0)} (max ${Math.max(...values).toFixed(0)})`;
      };
      const name = at === 0 ? `${kind} (${ofKind.length}): ${label}` : `  ${label}`;
      rows.push([name, cell((q) => q.warta), cell((q) => q.plain), cell((q) => q.plainOne)]);
    });
  }
  // The floors: first results cost no more than plain Pagefind's one language on the same page,
  // where that language has results; complete results at most twice plain Pagefind's.
  const shownFirst = queries.filter((q) => q.warta.firstMs < q.warta.completeMs || q.plainOne.total > 0);
  const firstOk = shownFirst.filter((q) => q.warta.firstBytes <= q.plainOne.completeBytes).length;
  const completeOk = queries.filter((q) => q.warta.completeBytes <= 2 * q.plainOne.completeBytes).length;
  const lines = [
    formatRows(rows),
    '',
    `plain Pagefind indexed ${figures.plainIndexPages} pages in ${figures.plainIndexSeconds.toFixed(1)} s`,
    `floor: bytes to first results <= plain (id), queries with first results in Indonesian: ${firstOk}/${shownFirst.length}`,
    `floor: bytes to complete results <= 2 x plain (id): ${completeOk}/${queries.length}`,
  ];
  const misses = rare.filter((q) => q.warta.paths[0] !== q.expected);
  for (const miss of misses)
    lines.push(`  missed: ${miss.query} (expected ${miss.expected}, got ${miss.warta.paths[0] ?? 'nothing'})`);
  return lines.join('\n');
}

function formatTable(articles: number, builds: BuildFigures[]): string {
  const rows: [string, ...string[]][] = [];
  const add = (label: string, value: (b: BuildFigures) => string) => rows.push([label, ...builds.map(value)]);
  add('build', (b) => b.label);
  add('exit code', (b) => String(b.exitCode));
  add('articles', (b) => String(b.report?.content?.articles ?? articles));
  add('pages written', (b) => String(b.report?.totalPages ?? '?'));
  const types = [...new Set(builds.flatMap((b) => Object.keys(b.report?.pages ?? {})))].sort();
  for (const type of types)
    add(`  ${type} pages`, (b) => String(b.report?.pages[type as keyof BuildReport['pages']] ?? 0));
  const phaseNames = [...new Set(builds.flatMap((b) => b.report?.phases.map((p) => p.name) ?? []))];
  for (const name of phaseNames) {
    add(`${name} (s)`, (b) => b.report?.phases.find((p) => p.name === name)?.seconds.toFixed(1) ?? '?');
  }
  add('wall time (s)', (b) => b.wallSeconds.toFixed(1));
  add('articles per second', (b) => (articles / b.wallSeconds).toFixed(0));
  const processes = [...new Set(builds.flatMap((b) => Object.keys(b.peakRssMiB)))].sort();
  for (const name of processes) add(`peak RSS ${name} (MiB)`, (b) => String(b.peakRssMiB[name] ?? '-'));
  add('dist/ size (MiB)', (b) => (b.distBytes / 1048576).toFixed(1));
  add('dist/ files', (b) => String(b.distFiles));
  add('search index (MiB)', (b) => (b.searchIndexBytes / 1048576).toFixed(1));
  if (builds.some((b) => b.api)) {
    add('JSON API (MiB)', (b) => (b.api ? (b.api.bytes / 1048576).toFixed(1) : '-'));
    add('JSON API files', (b) => (b.api ? String(b.api.files) : '-'));
    add('  share of dist/ bytes', (b) => (b.api ? `${((100 * b.api.bytes) / b.distBytes).toFixed(0)} %` : '-'));
  }
  // The output by kind, as a host counts it (the build report's figures), heaviest first.
  const kinds = Object.entries(builds[0]?.report?.output?.byKind ?? {})
    .sort(([, a], [, b]) => b.bytes - a.bytes)
    .map(([kind]) => kind);
  for (const kind of kinds) {
    add(`  ${kind} (MB / files)`, (b) => {
      const figures = b.report?.output?.byKind[kind];
      return figures ? `${(figures.bytes / 1e6).toFixed(1)} / ${figures.files}` : '-';
    });
  }
  if (builds.some((b) => b.upload)) {
    add('upload after the edit (files)', (b) => (b.upload ? String(b.upload.files) : '-'));
    add('upload after the edit (MB)', (b) => (b.upload ? (b.upload.bytes / 1e6).toFixed(2) : '-'));
    add('deleted after the edit (files)', (b) => (b.upload ? String(b.upload.deleted) : '-'));
    if (builds.some((b) => b.upload?.apiFiles !== undefined))
      add('  of which API files', (b) => (b.upload?.apiFiles === undefined ? '-' : String(b.upload.apiFiles)));
  }
  if (builds.some((b) => b.verify)) {
    const verified = (value: (v: VerifyFigures) => string) => (b: BuildFigures) => (b.verify ? value(b.verify) : '-');
    add(
      'verify: links (s)',
      verified((v) => v.linkSeconds.toFixed(1)),
    );
    add(
      'verify: HTML (s)',
      verified((v) => v.htmlSeconds.toFixed(1)),
    );
    add(
      'verify: pages validated',
      verified((v) => `${v.htmlPages} of ${v.htmlTotal}`),
    );
    add(
      '  new or changed',
      verified((v) => String(v.htmlChanged)),
    );
    add(
      '  unchanged, sampled',
      verified((v) => String(v.htmlSampled)),
    );
    add(
      'verify: wall time (s)',
      verified((v) => v.wallSeconds.toFixed(1)),
    );
    add(
      'verify: broken / invalid',
      verified((v) => `${v.brokenLinks} / ${v.htmlProblems}`),
    );
  }
  return formatRows(rows);
}

async function editOneArticle(contentDir: string): Promise<string> {
  const files = (await readdir(contentDir, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
  const target = path.join(contentDir, files[Math.floor(files.length / 2)]!);
  await appendFile(target, '\nA correction added by the benchmark to measure a warm rebuild.\n');
  return target;
}

/** Runs the hostile-article property for `cases` articles and prints what it tried. */
async function fuzz(cases: number, seed: number): Promise<number> {
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--fuzz must be a positive whole number');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  console.error(`Sending ${cases} generated hostile articles (seed ${seed}) through every output…`);
  const started = performance.now();
  try {
    const tally = await fuzzHostileArticles(cases, seed);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fuzz: tried ${tally.tried} hostile articles in ${seconds.toFixed(1)} s (seed ${seed}): ` +
        `${tally.refused} refused with a problem naming file and field, ${tally.published} published ` +
        'with every output parsed and no payload alive',
    );
    return 0;
  } catch (error) {
    console.log(`fuzz: a generated article broke an output (seed ${seed}):\n${String(error)}`);
    return 1;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      json: { type: 'string' },
      'no-warm': { type: 'boolean', default: false },
      'no-search': { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      api: { type: 'boolean', default: false },
      'part-pages': { type: 'string' },
      shards: { type: 'string' },
      'sequential-shards': { type: 'string' },
      'no-whole': { type: 'boolean', default: false },
      config: { type: 'string' },
      fuzz: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const seed = Number(values.seed);
  if (values.fuzz !== undefined) return fuzz(Number(values.fuzz), seed);
  const articles = Number(values.articles);
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles must be a positive whole number`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number`);

  const work = await mkdtemp(path.join(tmpdir(), 'warta-bench-'));
  const contentDir = path.join(work, 'content');
  await mkdir(contentDir);
  try {
    console.error(`Generating ${articles} articles (seed ${seed}) in ${contentDir}…`);
    const generated = await generateArchive({
      articles,
      seed,
      directory: contentDir,
      onProgress: (n) => console.error(`  ${n} / ${articles}`),
      // Enough to see a miss, and few enough that the comparison takes minutes.
      plantedWords: 40,
    });
    console.error(`  ${generated.words} words.`);
    // A fresh compile cache: Astro's CLI otherwise reuses one from earlier runs and flatters a cold build.
    const partEnv: NodeJS.ProcessEnv = {
      ...(values['part-pages'] ? { WARTA_SEARCH_PART_PAGES: values['part-pages'] } : {}),
      ...(values.shards ? { WARTA_SHARDS: values.shards } : {}),
      ...(values.api ? { WARTA_API: '1' } : {}),
    };
    const sequential = values['sequential-shards'] ? Number(values['sequential-shards']) : undefined;
    if (sequential !== undefined && (!Number.isInteger(sequential) || sequential < 1)) {
      throw new Error('--sequential-shards must be a whole number of shards');
    }
    const env = { WARTA_CONTENT_DIR: contentDir, NODE_COMPILE_CACHE: path.join(work, 'compile-cache'), ...partEnv };
    // Astro takes the path of --config from the project's root.
    const configArgs = values.config ? ['--config', path.relative(projectRoot, path.resolve(values.config))] : [];
    if (sequential !== undefined) {
      // Each shard as on a machine of its own: one build each, no shards within it; one clock for
      // the whole build and every shard, as the sharded workflow fixes it for its jobs.
      const shardEnv = { ...env, WARTA_SHARDS: '1', SOURCE_DATE_EPOCH: fixedBuildClock(process.env) };
      if (!values['no-whole']) console.error('Cold build of the whole archive…');
      const whole = values['no-whole'] ? undefined : await build('cold', work, shardEnv, configArgs);
      const shards = await simulateShards(sequential, work, shardEnv, configArgs);
      console.log(`\nWarta benchmark: ${articles} articles, seed ${seed}, ${sequential} shards one after another\n`);
      console.log(formatTable(articles, [...(whole ? [whole] : []), ...shards]));
      const slowest = Math.max(...shards.slice(0, -1).map((shard) => shard.wallSeconds));
      const merge = shards.at(-1)!;
      console.log(`\nslowest shard ${slowest.toFixed(1)} s, merge ${merge.wallSeconds.toFixed(1)} s`);
      if (whole && whole.exitCode === 0 && merge.exitCode === 0) {
        console.log(`slowest shard / whole build: ${(slowest / whole.wallSeconds).toFixed(2)}`);
        const { differ, extra } = await compareTrees(path.join(work, 'dist'), path.join(work, 'merged'));
        console.log(`merged output against the whole build: ${differ} files missing or different, ${extra} extra`);
      }
      if (values.json) await writeFile(values.json, `${JSON.stringify({ articles, seed, whole, shards }, null, 2)}\n`);
      return [whole, ...shards].every((figure) => !figure || figure.exitCode === 0) ? 0 : 1;
    }
    console.error('Cold build…');
    const cold = await build('cold', work, env, configArgs);
    const builds = [cold];
    if (values.verify && cold.exitCode === 0) {
      console.error('Verify after the cold build (no earlier digests: every page)…');
      cold.verify = await verifyBuild('cold', work);
    }
    if (!values['no-warm'] && cold.exitCode === 0) {
      const coldFiles = await digestTree(path.join(work, 'dist'));
      const edited = await editOneArticle(contentDir);
      console.error(`Warm build after editing ${path.relative(contentDir, edited)}…`);
      builds.push(
        await build(
          'warm',
          work,
          { WARTA_CONTENT_DIR: contentDir, NODE_COMPILE_CACHE: path.join(work, 'compile-cache'), ...partEnv },
          configArgs,
        ),
      );
      if (builds[1]!.exitCode === 0)
        builds[1]!.upload = uploadBetween(coldFiles, await digestTree(path.join(work, 'dist')));
      if (values.verify && builds[1]!.exitCode === 0) {
        console.error('Verify after the warm build (the changed pages and the sample)…');
        builds[1]!.verify = await verifyBuild('warm', work);
      }
    }
    // The build figures first: the search comparison's plain Pagefind index can outgrow the
    // machine's memory (it did at 100,000 articles on 24 GiB), and they must not be lost with it.
    console.log(`\nWarta benchmark: ${articles} articles, seed ${seed}\n`);
    console.log(formatTable(articles, builds));
    const search =
      values['no-search'] || builds.some((b) => b.exitCode !== 0)
        ? undefined
        : await compareSearch(path.join(work, 'dist'), generated.planted);
    if (search) {
      console.log(
        `\nSearch: Warta's page and plain Pagefind 1.6 over the same article pages, one query per fresh browser\n`,
      );
      console.log(formatSearch(search));
    }
    if (values.json) {
      const figures = { articles, seed, words: generated.words, builds, search };
      await writeFile(values.json, `${JSON.stringify(figures, null, 2)}\n`);
    }
    if (builds.some((b) => b.exitCode !== 0)) {
      console.error(`A build failed; its log is in ${work}`);
      values.keep = true;
      return 1;
    }
    return 0;
  } finally {
    if (values.keep) console.error(`Kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
