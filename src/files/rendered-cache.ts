/**
 * Rendered article bodies, kept in files beside Astro's content cache instead of inside its data
 * store. Astro bundles the whole data store into the build and parses it back as one string, so a
 * store holding every body grows with the archive until it no longer fits a JavaScript string (at
 * about 60,000 articles); kept here, each body is read only by the pages that show it.
 *
 * One JSON file per rendered body, named by the digest of everything that went into it, so a file
 * is never rewritten with other content and a build reads exactly the render it recorded.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** An article body as rendered once by the Markdown pipeline. */
export interface RenderedBody {
  /** The body as HTML, as the article page shows it. */
  html: string;
  /** Words in the body. */
  wordCount: number;
  /** Reading time in whole minutes, at least one. */
  readingTime: number;
}

/** The folder of rendered bodies inside Astro's cache folder. */
export function renderedCacheFolder(cacheDir: string): string {
  return path.join(cacheDir, 'warta-rendered');
}

/**
 * The cache folder astro.config.mjs gives Astro: `WARTA_CACHE_DIR`, or Astro's usual place. Pages
 * run in the build's process, so they find the rendered bodies the loader wrote there.
 */
export function resolveCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env['WARTA_CACHE_DIR'] ?? './node_modules/.astro');
}

function bodyFile(folder: string, digest: string): string {
  // Two-letter subfolders keep any one folder to a few hundred files on a large archive.
  return path.join(folder, digest.slice(0, 2), `${digest}.json`);
}

/** Records a rendered body under its digest. */
export async function writeRenderedBody(folder: string, digest: string, body: RenderedBody): Promise<void> {
  const file = bodyFile(folder, digest);
  await mkdir(path.dirname(file), { recursive: true });
  // Written aside and renamed into place, so a build killed mid-write leaves no torn file behind.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, JSON.stringify(body));
  await rename(partial, file);
}

/** {@link writeRenderedBody} for a worker thread that renders and writes in one go. */
export function writeRenderedBodySync(folder: string, digest: string, body: RenderedBody, writer = 0): void {
  const file = bodyFile(folder, digest);
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}-${writer}.partial`;
  writeFileSync(partial, JSON.stringify(body));
  renameSync(partial, file);
}

/** Reads a rendered body, or `undefined` when there is none (or it cannot be read). */
export async function readRenderedBody(folder: string, digest: string): Promise<RenderedBody | undefined> {
  try {
    return JSON.parse(await readFile(bodyFile(folder, digest), 'utf8')) as RenderedBody;
  } catch {
    return undefined;
  }
}

/** {@link readRenderedBody}, for code that cannot wait (feeds assemble their entries synchronously). */
export function readRenderedBodySync(folder: string, digest: string): RenderedBody | undefined {
  try {
    return JSON.parse(readFileSync(bodyFile(folder, digest), 'utf8')) as RenderedBody;
  } catch {
    return undefined;
  }
}

/** The digests of every rendered body in the folder. */
export async function listRenderedBodies(folder: string): Promise<Set<string>> {
  return new Set(
    (await listFiles(folder)).filter((file) => file.endsWith('.json')).map((file) => path.basename(file, '.json')),
  );
}

/**
 * Deletes every rendered body whose digest is not in `keep`, and anything a killed build left half
 * written; returns how many bodies it deleted.
 */
export async function pruneRenderedBodies(folder: string, keep: ReadonlySet<string>): Promise<number> {
  const stale = (await listFiles(folder)).filter(
    (file) => file.endsWith('.partial') || (file.endsWith('.json') && !keep.has(path.basename(file, '.json'))),
  );
  for (let i = 0; i < stale.length; i += 256) {
    await Promise.all(stale.slice(i, i + 256).map((file) => rm(path.join(folder, file), { force: true })));
  }
  return stale.filter((file) => file.endsWith('.json')).length;
}

async function listFiles(folder: string): Promise<string[]> {
  try {
    return await readdir(folder, { recursive: true });
  } catch {
    return [];
  }
}
