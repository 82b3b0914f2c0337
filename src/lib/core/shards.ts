/**
 * Sharded builds: which pages a shard of a build renders. `npm run build -- --shard i/n` renders a
 * deterministic, disjoint share of the pages, and `--merge` puts the shares together into exactly
 * the output of one build (src/cli/build.ts, src/files/shard-merge.ts).
 *
 * - Article pages go by the part of the search index they are in (src/lib/search/search-plan.ts:
 *   one per language up to 20,000 articles, then runs of whole months), whole parts to a shard, so
 *   each shard indexes the parts of its own pages and the merged index is the one a single build
 *   writes, part for part. Parts go to the least loaded shard, largest first.
 * - Every other page (listings, feeds) goes by a digest of its route, spread over the shards so that
 *   each takes a similar share of the whole work: a shard holding fewer article pages takes more
 *   listings.
 * - Pages without routes to share (the front page, the search page, the archive's main feeds) are
 *   rendered by every shard, identically; the merge keeps one copy.
 */
import { planSearchParts, searchPagesOf, type SearchPartPlan } from '../search/search-plan';

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * How much an article page costs to build against a listing or feed page: its Markdown, its
 * related articles and its share of the search index. Measured on the 10,000-article bench built in
 * 2 and 4 shards (docs/performance.md#sharded-builds): about 3 with the index, under varying load.
 * It only sets how listings are spread.
 */
export const ARTICLE_PAGE_WEIGHT = 3;

/**
 * Listing and feed pages per article, as the balance assumes them (10,000 generated articles build
 * 14,000 other pages, 100,000 build 85,000).
 */
export const OTHER_PAGES_PER_ARTICLE = 1;

/** Reads `i/n` (`2/4`): whole numbers with 1 ≤ i ≤ n; throws a message naming the fix otherwise. */
export function parseShard(text: string, source = '--shard'): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`${source} must be i/n with 1 ≤ i ≤ n (for example 1/2), not "${text}"`);
  }
  return { index, count };
}

/** `2/4`. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** Which shard renders what. */
export interface ShardPlan {
  count: number;
  /** The shard (1-based) of every article page, by permalink. */
  articleShard: ReadonlyMap<string, number>;
  /** The keys of the search index parts each shard writes (index 0 is shard 1). */
  parts: readonly (readonly string[])[];
  /** Each shard's share of the other pages, adding up to 1 (index 0 is shard 1). */
  otherShare: readonly number[];
}

/**
 * Plans `count` shards over the parts of the search index: whole parts to the least loaded shard,
 * largest first (ties to the lower shard), then the other pages spread so every shard's estimated
 * work is as close to the same as the article pages allow.
 */
export function planShards(parts: readonly SearchPartPlan[], count: number): ShardPlan {
  const load = new Array<number>(count).fill(0);
  const partKeys: string[][] = Array.from({ length: count }, () => []);
  const articleShard = new Map<string, number>();
  const order = [...parts].sort((a, b) => b.pages - a.pages || (a.key < b.key ? -1 : 1));
  for (const part of order) {
    const lightest = load.indexOf(Math.min(...load));
    load[lightest]! += part.pages * ARTICLE_PAGE_WEIGHT;
    partKeys[lightest]!.push(part.key);
    for (const path of part.paths) articleShard.set(path, lightest + 1);
  }
  const articles = parts.reduce((sum, part) => sum + part.pages, 0);
  const others = Math.max(1, articles * OTHER_PAGES_PER_ARTICLE);
  const target = (articles * ARTICLE_PAGE_WEIGHT + others) / count;
  const room = load.map((taken) => Math.max(0, target - taken));
  const totalRoom = room.reduce((sum, value) => sum + value, 0);
  const otherShare = totalRoom > 0 ? room.map((value) => value / totalRoom) : load.map(() => 1 / count);
  return { count, articleShard, parts: partKeys, otherShare };
}

// FNV-1a, 32 bits: stable across machines and Node versions, and spreads similar routes apart.
function digest32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The shard (1-based) that renders the page with route key `key` (a listing or a feed). */
export function shardOfRoute(key: string, plan: Pick<ShardPlan, 'count' | 'otherShare'>): number {
  if (plan.count === 1) return 1;
  const at = digest32(key) / 2 ** 32;
  let sum = 0;
  for (const [index, share] of plan.otherShare.entries()) {
    sum += share;
    if (at < sum) return index + 1;
  }
  // Rounding can leave the sum a hair under 1: the last shard with a share takes the rest.
  const last = plan.otherShare.findLastIndex((share) => share > 0);
  return (last === -1 ? plan.count - 1 : last) + 1;
}

/**
 * Plans `count` shards of a build that publishes `articles` (as the search index plans its parts:
 * the archive's time zone and the part size of the build).
 */
export function planShardsOfArticles(
  articles: readonly { permalink: string; lang: string; date: Date }[],
  count: number,
  options: { timeZone: string; partPages?: number | undefined },
): ShardPlan {
  return planShards(planSearchParts(searchPagesOf(articles, options.timeZone), options.partPages), count);
}
