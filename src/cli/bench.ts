/**
 * `npm run bench -- --articles N [--seed S] [--keep] [--json <file>]`: generates a deterministic
 * archive, builds it cold exactly as `npm run build` does (through WARTA_CONTENT_DIR), edits one
 * article and builds again warm, and prints the figures of both builds.
 */
import { spawn } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromiumPath, launchBrowser, recordFetches, serveStatic } from '../../tests/helpers/browser';
import { waitForAnswer } from '../../tests/helpers/search-page';
import { generateArchive } from '../bench/generate-archive';
import type { BuildReport } from '../lib/build-report';

const HELP = `Usage: npm run bench -- --articles N [--seed S] [--keep] [--json <file>] [--no-warm]

Generates N articles (default 1000) in a temporary folder, builds them cold, edits one article,
rebuilds warm, and prints: pages by type, seconds per phase, articles per second, peak resident
memory per process, size of dist/ and of the search index.

Options:
  --articles N    how many articles to generate (default 1000)
  --seed S        seed of the generator (default 1); the same seed writes the same archive
  --keep          keep the temporary folder and print its path
  --json <file>   also write the figures as JSON, for comparison between commits
  --no-warm       skip the warm rebuild
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
  query?: QueryFigures;
}

/** What a browser fetches to answer one typical query on the search page. */
interface QueryFigures {
  /** The query typed. */
  query: string;
  /** Results the page reported. */
  status: string;
  /** Requests made for search (Pagefind script, WebAssembly, index chunks, fragments). */
  requests: number;
  /** Bytes of those responses as served (the test server does not compress). */
  bytes: number;
  /** The same responses gzip-compressed, as most static hosts send JavaScript and WebAssembly. */
  gzipBytes: number;
}

/** Opens /search/?q=<query> in Chromium on the built archive and adds up what search fetched. */
async function measureQuery(outDir: string, query: string): Promise<QueryFigures | undefined> {
  if (!existsSync(chromiumPath)) return undefined;
  const [site, browser] = await Promise.all([serveStatic(outDir), launchBrowser()]);
  try {
    const page = await browser.newPage();
    const fetched = await recordFetches(page, /\/pagefind\//, async () => {
      await page.goto(site.at(`/search/?q=${encodeURIComponent(query)}`));
      await waitForAnswer(page);
    });
    const status = (await page.locator('#search-status').textContent()) ?? '';
    let gzipBytes = 0;
    for (const resource of fetched) {
      const file = path.join(outDir, new URL(resource.url).pathname);
      // Pagefind's index chunks are stored compressed already; gzip leaves them as they are.
      gzipBytes += existsSync(file)
        ? Math.min(resource.bodyBytes, gzipSync(await readFile(file)).length)
        : resource.bodyBytes;
    }
    return {
      query,
      status: status.trim(),
      requests: fetched.length,
      bytes: fetched.reduce((sum, resource) => sum + resource.bodyBytes, 0),
      gzipBytes,
    };
  } finally {
    await browser.close();
    await site.close();
  }
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

async function build(label: string, work: string, env: NodeJS.ProcessEnv): Promise<BuildFigures> {
  const reportFile = path.join(work, `report-${label}.json`);
  const logFile = path.join(work, `build-${label}.log`);
  const outDir = path.join(work, 'dist');
  const started = performance.now();
  const { NODE_ENV: _ignored, ...inherited } = process.env;
  // As package.json's build script runs it: a 100,000-article archive needs more than Node's
  // default heap of about 4 GiB.
  const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const child = spawn(process.execPath, ['--max-old-space-size=8192', astro, 'build'], {
    cwd: projectRoot,
    env: {
      ...inherited,
      ASTRO_TELEMETRY_DISABLED: '1',
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
  // A word in many generated articles of both languages, so the query loads a realistic share.
  const query = exitCode === 0 ? await measureQuery(outDir, 'pemerintah') : undefined;
  return {
    ...(query ? { query } : {}),
    label,
    exitCode,
    wallSeconds,
    ...(report ? { report } : {}),
    peakRssMiB,
    distBytes: dist.bytes,
    distFiles: dist.files,
    searchIndexBytes: search.bytes,
  };
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
  add('query "pemerintah": requests', (b) => String(b.query?.requests ?? '-'));
  add('query bytes as served (kB)', (b) => (b.query ? (b.query.bytes / 1000).toFixed(0) : '-'));
  add('query bytes gzipped (kB)', (b) => (b.query ? (b.query.gzipBytes / 1000).toFixed(0) : '-'));
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows
    .map((row) =>
      row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]! + 2))).join(''),
    )
    .join('\n');
}

async function editOneArticle(contentDir: string): Promise<string> {
  const files = (await readdir(contentDir, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
  const target = path.join(contentDir, files[Math.floor(files.length / 2)]!);
  await appendFile(target, '\nA correction added by the benchmark to measure a warm rebuild.\n');
  return target;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      json: { type: 'string' },
      'no-warm': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const articles = Number(values.articles);
  const seed = Number(values.seed);
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
    });
    console.error(`  ${generated.words} words.`);
    // A fresh compile cache: Astro's CLI otherwise reuses one from earlier runs and flatters a cold build.
    console.error('Cold build…');
    const cold = await build('cold', work, {
      WARTA_CONTENT_DIR: contentDir,
      NODE_COMPILE_CACHE: path.join(work, 'compile-cache'),
    });
    const builds = [cold];
    if (!values['no-warm'] && cold.exitCode === 0) {
      const edited = await editOneArticle(contentDir);
      console.error(`Warm build after editing ${path.relative(contentDir, edited)}…`);
      builds.push(
        await build('warm', work, {
          WARTA_CONTENT_DIR: contentDir,
          NODE_COMPILE_CACHE: path.join(work, 'compile-cache'),
        }),
      );
    }
    console.log(`\nWarta benchmark: ${articles} articles, seed ${seed}\n`);
    console.log(formatTable(articles, builds));
    if (values.json) {
      await writeFile(values.json, `${JSON.stringify({ articles, seed, words: generated.words, builds }, null, 2)}\n`);
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
