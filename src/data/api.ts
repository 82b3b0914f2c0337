/**
 * The archive's JSON API as routes (`/api/…`, when the `api` setting or `WARTA_API=1` turns it
 * on): the `getStaticPaths` entries of each kind of file, with cache keys made from everything the
 * file shows, so a rebuild after one edit writes again only the files that edit changes. The
 * documents themselves are made by `src/lib/syndication/api-documents.ts`; with the API off every
 * route has no entries and nothing is written under `/api/`.
 */
import {
  API_INDEX_PATH,
  apiArticlePath,
  apiMonthPath,
  apiSchemaPath,
  apiTagPath,
  datePath,
  feedPaths,
  HOME_PATH,
  parseSitePath,
  seriesPath,
  termPath,
} from '../lib/core/routes';
import { tagKey } from '../lib/core/tags';
import {
  API_SCHEMA_NAMES,
  buildApiArticle,
  buildApiIndex,
  buildApiMonth,
  buildApiTag,
  serializeApiDocument,
  type ApiArticleInput,
  type ApiSchemaName,
} from '../lib/syndication/api-documents';
import { createApiSchemas } from '../lib/syndication/api-schemas';
import { prepareFeedHtml } from '../lib/syndication/feeds';
import { siteConfig } from '../site.config';
import { getArticleBodySync, prepareArticleBodies } from './article-body';
import { getPublishedArticles, getTermIndex, type ArticleEntry } from './articles';
import { pageCacheKey } from './cache-keys';
import { getLanguageVersions } from './language-versions';
import { getArticlePreviewImage } from './seo';
import { getSeriesIndex, getSeriesList } from './series';
import { getTopic } from './topics';
import { absoluteUrl } from './urls';
import { articlesInShard } from './shards';

/** A file of the API: its text, made when it is written (a file copied from the last build never needs it). */
export interface ApiFile {
  render(): Promise<string>;
}

/** The absolute address of each kind of file's JSON Schema. */
function schemaUrls(): Record<ApiSchemaName, string> {
  return Object.fromEntries(API_SCHEMA_NAMES.map((name) => [name, absoluteUrl(apiSchemaPath(name))])) as Record<
    ApiSchemaName,
    string
  >;
}

/** What an article's API entry is made from besides the article: its series place and its versions. */
interface ArticleContext {
  article: ArticleEntry;
  series: { name: string; slug: string; part: number; total: number } | undefined;
  versions: ArticleEntry[];
}

// An article is listed in its month and in each of its tags: its context is found once per build.
const articleContexts = new Map<string, Promise<ArticleContext>>();

function getArticleContext(article: ArticleEntry): Promise<ArticleContext> {
  let context = articleContexts.get(article.id);
  if (!context) articleContexts.set(article.id, (context = findArticleContext(article)));
  return context;
}

async function findArticleContext(article: ArticleEntry): Promise<ArticleContext> {
  const name = article.data.series;
  const series = name === undefined ? undefined : (await getSeriesIndex()).get(tagKey(name));
  const part = series ? series.items.findIndex((item) => item.id === article.id) + 1 : 0;
  return {
    article,
    series: series && part > 0 ? { name: series.name, slug: series.slug, part, total: series.items.length } : undefined,
    versions: await getLanguageVersions(article),
  };
}

// Months, tags and the article's own file list the same article: its entry is made once per build.
const inputs = new Map<string, Promise<ApiArticleInput>>();

function toApiInput(context: ArticleContext): Promise<ApiArticleInput> {
  let input = inputs.get(context.article.id);
  if (!input) inputs.set(context.article.id, (input = makeApiInput(context)));
  return input;
}

