/**
 * What a shard of a sharded build leaves in its output folder for the merge (`.warta-shard/`): which
 * shard it is, the pages it rendered, its build report, and what the build published, kept with
 * its dates marked so they come back as dates. A fingerprint of the published
 * articles and the settings tells the merge whether shards belong to one build.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PublishedContent } from '../integrations/build-context';
import type { Shard } from '../lib/core/shards';
import type { BuildReport } from '../lib/report/build-report';
import { siteConfig } from '../site.config';

/** The folder, inside a shard's output, that holds what the merge reads (never published). */
export const SHARD_FOLDER = '.warta-shard';

const MANIFEST = 'shard.json';
const PUBLISHED = 'published.json';

// Dates stay dates through JSON: `{ "$date": "2022-09-06T01:00:00.000Z" }`.
function keepDates(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? { $date: raw.toISOString() } : value;
}

function reviveDates(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$date' in value && Object.keys(value).length === 1) {
    return new Date(String((value as { $date: unknown }).$date));
  }
  return value;
}

/** What a shard tells the merge. */
export interface ShardManifest {
  shard: Shard;
  /** Astro's pathnames of the pages the shard rendered. */
  pages: string[];
  /** The shard's own build report. */
  report: BuildReport;
}

/** A shard's manifest as read back, with the build it belongs to. */
export interface ReadShard extends ShardManifest {
  /** The shard's output folder. */
  dir: string;
  /** Digest of what the build published and its settings: equal for every shard of one build. */
  fingerprint: string;
  /** What the build published (the same in every shard, read once). */
  readPublished(): Promise<PublishedContent>;
}

/** Writes a shard's manifest into its output folder `dir`. */
export async function writeShardManifest(
  dir: string,
  manifest: ShardManifest,
  published: PublishedContent,
): Promise<void> {
  const folder = path.join(dir, SHARD_FOLDER);
  await mkdir(folder, { recursive: true });
  const bytes = JSON.stringify(published, keepDates);
  const fingerprint = createHash('sha256').update(bytes).update(JSON.stringify(siteConfig)).digest('hex');
  await writeFile(path.join(folder, PUBLISHED), bytes);
  await writeFile(path.join(folder, MANIFEST), `${JSON.stringify({ ...manifest, fingerprint }, null, 2)}\n`);
}

/** Reads the manifest of the shard output in `dir`; throws naming the folder when it is not one. */
export async function readShardManifest(dir: string): Promise<ReadShard> {
  const folder = path.join(dir, SHARD_FOLDER);
  let text: string;
  try {
    text = await readFile(path.join(folder, MANIFEST), 'utf8');
  } catch {
    throw new Error(
      `${dir} is not the output of a shard (no ${SHARD_FOLDER}/${MANIFEST}): build it with npm run build -- --shard i/n`,
    );
  }
  const manifest = JSON.parse(text) as ShardManifest & { fingerprint: string };
  const readPublished = async () =>
    JSON.parse(await readFile(path.join(folder, PUBLISHED), 'utf8'), reviveDates) as PublishedContent;
  return { ...manifest, dir, readPublished };
}
