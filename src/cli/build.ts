/**
 * `npm run build`: builds the archive with Astro, as one build or in shards.
 *
 *   npm run build                              one build, or on a large archive and 4+ cores, shards merged
 *   npm run build -- --shard 1/2               shard 1 of 2 only, into WARTA_OUT_DIR (see src/lib/core/shards.ts)
 *   npm run build -- --merge shards/1 shards/2 the shards' outputs, merged into dist/ (or WARTA_OUT_DIR)
 *   npm run build -- --merge --move shards/*  the same, moving the shards' files instead of linking them
 *   npm run build -- --shards 4                four shards on this machine, merged
 *   npm run -s build -- --shard-key 1/2        a digest of shard 1's inputs (for a CI cache; src/files/shard-key.ts)
 *
 * Any other argument goes to `astro build` (`--json` prints the build report as a JSON line).
 * WARTA_SHARDS=N sets the number of shards on this machine (1: one build). By default a machine with
 * LOCAL_SHARD_MIN_CORES cores or more builds an archive of LOCAL_SHARD_THRESHOLD articles or more in
 * one shard per two cores (at most 4), each with Markdown threads of its own; a 2-core machine builds
 * it whole, which measured faster (docs/performance.md#sharded-builds: 10,000 articles, 108.9 s
 * whole against 138.7 s in 2 shards at once).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/** From how many articles `npm run build` builds in shards on a machine with enough cores. */
export const LOCAL_SHARD_THRESHOLD = 10_000;

/**
 * From how many cores. One build keeps about 1.2 cores busy (its page thread and Markdown threads):
 * on 2 cores, two shards at once only add the work each shard repeats (reading every article,
 * bundling the site), measured 27% slower at 10,000 articles.
 */
export const LOCAL_SHARD_MIN_CORES = 4;

const usage =
  'Usage: npm run build [-- --shard i/n | --merge [--move] <folder>… | --shards N | --shard-key i/n] [astro build options]';

/** Runs `astro build` with `env` added; resolves with its exit code. Output goes to `onLine`, or straight through. */
function runAstro(args: readonly string[], env: NodeJS.ProcessEnv, onLine?: (line: string) => void): Promise<number> {
  const child = spawn(process.execPath, ['--max-old-space-size=8192', astroBin, 'build', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: onLine ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  if (onLine) {
    for (const stream of [child.stdout!, child.stderr!]) {
      let rest = '';
      stream.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString('utf8')).split('\n');
        rest = lines.pop()!;
        for (const line of lines) onLine(line);
      });
      stream.on('end', () => rest && onLine(rest));
    }
  }
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

function outputFolder(): string {
  return path.resolve(process.env['WARTA_OUT_DIR'] ?? 'dist');
}

function cacheFolder(): string {
  return path.resolve(process.env['WARTA_CACHE_DIR'] ?? 'node_modules/.astro');
}

/** How many shards this machine builds in: WARTA_SHARDS, --shards, or by the archive's size and the cores. */
async function localShardCount(requested: string | undefined): Promise<number> {
  const configured = requested ?? process.env['WARTA_SHARDS'];
  if (configured !== undefined && configured !== '') {
    const count = Number(configured);
    if (!Number.isInteger(count) || count < 1) {
      throw new Error(
        `${requested ? '--shards' : 'WARTA_SHARDS'} must be a whole number of shards (1: one build), not "${configured}"`,
      );
    }
    return count;
  }
  const cores = availableParallelism();
  if (cores < LOCAL_SHARD_MIN_CORES) return 1;
  // Counting the files is enough to decide; the build itself reads and checks them.
  const { listArticleFiles, resolveContentDir } = await import('../files/content-folder');
  const files = await listArticleFiles(resolveContentDir()).catch(() => []);
  return files.length >= LOCAL_SHARD_THRESHOLD ? Math.min(4, Math.floor(cores / 2)) : 1;
}

/**
 * Builds `count` shards at once on this machine, each into a folder of its own under the cache
 * folder, then merges them into the output folder. Shard 1's log is shown as it goes; the other
 * shards' only when they fail, without the lines shard 1 already showed (a content error is every
 * shard's, and is listed once).
 */