async function makeApiInput({ article, series, versions }: ArticleContext): Promise<ApiArticleInput> {
  const [tags, authors] = await Promise.all([getTermIndex('tags'), getTermIndex('authors')]);
  const { data } = article;
  const tagLinks = data.tags.flatMap((name) => {
    const entry = tags.get(tagKey(getTopic(name)));
    return entry
      ? [
          {
            name: entry.name,
            slug: entry.slug,
            url: absoluteUrl(termPath('tags', entry.slug)),
            api: absoluteUrl(apiTagPath(entry.slug)),
          },
        ]
      : [];
  });
  const authorLinks = data.authors.flatMap((name) => {
    const entry = authors.get(tagKey(name));
    return entry ? [{ name, slug: entry.slug, url: absoluteUrl(termPath('authors', entry.slug)) }] : [];
  });
  const image = data.image ? getArticlePreviewImage(article) : undefined;
  return {
    title: data.title,
    date: data.date,
    datePrecision: data.datePrecision,
    updated: data.updated,
    summary: data.summary,
    lang: data.lang,
    draft: data.draft,
    featured: data.featured,
    slug: data.slug,
    story: data.story,
    url: absoluteUrl(data.permalink),
    api: absoluteUrl(apiArticlePath(data.permalink)),
    aliases: data.aliases.map((alias) => absoluteUrl(alias)),
    source: data.source,
    image:
      image && data.image
        ? { url: image.url, alt: data.image.alt, caption: data.image.caption, credit: data.image.credit }
        : undefined,
    corrections: data.corrections,
    authors: authorLinks,
    tags: tagLinks,
    series: series && { ...series, url: absoluteUrl(seriesPath(series.slug)) },
    translations: versions.map((version) => ({
      lang: version.data.lang,
      title: version.data.title,
      url: absoluteUrl(version.data.permalink),
      api: absoluteUrl(apiArticlePath(version.data.permalink)),
    })),
  };
}

/** Route entries, or none when the API is off. */
async function whenOn<T>(routes: () => Promise<T[]>): Promise<T[]> {
  return siteConfig.api ? routes() : [];
}

