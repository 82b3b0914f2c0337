/**
 * A channel between parts of one build that Astro loads as separate module instances (the content
 * loader, the page bundle's query module, the integrations): they share the process, so a global
 * keyed by a registered symbol carries the build's counts and warnings to the build report.
 */
import type { ArticleData } from '../lib/article-schema';
import type { ContentStats } from '../lib/build-report';

interface BuildChannel {
  content?: ContentStats;
  published?: readonly ArticleData[];
  warnings: string[];
}

const KEY = Symbol.for('warta.build-channel');

function channel(): BuildChannel {
  const holder = globalThis as typeof globalThis & { [KEY]?: BuildChannel };
  holder[KEY] ??= { warnings: [] };
  return holder[KEY];
}

/** Records the content counts of this build (called by the query module). */
export function reportContentStats(stats: ContentStats): void {
  channel().content = stats;
}

/**
 * Records the articles this build publishes (called by the query module), so integrations that run
 * after the pages (sitemap dates, redirects) need not read and validate the content folder again.
 */
export function reportPublishedArticles(articles: readonly ArticleData[]): void {
  channel().published = articles;
}

/** Records a warning for the build report (called by the loader and integrations). */
export function reportWarning(message: string): void {
  const { warnings } = channel();
  if (!warnings.includes(message)) warnings.push(message);
}

/** Reads what this build has reported so far. */
export function readBuildChannel(): Readonly<BuildChannel> {
  return channel();
}

/** Forgets everything reported, at the start of a build. */
export function resetBuildChannel(): void {
  const current = channel();
  delete current.content;
  delete current.published;
  current.warnings = [];
}