async function buildLocalShards(count: number, args: readonly string[]): Promise<number> {
  const cacheDir = cacheFolder();
  const outDir = outputFolder();
  const key = createHash('sha256').update(`${outDir}\n${cacheDir}`).digest('hex').slice(0, 8);
  // Inside the project: Astro bundles the pages of an output folder outside it into the project's
  // .astro/ folder, which two builds at once would share.
  const shardRoot = path.join(process.cwd(), 'node_modules', '.cache', 'warta-shards', key);
  const shown = new Set<string>();
  const held = new Map<number, string[]>();
  const workers = Math.max(1, Math.floor(availableParallelism() / count));
  console.log(
    `[warta] building in ${count} shards at once (${workers} Markdown thread${workers === 1 ? '' : 's'} each)`,
  );
  const exits = await Promise.all(
    Array.from({ length: count }, (_, at) => {
      const index = at + 1;
      const lines: string[] = [];
      held.set(index, lines);
      const { WARTA_BUILD_REPORT: _report, ...env } = process.env;
      return runAstro(
        args.filter((arg) => arg !== '--json'),
        {
          ...env,
          WARTA_SHARD: `${index}/${count}`,
          WARTA_OUT_DIR: path.join(shardRoot, `${index}-of-${count}`),
          WARTA_CACHE_DIR: path.join(cacheDir, 'shards', `${index}-of-${count}`),
          WARTA_RENDER_WORKERS: process.env['WARTA_RENDER_WORKERS'] ?? String(workers),
        },
        (line) => {
          if (index === 1) {
            shown.add(line.trim());
            process.stdout.write(`[shard 1/${count}] ${line}\n`);
          } else lines.push(line);
        },
      );
    }),
  );
  const failed = exits.flatMap((code, at) => (code === 0 ? [] : [at + 1]));
  if (failed.length > 0) {
    for (const index of failed.filter((index) => index !== 1)) {
      for (const line of held.get(index) ?? []) {
        if (line.trim() !== '' && !shown.has(line.trim())) process.stderr.write(`[shard ${index}/${count}] ${line}\n`);
      }
    }
    console.error(
      `[warta] shard${failed.length === 1 ? '' : 's'} ${failed.map((i) => `${i}/${count}`).join(', ')} failed; ` +
        `the previous output at ${outDir} is left as it was`,
    );
    return 1;
  }
  const dirs = Array.from({ length: count }, (_, at) => path.join(shardRoot, `${at + 1}-of-${count}`));
  const configAt = args.indexOf('--config');
  const code = await merge(dirs, configAt === -1 ? undefined : args[configAt + 1], true);
  // The shards' pages are in the output now; what is left of their folders is not needed.
  if (code === 0) await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  return code;
}

/** Loads the site's settings as Astro will: from astro.config.mjs, or the file `--config` names. */
async function loadSettings(config: string | undefined): Promise<void> {
  if (config) await import(pathToFileURL(path.resolve(config)).href);
  else await import('./load-settings');
}

async function merge(dirs: readonly string[], config: string | undefined, move: boolean): Promise<number> {
  await loadSettings(config);
  const { mergeShards } = await import('../files/shard-merge');
  await mergeShards(
    dirs.map((dir) => path.resolve(dir)),
    { outDir: outputFolder(), cacheDir: cacheFolder(), move },
  );
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: {
      shard: { type: 'string' },
      merge: { type: 'boolean' },
      move: { type: 'boolean' },
      shards: { type: 'string' },
      'shard-key': { type: 'string' },
      // Astro's own option, passed on; the merge and the shard key read the same settings.
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  // What is not ours goes to astro build as it was given.
  const ours = new Set(['shard', 'merge', 'move', 'shards', 'shard-key', 'help', 'h']);
  const passed: string[] = [];
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option' && ours.has(token.name)) continue;
    if (token.kind === 'option') passed.push(token.rawName, ...(token.value !== undefined ? [token.value] : []));
    else if (token.kind === 'positional') {
      positionals.push(token.value);
      passed.push(token.value);
    }
  }
  const config = typeof values.config === 'string' ? values.config : undefined;
  if (values.move && !values.merge)
    throw new Error('--move goes with --merge: npm run build -- --merge --move shards/*');
  if (typeof values['shard-key'] === 'string') {
    await loadSettings(config);
    const { parseShard } = await import('../lib/core/shards');
    const { shardKey } = await import('../files/shard-key');
    console.log(await shardKey(parseShard(values['shard-key'], '--shard-key')));
    return 0;
  }
  // One clock for the whole build, its shards and its merge (src/lib/core/build-time.ts).
  const { fixedBuildClock } = await import('../lib/core/build-time');
  process.env['SOURCE_DATE_EPOCH'] = fixedBuildClock(process.env);
  if (values.merge) return merge(positionals, config, values.move === true);
  if (typeof values.shard === 'string') {
    const { parseShard } = await import('../lib/core/shards');
    parseShard(values.shard);
    return runAstro(passed, { WARTA_SHARD: values.shard.trim() });
  }
  const count = await localShardCount(typeof values.shards === 'string' ? values.shards : undefined);
  if (count > 1) return buildLocalShards(count, passed);
  return runAstro(passed, {});
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[warta] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
