/**
 * The JSON Schemas (draft 2020-12) of the archive's JSON API, one per kind of file, published at
 * `/api/schema/<name>.json` and used by the tests to validate every file a build writes. The shapes
 * follow the types of `api-documents.ts`; every object is closed (`additionalProperties: false`),
 * so a field added to a document without its schema fails the tests.
 */
import type { ApiSchemaName } from './api-documents';

/** A JSON Schema, as plain JSON. */
export type JsonSchema = Record<string, unknown>;

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

const string = { type: 'string' } as const;
const nonEmpty = { type: 'string', minLength: 1 } as const;
const address = { type: 'string', format: 'uri', pattern: '^https?://' } as const;
const jsonAddress = { ...address, pattern: '^https?://.*\\.json$' } as const;
const instant = { type: 'string', format: 'date-time' } as const;
const precision = { enum: ['month', 'day', 'instant'] } as const;
const lang = { enum: ['id', 'en'] } as const;
const count = { type: 'integer', minimum: 0 } as const;
const slug = { type: 'string', minLength: 1, pattern: '^[^/?#\\\\]+$' } as const;

function closed(properties: Record<string, unknown>, required: readonly string[]): JsonSchema {
  return { type: 'object', properties, required: [...required], additionalProperties: false };
}

const author = closed({ name: nonEmpty, slug, url: address }, ['name', 'slug', 'url']);
const tag = closed({ name: nonEmpty, slug, url: address, api: jsonAddress }, ['name', 'slug', 'url', 'api']);

// The fields of an article that months and tags list, shared with the article's own file.
const summaryProperties = {
  url: { ...address, description: "The article's page." },
  api: { ...jsonAddress, description: "The article's own API file, with its body." },
  title: nonEmpty,
  summary: string,
  date: { ...instant, description: 'Publication time with the offset of the site time zone.' },
  datePrecision: { ...precision, description: 'How much of `date` the editor wrote: a month, a day, or a time.' },
  updated: instant,
  lang,
  slug,
  draft: { type: 'boolean' },
  featured: { type: 'boolean' },
  authors: { type: 'array', items: author },
  tags: { type: 'array', items: tag },
  series: closed(
    {
      name: nonEmpty,
      slug,
      url: address,
      part: { type: 'integer', minimum: 1 },
      total: { type: 'integer', minimum: 1 },
    },
    ['name', 'slug', 'url', 'part', 'total'],
  ),
  source: closed({ name: nonEmpty, url: address }, ['name']),
  image: closed({ url: address, alt: nonEmpty, caption: string, credit: string }, ['url', 'alt']),
  aliases: { type: 'array', items: address, description: 'Old addresses that redirect to the page.' },
  corrections: {
    type: 'array',
    items: closed({ date: instant, datePrecision: precision, text: nonEmpty }, ['date', 'datePrecision', 'text']),
  },
  translations: {
    type: 'array',
    description: 'The same story in other languages.',
    items: closed({ lang, title: nonEmpty, url: address, api: jsonAddress }, ['lang', 'title', 'url', 'api']),
  },
  story: nonEmpty,
} as const;

const summaryRequired = [
  'url',
  'api',
  'title',
  'date',
  'datePrecision',
  'lang',
  'slug',
  'draft',
  'featured',
  'authors',
  'tags',
  'aliases',
  'corrections',
  'translations',
] as const;

const articleSummary = closed(summaryProperties, summaryRequired);

function describe(name: ApiSchemaName, id: string, title: string, schema: JsonSchema): JsonSchema {
  return { $schema: DIALECT, $id: id, title, ...schema, $comment: `Warta archive API: ${name} file` };
}

/**
 * The JSON Schema of each kind of API file, given the absolute address each is published at (its
 * `$id`; documents name it in `$schema`).
 */
export function createApiSchemas(ids: Readonly<Record<ApiSchemaName, string>>): Record<ApiSchemaName, JsonSchema> {
  // Month and tag files list articles by one shared definition, under `$defs`.
  const withSchema = (
    properties: Record<string, unknown>,
    required: readonly string[],
    $defs?: Record<string, JsonSchema>,
  ): JsonSchema => ({
    ...closed({ $schema: address, ...properties }, ['$schema', ...required]),
    ...($defs ? { $defs } : {}),
  });
  return {
    article: describe(
      'article',
      ids.article,
      'An article, with every field and its body',
      withSchema(
        {
          ...summaryProperties,
          body: closed(
            {
              html: { ...string, description: 'The sanitized body as HTML, links absolute.' },
              text: { ...string, description: 'The body as plain text, paragraphs separated by a blank line.' },
            },
            ['html', 'text'],
          ),
        },
        [...summaryRequired, 'body'],
      ),
    ),
    month: describe(
      'month',
      ids.month,
      "A month's articles, newest first, without bodies",
      withSchema(
        {
          api: jsonAddress,
          year: { type: 'string', pattern: '^\\d{4}$' },
          month: { type: 'string', pattern: '^(0[1-9]|1[0-2])$' },
          url: address,
          count,
          articles: { type: 'array', items: { $ref: '#/$defs/articleSummary' } },
        },
        ['api', 'year', 'month', 'url', 'count', 'articles'],
        { articleSummary },
      ),
    ),
    tag: describe(
      'tag',
      ids.tag,
      "A tag's articles, newest first, without bodies",
      withSchema(
        {
          api: jsonAddress,
          name: nonEmpty,
          slug,
          url: address,
          count,
          articles: { type: 'array', items: { $ref: '#/$defs/articleSummary' } },
        },
        ['api', 'name', 'slug', 'url', 'count', 'articles'],
        { articleSummary },
      ),
    ),
    index: describe(
      'index',
      ids.index,
      'What the archive holds, and the address of every other API file',
      withSchema(
        {
          api: jsonAddress,
          site: closed(
            {
              name: nonEmpty,
              description: string,
              url: address,
              languages: { type: 'array', items: lang, minItems: 1 },
              timeZone: nonEmpty,
            },
            ['name', 'description', 'url', 'languages', 'timeZone'],
          ),
          counts: closed({ articles: count, months: count, tags: count, series: count }, [
            'articles',
            'months',
            'tags',
            'series',
          ]),
          months: {
            type: 'array',
            items: closed(
              {
                year: { type: 'string', pattern: '^\\d{4}$' },
                month: { type: 'string', pattern: '^(0[1-9]|1[0-2])$' },
                count,
                url: address,
                api: jsonAddress,
              },
              ['year', 'month', 'count', 'url', 'api'],
            ),
          },
          tags: {
            type: 'array',
            items: closed({ name: nonEmpty, slug, url: address, api: jsonAddress, count }, [
              'name',
              'slug',
              'url',
              'api',
              'count',
            ]),
          },
          series: {
            type: 'array',
            items: closed({ name: nonEmpty, slug, url: address, parts: { type: 'integer', minimum: 1 } }, [
              'name',
              'slug',
              'url',
              'parts',
            ]),
          },
          schemas: closed({ index: jsonAddress, article: jsonAddress, month: jsonAddress, tag: jsonAddress }, [
            'index',
            'article',
            'month',
            'tag',
          ]),
          feeds: closed({ rss: address, atom: address, json: address, opml: address }, ['rss', 'atom', 'json', 'opml']),
        },
        ['api', 'site', 'counts', 'months', 'tags', 'series', 'schemas', 'feeds'],
      ),
    ),
  };
}
