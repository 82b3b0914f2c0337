/**
 * Cache keys for Astro's incremental builds (`experimental.incrementalBuild`): a page returned
 * from `getStaticPaths` with a `cacheKey` equal to the last build's, whose code is unchanged too,
 * is copied from the last build instead of rendered again. A key must therefore change whenever
 * anything the page shows changes; each is a hash of everything the page is made from:
 *
 * - the site's settings (src/site.config.ts), which every page shows something of;
 * - for each article a page lists, its frontmatter and the addresses of its tags and authors
 *   (slugs depend on every other tag's spelling), but not its body, which only its own page and
 *   the feeds show;
 * - whatever else the route hands the page (periods, page numbers, neighbours), as it is.
 *
 * Editing one article's text then re-renders its page and the feeds it is in; a new article, or a
 * changed title, re-renders the lists that show it.
 */
import { createHash } from 'node:crypto';
import { getBuildSettings } from '../integrations/build-context';
import { tagKey } from '../lib/core/tags';
import { siteConfig } from '../site.config';
import { getTermIndex, type ArticleEntry } from './articles';
import { getTopic } from './topics';

// Settings that reach pages without being Astro's configuration (which Astro hashes itself).
const salt = JSON.stringify({
  site: siteConfig,
  includeFuture: getBuildSettings().includeFuture,
});

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** How a page's props are hashed: articles by their signature, plus their body when it is shown. */
interface KeyOptions {
  /** Whether the page shows the bodies of the articles it lists (full-text feeds). */
  bodies?: boolean;
}

let indexes: Promise<{ tags: Map<string, { slug: string }>; authors: Map<string, { slug: string }> }> | undefined;

function loadIndexes() {
  indexes ??= Promise.all([getTermIndex('tags'), getTermIndex('authors')]).then(([tags, authors]) => ({
    tags,
    authors,
  }));
  return indexes;
}

const signatures = new Map<string, string>();

function isArticleEntry(value: unknown): value is ArticleEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { collection?: unknown }).collection === 'articles' &&
    'data' in value &&
    'id' in value
  );
}

/**
 * The key of a page of route `route` made from `props`. Articles anywhere in the props count by
 * their frontmatter and term addresses (and by their body with `bodies`).
 */
export async function pageCacheKey(route: string, props: unknown, options: KeyOptions = {}): Promise<string> {
  const { tags, authors } = await loadIndexes();
  const signature = (article: ArticleEntry): string => {
    let value = signatures.get(article.id);
    if (value === undefined) {
      value = hash(
        JSON.stringify([
          article.id,
          article.data,
          article.data.tags.map((tag) => tags.get(tagKey(getTopic(tag)))?.slug),
          article.data.authors.map((author) => authors.get(tagKey(author))?.slug),
        ]),
      );
      signatures.set(article.id, value);
    }
    return options.bodies ? `${value}:${String(article.digest)}` : value;
  };
  const text = JSON.stringify(props, (_key, value: unknown) => (isArticleEntry(value) ? signature(value) : value));
  return hash(`${salt}\n${route}\n${text}`);
}

/** The key of an article's own page: everything a list shows of it, and its body. */
export function articlePageCacheKey(article: ArticleEntry, props: Record<string, unknown>): Promise<string> {
  return pageCacheKey('article', { ...props, body: String(article.digest) });
}