/** The `getStaticPaths` entries of `/api/articles/…/slug.json`: one per published article. */
export function getApiArticleRoutes() {
  return whenOn(async () => {
    // A shard writes the API files of its own articles, whose bodies it renders (./shards.ts).
    const articles = articlesInShard(await getPublishedArticles(), (article) => article.data.permalink);
    return Promise.all(
      articles.map(async (article) => {
        const context = await getArticleContext(article);
        const file: ApiFile = {
          render: async () => {
            await prepareArticleBodies([article]);
            const html = prepareFeedHtml(getArticleBodySync(article).html, absoluteUrl(article.data.permalink));
            const document = buildApiArticle(await toApiInput(context), html, {
              timeZone: siteConfig.timeZone,
              schema: schemaUrls().article,
            });
            return serializeApiDocument(document);
          },
        };
        return {
          params: { path: apiArticlePath(article.data.permalink).replace(/^\/api\/articles\//, '') },
          props: { file },
          // The body counts by its digest; the series and versions by their frontmatter.
          cacheKey: await pageCacheKey('api-article', { ...context, body: String(article.digest) }),
        };
      }),
    );
  });
}

/** The published articles by the month of their permalink (`2022/09`), newest month and article first. */
async function getArticlesByMonth(): Promise<Map<string, { year: string; month: string; articles: ArticleEntry[] }>> {
  const months = new Map<string, { year: string; month: string; articles: ArticleEntry[] }>();
  for (const article of await getPublishedArticles()) {
    const parsed = parseSitePath(article.data.permalink);
    if (parsed?.kind !== 'article') continue;
    const { year, month } = parsed.date;
    const key = `${year}/${month}`;
    let entry = months.get(key);
    if (!entry) months.set(key, (entry = { year, month, articles: [] }));
    entry.articles.push(article);
  }
  return months;
}

/** The `getStaticPaths` entries of `/api/YYYY/MM.json`: one per month with published articles. */
export function getApiMonthRoutes() {
  return whenOn(async () => {
    const months = [...(await getArticlesByMonth()).values()];
    return Promise.all(
      months.map(async ({ year, month, articles }) => {
        const contexts = await Promise.all(articles.map(getArticleContext));
        const file: ApiFile = {
          render: async () =>
            serializeApiDocument(
              buildApiMonth(
                {
                  year,
                  month,
                  url: absoluteUrl(datePath({ year, month })),
                  api: absoluteUrl(apiMonthPath(year, month)),
                },
                await Promise.all(contexts.map(toApiInput)),
                { timeZone: siteConfig.timeZone, schema: schemaUrls().month },
              ),
            ),
        };
        return {
          params: { year, month },
          props: { file },
          cacheKey: await pageCacheKey('api-month', { year, month, contexts }),
        };
      }),
    );
  });
}

/** The `getStaticPaths` entries of `/api/tags/<slug>.json`: one per tag. */
export function getApiTagRoutes() {
  return whenOn(async () => {
    const tags = [...(await getTermIndex('tags')).values()];
    return Promise.all(
      tags.map(async (tag) => {
        const contexts = await Promise.all(tag.items.map(getArticleContext));
        const file: ApiFile = {
          render: async () =>
            serializeApiDocument(
              buildApiTag(
                {
                  name: tag.name,
                  slug: tag.slug,
                  url: absoluteUrl(termPath('tags', tag.slug)),
                  api: absoluteUrl(apiTagPath(tag.slug)),
                },
                await Promise.all(contexts.map(toApiInput)),
                { timeZone: siteConfig.timeZone, schema: schemaUrls().tag },
              ),
            ),
        };
        return {
          params: { slug: tag.slug },
          props: { file },
          cacheKey: await pageCacheKey('api-tag', { name: tag.name, slug: tag.slug, contexts }),
        };
      }),
    );
  });
}

/** The `getStaticPaths` entry of `/api/index.json`. */
export function getApiIndexRoutes() {
  return whenOn(async () => {
    const [articles, months, tags, series] = await Promise.all([
      getPublishedArticles(),
      getArticlesByMonth(),
      getTermIndex('tags'),
      getSeriesList(),
    ]);
    const feeds = feedPaths(HOME_PATH);
    const document = buildApiIndex({
      $schema: schemaUrls().index,
      api: absoluteUrl(API_INDEX_PATH),
      site: {
        name: siteConfig.title,
        description: siteConfig.description,
        url: absoluteUrl(HOME_PATH),
        languages: [...siteConfig.languages],
        timeZone: siteConfig.timeZone,
      },
      articles: articles.length,
      months: [...months.values()].map(({ year, month, articles: listed }) => ({
        year,
        month,
        count: listed.length,
        url: absoluteUrl(datePath({ year, month })),
        api: absoluteUrl(apiMonthPath(year, month)),
      })),
      tags: [...tags.values()]
        .sort((a, b) => b.items.length - a.items.length || (a.slug < b.slug ? -1 : 1))
        .map((tag) => ({
          name: tag.name,
          slug: tag.slug,
          url: absoluteUrl(termPath('tags', tag.slug)),
          api: absoluteUrl(apiTagPath(tag.slug)),
          count: tag.items.length,
        })),
      series: series.map((entry) => ({
        name: entry.name,
        slug: entry.slug,
        url: absoluteUrl(seriesPath(entry.slug)),
        parts: entry.items.length,
      })),
      schemas: schemaUrls(),
      feeds: {
        rss: absoluteUrl(feeds.rss),
        atom: absoluteUrl(feeds.atom),
        json: absoluteUrl(feeds.json),
        opml: absoluteUrl('/feeds.opml'),
      },
    });
    const text = serializeApiDocument(document);
    // The index shows counts and names, never an article's text: a body edit leaves it alone.
    const file: ApiFile = { render: () => Promise.resolve(text) };
    return [{ params: { name: 'index' }, props: { file }, cacheKey: await pageCacheKey('api-index', { text }) }];
  });
}

/** The `getStaticPaths` entries of `/api/schema/<name>.json`: the JSON Schema of each kind of file. */
export function getApiSchemaRoutes() {
  return whenOn(async () => {
    const schemas = createApiSchemas(schemaUrls());
    return Promise.all(
      API_SCHEMA_NAMES.map(async (name) => {
        const text = serializeApiDocument(schemas[name]);
        const file: ApiFile = { render: () => Promise.resolve(text) };
        return { params: { name }, props: { file }, cacheKey: await pageCacheKey('api-schema', { text }) };
      }),
    );
  });
}

/** The response of an API file. */
export async function apiResponse(file: ApiFile): Promise<Response> {
  return new Response(await file.render(), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
