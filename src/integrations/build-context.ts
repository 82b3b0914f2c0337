/**
 * The build context: what the parts of one build tell each other. Astro loads the content loader,
 * the page bundle's query module and the integrations as separate module instances in one
 * process, so they meet in one object kept under a registered symbol. It holds
 *
 * - the settings read from the environment, once per build (`WARTA_INCLUDE_FUTURE`,
 *   `WARTA_LOG_PAGES`, and the host of the site settings with the `WARTA_HOST_MAX_*` limits);
 * - what the build published and held back, as the query module reported it;
 * - the warnings of the build, for the build report;
 * - the article bodies still rendering in the background while the pages render: on a large build
 *   the loader leaves the Markdown of articles without pictures to worker threads
 *   (src/loaders/render-background.ts), and a page that needs a body not yet rendered has it
 *   rendered at once on its own thread.
 */
import type { ArticleData } from '../lib/content/article-schema';
import type { ContentStats } from '../lib/report/build-report';
import { resolveHost, type ChosenHost } from '../lib/report/output-size';
import { siteConfig } from '../site.config';
import type { Problem } from '../lib/core/problems';
import { parseShard, type Shard, type ShardPlan } from '../lib/core/shards';

/** Settings of the build that come from the environment. */
export interface BuildSettings {
  /** Publish articles dated after the build time (`WARTA_INCLUDE_FUTURE=1`). */
  includeFuture: boolean;
  /** The host whose limits the output must fit (`warta({ host })` or `WARTA_HOST`, `WARTA_HOST_MAX_*`), if one is named. */
  host: ChosenHost | undefined;
  /** The share of the pages this build renders (`WARTA_SHARD=i/n`, set by `npm run build -- --shard i/n`). */
  shard: Shard | undefined;
  /** Articles a part of the search index holds at most (`WARTA_SEARCH_PART_PAGES`; default PAGES_PER_PART). */
  searchPartPages: number | undefined;
  /** Log Astro's line for every page and picture instead of counting them (`WARTA_LOG_PAGES=1`). */
  logEveryPage: boolean;
}

/** The bodies of one content sync still being rendered. */
export interface DeferredRenders {
  /**
   * Resolves once the body of `digest` is written to the rendered-body cache (rendering it now if
   * no worker has started it); rejects, once every body has been tried, if any failed.
   */
  demand(digest: string): Promise<void>;
  /** Renders every body not yet rendered, and resolves with the problems of those that failed. */
  finish(): Promise<readonly Problem[]>;
}

/** What the query module reports the build publishes. */
export interface PublishedContent {
  /** The published articles, newest first. */
  articles: readonly ArticleData[];
  /** Their counts, and what was held back. */
  stats: ContentStats;
}

interface BuildContext {
  settings: BuildSettings;
  published?: PublishedContent;
  warnings: string[];
  deferred?: DeferredRenders;
  shardPlan?: ShardPlan;
}

const KEY = Symbol.for('warta.build-context');

/** Reads the build's settings from the site settings and an environment (`process.env` unless given). */
export function readBuildSettings(env: NodeJS.ProcessEnv = process.env): BuildSettings {
  return {
    includeFuture: env['WARTA_INCLUDE_FUTURE'] === '1',
    host: resolveHost(siteConfig.host, env),
    shard: env['WARTA_SHARD'] ? parseShard(env['WARTA_SHARD'], 'WARTA_SHARD') : undefined,
    searchPartPages: positiveWholeNumber(env['WARTA_SEARCH_PART_PAGES']),
    logEveryPage: env['WARTA_LOG_PAGES'] === '1',
  };
}

function positiveWholeNumber(text: string | undefined): number | undefined {
  const value = Number(text);
  return text && Number.isInteger(value) && value > 0 ? value : undefined;
}

function context(): BuildContext {
  const holder = globalThis as typeof globalThis & { [KEY]?: BuildContext };
  holder[KEY] ??= { settings: readBuildSettings(), warnings: [] };
  return holder[KEY];
}

/** Starts a new build: reads the environment again and forgets everything the last one reported. */
export function resetBuildContext(): void {
  const current = context();
  current.settings = readBuildSettings();
  delete current.published;
  delete current.deferred;
  delete current.shardPlan;
  current.warnings = [];
}

/** The settings of this build, read from the environment when it started. */
export function getBuildSettings(): BuildSettings {
  return context().settings;
}

/**
 * Records what this build publishes (called by the query module), so integrations that run after
 * the pages (sitemap dates, redirects, the search index) need not read the content folder again.
 */
export function reportPublished(published: PublishedContent): void {
  context().published = published;
}

/** What the query module reported this build publishes; `undefined` when no page was rendered. */
export function getReportedPublished(): PublishedContent | undefined {
  return context().published;
}

/** Records a warning for the build report (called by the logger of every part of the build). */
export function reportWarning(message: string): void {
  const { warnings } = context();
  if (!warnings.includes(message)) warnings.push(message);
}

/** The warnings recorded so far, in the order they were first raised. */
export function getWarnings(): readonly string[] {
  return context().warnings;
}

/** Sets the renders of the latest content sync (`undefined` when it rendered everything itself). */
export function registerDeferredRenders(renders: DeferredRenders | undefined): void {
  if (renders) context().deferred = renders;
  else delete context().deferred;
}

/** Waits for the body of `digest` to be rendered, when it is one of the bodies still being rendered. */
export async function demandRenderedBody(digest: string): Promise<void> {
  await context().deferred?.demand(digest);
}

/** Finishes every body still being rendered; resolves with the problems of those that failed. */
export async function finishDeferredRenders(): Promise<readonly Problem[]> {
  return (await context().deferred?.finish()) ?? [];
}

/** Records which shard renders which pages (the content loader plans it from the articles it read). */
export function registerShardPlan(plan: ShardPlan | undefined): void {
  if (plan) context().shardPlan = plan;
  else delete context().shardPlan;
}

/** The plan of a sharded build; `undefined` in a build of every page. */
export function getShardPlan(): ShardPlan | undefined {
  return context().shardPlan;
}
