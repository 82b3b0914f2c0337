/**
 * The merge of a sharded build (`npm run build -- --merge <shard folders…>`): puts the pages of every
 * shard (src/lib/core/shards.ts) into one output folder, then writes what needs every page, as
 * the last steps of one build do: the sitemaps, the redirects from old paths, the `_headers` file
 * and the search index's entry naming every shard's parts; then measures the output against the
 * chosen host's limits, swaps it into place and prints one build report. The result is
 * byte-for-byte the output of one build of the same commit and settings.
 */
import { copyFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import { formatShard } from '../lib/core/shards';
import type { BuildReport } from '../lib/report/build-report';
import { siteConfig } from '../site.config';
import { reportPublished, reportWarning, resetBuildContext } from '../integrations/build-context';
import { finishOutput } from '../integrations/build-frame';
import { markPhaseDone, startBuildTimer, timeStep } from '../integrations/build-report';
import { stageOutput } from '../integrations/build-staging';
import { searchIndexFolder, writeSearchIndex } from '../integrations/search-index';
import { linkTree, readEntry, type PagefindEntry } from '../integrations/search-part-cache';
import { wartaPublishing } from '../integrations/publishing';
import { securityHeaders } from '../integrations/security-headers';
import { wartaSitemap } from '../integrations/sitemap';
import { moveInto } from './move-folder';
import { readShardManifest, SHARD_FOLDER, type ReadShard } from './shard-manifest';

/** Files the merge's own steps append to (a hand-written public/_headers or _redirects): copied, not linked. */
const APPENDED = new Set(['_headers', '_redirects']);
const ENTRY = 'pagefind-entry.json';

/** Reads the shards in `dirs` and checks that they are every shard of one build, once each. */
export async function readShards(dirs: readonly string[]): Promise<ReadShard[]> {
  if (dirs.length === 0) throw new Error('--merge needs the output folders of the shards: --merge shards/1 shards/2');
  const shards = await Promise.all(dirs.map((dir) => readShardManifest(dir)));
  const problems: string[] = [];
  const count = shards[0]!.shard.count;
  for (const { dir, shard } of shards) {
    if (shard.count !== count) problems.push(`${dir} is shard ${formatShard(shard)}, the others are of ${count}`);
  }
  for (let index = 1; index <= count; index += 1) {
    const found = shards.filter((read) => read.shard.index === index);
    if (found.length === 0) problems.push(`shard ${index}/${count} is missing`);
    if (found.length > 1)
      problems.push(`shard ${index}/${count} is given twice (${found.map((s) => s.dir).join(', ')})`);
  }
  const fingerprint = shards[0]!.fingerprint;
  for (const { dir, shard, fingerprint: other } of shards) {
    if (other !== fingerprint) {
      problems.push(
        `${dir} (shard ${formatShard(shard)}) was built from other articles or settings than ${shards[0]!.dir}: ` +
          'build every shard from the same commit and settings',
      );
    }
  }
  if (problems.length > 0) throw new Error(`the shards cannot be merged:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return shards.sort((a, b) => a.shard.index - b.shard.index);
}

// Astro's logger, as far as the integrations run by the merge use it; warnings go into the report.
function mergeLogger(label: string): AstroIntegrationLogger {
  const write = (level: string, message: string) => process.stderr.write(`[${label}] ${level}${message}\n`);
  const logger = {
    label,
    options: {},
    info: (message: string) => process.stdout.write(`[${label}] ${message}\n`),
    warn: (message: string) => {
      reportWarning(`[${label}] ${message}`);
      write('warning: ', message);
    },
    error: (message: string) => write('error: ', message),
    debug: () => {},
    fork: (child: string) => mergeLogger(child),
  };
  return logger as unknown as AstroIntegrationLogger;
}

/** Runs the output step of one of the build's integrations over the merged folder. */
async function runOutputStep(
  integration: AstroIntegration,
  config: Partial<AstroConfig>,
  done: { dir: URL; pages: { pathname: string }[] },
): Promise<void> {
  const hooks = integration.hooks as Record<string, ((options: unknown) => unknown) | undefined>;
  const logger = mergeLogger(integration.name);
  await hooks['astro:routes:resolved']?.({ routes: [], logger });
  await hooks['astro:config:done']?.({ config, logger });
  await hooks['astro:build:done']?.({ ...done, logger });
}

/** The search index entries of the shards that have one (a shard may hold no articles). */
async function readSearchEntries(shards: readonly ReadShard[]): Promise<PagefindEntry[]> {
  const entries: PagefindEntry[] = [];
  for (const shard of shards) {
    const entry = await readEntry(path.join(shard.dir, searchIndexFolder)).catch(() => undefined);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** Writes the search index's entry listing every shard's parts, in the order one build lists them. */
async function mergeSearchEntry(entries: readonly PagefindEntry[], dir: string, cacheDir: string): Promise<void> {
  if (entries.length === 0) {
    // An archive without articles: the empty index one build writes.
    await writeSearchIndex(dir, { pages: [], cacheDir });
    return;
  }
  const parts = entries.flatMap((entry) => entry.warta_parts ?? []);
  // planSearchParts orders the parts by language, then from the oldest month.
  parts.sort((a, b) => (a.language === b.language ? a.from.localeCompare(b.from) : a.language < b.language ? -1 : 1));
  const merged: PagefindEntry = {
    version: entries[0]!.version,
    languages: {},
    include_characters: entries[0]!.include_characters ?? [],
    warta_parts: [],
  };
  for (const part of parts) {
    const entry = entries.find((candidate) => candidate.languages[part.key])!;
    merged.languages[part.key] = entry.languages[part.key]!;
    merged.warta_parts!.push(part);
  }
  await writeFile(path.join(dir, searchIndexFolder, ENTRY), JSON.stringify(merged));
}

const IMAGE = /\.(?:jpe?g|png|gif|webp|avif|svg|tiff?)$/i;

/**
 * The original pictures in `_astro/` that a shard has only because it rendered no page that uses
 * them. Astro keeps an imported picture's original unless it made smaller copies of it, and then
 * keeps it only where a page links to it; a shard that rendered none of the pages showing a picture
 * made no copies, and kept the original one build would not have. The shards that did make copies
 * decide: the original stays where one of them kept it. Returns `_astro/<file>` paths by shard.
 */
async function unusedOriginals(shards: readonly ReadShard[]): Promise<Set<string>[]> {
  const listings = await Promise.all(
    shards.map((shard) => readdir(path.join(shard.dir, '_astro')).catch(() => [] as string[])),
  );
  const stem = (file: string): string => file.slice(0, file.lastIndexOf('.'));
  const copiesOf = (files: readonly string[]): Set<string> =>
    new Set(
      files
        .filter((file) => IMAGE.test(file) && file.includes('_'))
        .map((file) => file.slice(0, file.lastIndexOf('_'))),
    );
  const copies = listings.map(copiesOf);
  return listings.map((files, at) => {
    const drop = new Set<string>();
    for (const file of files) {
      if (!IMAGE.test(file) || copies[at]!.has(stem(file))) continue;
      if (copies.some((made) => made.has(stem(file)))) drop.add(`_astro/${file}`);
    }
    return drop;
  });
}

/** Options of {@link mergeShards}. */
export interface MergeOptions {
  /** The output folder (`dist/`, or WARTA_OUT_DIR). */
  outDir: string;
  /** Astro's cache folder (for the empty search index of an archive without articles). */
  cacheDir: string;
  /**
   * Move the shards' files into the output instead of linking them: a folder only one shard wrote
   * goes whole, in one call, so the merge of a large archive does not make a folder per page. The
   * shard folders keep only what the merge left, and cannot be merged again.
   */
  move?: boolean;
}

/**
 * Merges the shard outputs in `dirs` into `outDir`, staged so that a failure leaves the previous
 * output whole. Returns the report of the merged output.
 */
export async function mergeShards(
  dirs: readonly string[],
  { outDir, cacheDir, move = false }: MergeOptions,
): Promise<BuildReport> {
  resetBuildContext();
  startBuildTimer();
  const shards = await readShards(dirs);
  reportPublished(await shards[0]!.readPublished());
  for (const { report } of shards) for (const warning of report.warnings) reportWarning(warning);
  markPhaseDone('content');
  // Staged as a build stages its output (inside the project for an output folder elsewhere).
  const staged = fileURLToPath(stageOutput(pathToFileURL(outDir), new URL('../..', import.meta.url))).replace(
    /[\\/]+$/,
    '',
  );
  const dirUrl = pathToFileURL(`${staged}/`);
  // Pages every shard rendered (the front page, the search page) are the same in each: one is kept.
  const unused = await unusedOriginals(shards);
  const entries = await readSearchEntries(shards);
  for (const [at, shard] of shards.entries()) {
    const skip = new Set([SHARD_FOLDER, `${searchIndexFolder}/${ENTRY}`, ...APPENDED, ...unused[at]!]);
    if (move) moveInto(shard.dir, staged, skip);
    else await linkTree(shard.dir, staged, (file) => !skip.has(file) && !file.startsWith(`${SHARD_FOLDER}/`));
    for (const file of APPENDED) {
      await copyFile(path.join(shard.dir, file), path.join(staged, file)).catch(() => undefined);
    }
  }
  await rm(path.join(staged, SHARD_FOLDER), { recursive: true, force: true });
  markPhaseDone('pages');
  const pathnames = [...new Set(shards.flatMap((shard) => shard.pages))];
  const pages = pathnames.map((pathname) => ({ pathname }));
  const config = {
    site: siteConfig.url,
    base: siteConfig.base,
    trailingSlash: 'always',
    build: { format: 'directory' },
  } as unknown as Partial<AstroConfig>;
  await timeStep('sitemaps', () => runOutputStep(wartaSitemap(), config, { dir: dirUrl, pages }));
  await timeStep('redirects', () => runOutputStep(wartaPublishing(), config, { dir: dirUrl, pages }));
  await timeStep('security headers', () => runOutputStep(securityHeaders(), config, { dir: dirUrl, pages }));
  await timeStep('search index', () => mergeSearchEntry(entries, staged, cacheDir));
  const logger = mergeLogger('warta:merge');
  for (const { shard, report } of shards) {
    logger.info(`shard ${formatShard(shard)}: ${report.totalPages} pages in ${report.totalSeconds.toFixed(1)} s`);
  }
  return finishOutput(pathnames, logger);
}
