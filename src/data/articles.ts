/**
 * The only module that queries the content collection. It hands pages ready-made, sorted lists of
 * the articles this build publishes, so no page filters or sorts on its own.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { getBuildSettings, reportPublished } from '../integrations/build-context';
import { summarizeContent } from '../lib/report/build-report';
import { resolveBuildTime } from '../lib/core/build-time';
import { selectPublished } from '../lib/content/publishing';
import { slugify } from '../lib/core/slugs';
import { sortNewestFirst } from '../lib/archive/sorting';
import { tagKey } from '../lib/core/tags';
import { buildTermSlugTable, termPath, type TermKind } from '../lib/core/routes';
import type { TermEntry } from '../lib/core/taxonomy';
import { siteConfig } from '../site.config';
import { getTopic, getTopics } from './topics';

/** An article entry of the collection. */
export type ArticleEntry = CollectionEntry<'articles'>;

/** The published articles and what the build held back. */
export interface ArchiveContents {
  /** Published articles, newest first. */
  articles: ArticleEntry[];
  /** Drafts left out of this build. */
  drafts: ArticleEntry[];
  /** Articles dated after the build time, left out until then. */
  scheduled: ArticleEntry[];
}

let contents: Promise<ArchiveContents> | undefined;

async function loadContents(): Promise<ArchiveContents> {
  const entries = await getCollection('articles');
  const { published, drafts, scheduled } = selectPublished(
    entries.map((entry) => ({ entry, date: entry.data.date, draft: entry.data.draft })),
    {
      now: resolveBuildTime(process.env),
      // MODE, not DEV: DEV follows NODE_ENV, which a CI or test runner may set for a real build.
      includeDrafts: import.meta.env.MODE === 'development',
      includeFuture: getBuildSettings().includeFuture,
    },
  );
  const sorted = sortNewestFirst(published.map(({ entry }) => ({ ...entry.data, entry, id: entry.id })));
  const articles = sorted.map(({ entry }) => entry);
  const data = articles.map((entry) => entry.data);
  reportPublished({ articles: data, stats: summarizeContent(data, drafts.length, scheduled.length) });
  return {
    articles,
    drafts: drafts.map(({ entry }) => entry),
    scheduled: scheduled.map(({ entry }) => entry),
  };
}

/** Everything this build publishes and holds back; computed once per build. */
export function getArchiveContents(): Promise<ArchiveContents> {
  contents ??= loadContents();
  return contents;
}

/** Published articles, newest first. */
export async function getPublishedArticles(): Promise<ArticleEntry[]> {
  return (await getArchiveContents()).articles;
}

/** A tag or an author with its articles. */
export type ArticleTerm = TermEntry<ArticleEntry>;

const termIndexes = new Map<TermKind, Promise<Map<string, ArticleTerm>>>();

/**
 * Every tag or every author of the published articles, by {@link tagKey}, with its slug and its
 * articles (newest first): the one term index of the build, which listings, article pages, feeds,
 * search facets and cache keys all read.
 */
export function getTermIndex(kind: TermKind): Promise<Map<string, ArticleTerm>> {
  let index = termIndexes.get(kind);
  if (!index) {
    index = getPublishedArticles().then((articles) =>
      buildTermSlugTable(kind, articles, (article) =>
        kind === 'tags' ? getTopics(article.data.tags) : article.data.authors,
      ),
    );
    termIndexes.set(kind, index);
  }
  return index;
}

/** The index entry of a tag or an author as written in an article, if a published article has it. */
export async function getTerm(kind: TermKind, name: string): Promise<ArticleTerm | undefined> {
  return (await getTermIndex(kind)).get(tagKey(kind === 'tags' ? getTopic(name) : name));
}

/** Whether the archive has pages for this kind of term: tags always, authors unless `warta({ pages: { authorPages: false } })`. */
export function hasTermPages(kind: TermKind): boolean {
  return kind === 'tags' || siteConfig.pages.authorPages;
}

/** The site-relative URL of a tag's or an author's page (`/tags/rusia/`). */
export async function getTermPath(kind: TermKind, name: string): Promise<string> {
  return termPath(kind, (await getTerm(kind, name))?.slug ?? slugify(name));
}
