/**
 * The pages of a sharded build (`npm run build -- --shard i/n`): every route list goes through
 * here, and a shard keeps the routes it renders (src/lib/core/shards.ts plans which). A build of
 * every page keeps them all.
 */
import { getBuildSettings, getShardPlan } from '../integrations/build-context';
import { shardOfRoute } from '../lib/core/shards';

type Params = Record<string, string | number | undefined>;

function currentShard(): { index: number; plan: NonNullable<ReturnType<typeof getShardPlan>> } | undefined {
  const { shard } = getBuildSettings();
  if (!shard) return undefined;
  const plan = getShardPlan();
  // The loader plans the shards from the articles it read; pages render only after it ran.
  if (!plan) throw new Error(`shard ${shard.index}/${shard.count}: no shard plan (the content loader did not run)`);
  return { index: shard.index, plan };
}

/** The listing or feed routes of `route` (`/tags/[slug]/`) this shard renders. */
export function routesInShard<T extends { params: Params }>(route: string, routes: readonly T[]): T[] {
  const shard = currentShard();
  if (!shard) return [...routes];
  return routes.filter(
    (entry) =>
      shardOfRoute(`${route} ${Object.values(entry.params).map(String).join('/')}`, shard.plan) === shard.index,
  );
}

/** The article pages (by their permalink) this shard renders: those of its parts of the search index. */
export function articlesInShard<T>(routes: readonly T[], permalinkOf: (route: T) => string): T[] {
  const shard = currentShard();
  if (!shard) return [...routes];
  return routes.filter((entry) => (shard.plan.articleShard.get(permalinkOf(entry)) ?? 1) === shard.index);
}
