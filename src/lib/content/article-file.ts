/**
 * Reading one article file: frontmatter syntax, schema, slug and permalink, with every problem
 * reported as `path:line: field: message` instead of stopping at the first.
 */
import leven from 'leven';
import type { $ZodIssue } from 'zod/v4/core';
import type { Lang } from '../../site.config';
import {
  ARTICLE_FIELDS,
  createArticleSchema,
  describeValue,
  type ArticleData,
  type ArticleFrontmatter,
} from './article-schema';
import { parseArticleDate, type DatePrecision } from '../core/dates';
import { parseFrontmatter } from './frontmatter';
import { checkArticleInput } from './input-checks';
import { buildPermalink } from '../core/permalinks';
import type { Problem } from '../core/problems';
import { slugFromFileName, slugify } from '../core/slugs';

/** An article as read from its file, with everything derived from it. */
export interface ArticleRecord {
  /** Collection id: the path below the content folder without `.md`, e.g. `2022/09/korut`. */
  id: string;
  /** Path of the file below the content folder, e.g. `2022/09/korut.md`. */
  file: string;
  /** Validated frontmatter. */
  frontmatter: ArticleFrontmatter;
  /** Markdown body. */
  body: string;
  /** URL slug. */
  slug: string;
  /** Site-relative permalink, e.g. `/2022/09/06/korut/`. */
  permalink: string;
  /** Last update: `updated`, or the latest correction when that is later. */
  updated?: Date;
  /** 1-based line of the file where the Markdown body starts, to report body problems by file line. */
  bodyLine: number;
  /** The 1-based file line of a frontmatter field (`['image', 'src']`), or of its nearest written parent. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** The outcome of reading one file. */
export interface ArticleFileResult {
  /** The article, when the file has no errors. */
  article?: ArticleRecord;
  /** Every problem found in the file. */
  problems: Problem[];
}

/** Site settings that reading an article depends on. */
export interface ReadArticleOptions {
  /** Language of articles that do not set `lang`. */
  defaultLang: Lang;
  /** The site time zone. */
  timeZone: string;
}

const schemaCache = new Map<string, ReturnType<typeof createArticleSchema>>();

function getSchema(options: ReadArticleOptions) {
  const key = `${options.defaultLang} ${options.timeZone}`;
  let schema = schemaCache.get(key);
  if (!schema) {
    schema = createArticleSchema(options);
    schemaCache.set(key, schema);
  }
  return schema;
}

/** Suggests the known field an unknown one was probably meant to be (`tag` → `tags`). */
export function suggestField(unknown: string): string | undefined {
  const lower = unknown.toLowerCase();
  let best: { field: string; distance: number } | undefined;
  for (const field of ARTICLE_FIELDS) {
    const distance = field === lower ? 0 : leven(lower, field);
    if (!best || distance < best.distance) best = { field, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(unknown.length / 3)) ? best.field : undefined;
}

function issueMessage(issue: $ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  // Fields with a message of their own say it in words; zod's generic one names a JS type.
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    return `must be ${issue.expected}, not ${describeValue(issue.input)}`;
  }
  return issue.message;
}

/**
 * Reads one article from its source text. `file` is the path below the content folder; it names
 * the article in problems and gives the slug when the frontmatter sets none.
 */
export function readArticle(file: string, source: string, options: ReadArticleOptions): ArticleFileResult {
  const parsed = parseFrontmatter(source);
  if (!parsed.ok) {
    return {
      problems: parsed.errors.map((error) => ({
        file,
        ...(error.line === undefined ? {} : { line: error.line }),
        field: 'frontmatter',
        message: error.message,
        severity: 'error' as const,
      })),
    };
  }
  const { data, body, bodyLine, lineOf } = parsed.value;
  const problems: Problem[] = [];
  const at = (path: readonly PropertyKey[]) => {
    const line = lineOf(path.filter((key): key is string | number => typeof key !== 'symbol')) ?? 1;
    return line;
  };

  const result = getSchema(options).safeParse(data, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const suggestion = suggestField(key);
          problems.push({
            file,
            line: at([...issue.path, key]),
            field: [...issue.path, key].join('.'),
            message: suggestion
              ? `unknown field; did you mean "${suggestion}"?`
              : `unknown field; known fields are ${ARTICLE_FIELDS.join(', ')}`,
            severity: 'error',
          });
        }
        continue;
      }
      problems.push({
        file,
        line: at(issue.path),
        field: issue.path.length > 0 ? issue.path.map(String).join('.') : 'frontmatter',
        message: issueMessage(issue),
        severity: 'error',
      });
    }
  }
  // Checks across fields and of the slug run on the raw values, so they are reported in the same
  // run as any schema error instead of only after it is fixed.
  problems.push(...checkDateOrder(file, data, options.timeZone, at));
  const rawSlug = typeof data['slug'] === 'string' && data['slug'].trim() !== '' ? data['slug'] : undefined;
  const slug = rawSlug === undefined ? slugFromFileName(file) : slugify(rawSlug);
  const slugLine = rawSlug === undefined ? 1 : at(['slug']);
  if (slug === '') {
    problems.push({
      file,
      line: slugLine,
      field: 'slug',
      message: 'gives an empty URL slug; set "slug:" to a few words of the title',
      severity: 'error',
    });
  } else if (/^\d+$/.test(slug)) {
    problems.push({
      file,
      line: slugLine,
      field: 'slug',
      message: `"${slug}" is only digits and would clash with archive pages; set "slug:" to a few words of the title`,
      severity: 'error',
    });
  }
  problems.push(...checkArticleInput({ file, data, body, bodyLine, slug, at }));
  if (!result.success || problems.length > 0) return { problems };

  const frontmatter = result.data;
  const lastCorrection = frontmatter.corrections.reduce<Date | undefined>(
    (latest, c) => (!latest || c.date.date > latest ? c.date.date : latest),
    undefined,
  );
  const updatedCandidates = [frontmatter.updated?.date, lastCorrection].filter((d): d is Date => d !== undefined);
  const latest = updatedCandidates.sort((a, b) => b.getTime() - a.getTime())[0];
  const updated = latest && latest > frontmatter.date.date ? latest : frontmatter.updated?.date;

  return {
    problems,
    article: {
      id: file.replace(/\.md$/i, ''),
      file,
      frontmatter,
      body,
      slug,
      permalink: buildPermalink(
        frontmatter.date.date,
        frontmatter.date.precision as DatePrecision,
        slug,
        options.timeZone,
      ),
      ...(updated ? { updated } : {}),
      bodyLine,
      lineOf,
    },
  };
}

function checkDateOrder(
  file: string,
  data: Record<string, unknown>,
  timeZone: string,
  at: (path: readonly PropertyKey[]) => number,
): Problem[] {
  const published = parseArticleDate(data['date'], timeZone);
  if (!published.ok) return [];
  const problems: Problem[] = [];
  const updated = data['updated'] === undefined ? undefined : parseArticleDate(data['updated'], timeZone);
  if (updated?.ok && updated.value.date < published.value.date) {
    problems.push({
      file,
      line: at(['updated']),
      field: 'updated',
      message: 'is before date; an article cannot be updated before it was published',
      severity: 'error',
    });
  }
  const corrections = data['corrections'];
  if (Array.isArray(corrections)) {
    corrections.forEach((correction: unknown, index) => {
      if (typeof correction !== 'object' || correction === null) return;
      const date = parseArticleDate((correction as Record<string, unknown>)['date'], timeZone);
      if (date.ok && date.value.date < published.value.date) {
        problems.push({
          file,
          line: at(['corrections', index, 'date']),
          field: `corrections.${index}.date`,
          message: 'is before the article date',
          severity: 'error',
        });
      }
    });
  }
  return problems;
}

/** Options for {@link findCollisions}. */
export interface CollisionOptions {
  /** When a file was last changed (milliseconds), to list the newer of two equally dated articles first. */
  modifiedAt?: (file: string) => number | undefined;
}

/** Where an article's slug is made: the line of `slug:`, or line 1 when it comes from the file name. */
function slugSource(article: ArticleRecord): { line: number; fromFileName: boolean } {
  const line = article.frontmatter.slug === undefined ? undefined : article.lineOf(['slug']);
  return line === undefined ? { line: 1, fromFileName: true } : { line, fromFileName: false };
}

/**
 * Problems that only show across files: two articles at one permalink, or an alias on another
 * article. A shared permalink is reported against every file that has it, each at the line that
 * makes its slug, the newer article first (later date, then later change, then later path), and
 * the others listed right after it.
 */
export function findCollisions(
  articles: readonly ArticleRecord[],
  label: (file: string) => string = (file) => file,
  options: CollisionOptions = {},
): Problem[] {
  const problems: Problem[] = [];
  const byPermalink = new Map<string, ArticleRecord>();
  const groups = new Map<string, ArticleRecord[]>();
  for (const article of [...articles].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    if (!byPermalink.has(article.permalink)) byPermalink.set(article.permalink, article);
    groups.set(article.permalink, [...(groups.get(article.permalink) ?? []), article]);
  }
  for (const [permalink, group] of groups) {
    if (group.length < 2) continue;
    const modified = (article: ArticleRecord) => options.modifiedAt?.(article.file) ?? 0;
    const newestFirst = [...group].sort(
      (a, b) =>
        b.frontmatter.date.date.getTime() - a.frontmatter.date.date.getTime() ||
        modified(b) - modified(a) ||
        (a.file < b.file ? 1 : -1),
    );
    const newest = newestFirst[0]!;
    for (const article of newestFirst) {
      const { line, fromFileName } = slugSource(article);
      const others = newestFirst
        .filter((other) => other !== article)
        .map((other) => `${label(other.file)}:${slugSource(other).line}`);
      problems.push({
        file: article.file,
        line,
        field: 'slug',
        message:
          `has the same permalink ${permalink} as ${others.join(' and ')}; give one of them a different "slug:"` +
          (fromFileName ? ' (this one comes from the file name)' : ''),
        severity: 'error',
        ...(article === newest ? {} : { listWith: { file: newest.file, line: slugSource(newest).line } }),
      });
    }
  }
  const aliasOwners = new Map<string, ArticleRecord>();
  for (const article of articles) {
    for (const alias of article.frontmatter.aliases) {
      const page = byPermalink.get(alias);
      const owner = aliasOwners.get(alias);
      if (page) {
        problems.push({
          file: article.file,
          field: 'aliases',
          message: `${alias} is the permalink of ${label(page.file)}; a redirect there would hide that article`,
          severity: 'error',
        });
      } else if (owner && owner !== article) {
        problems.push({
          file: article.file,
          field: 'aliases',
          message: `${alias} is also an alias of ${label(owner.file)}; an old path can redirect to one article only`,
          severity: 'error',
        });
      } else {
        aliasOwners.set(alias, article);
      }
    }
  }
  return problems;
}

/** Flattens a read article into the plain data the content store keeps. */
export function toArticleData(article: ArticleRecord): ArticleData {
  const { frontmatter: fm } = article;
  return {
    title: fm.title,
    date: fm.date.date,
    datePrecision: fm.date.precision,
    ...(article.updated ? { updated: article.updated } : {}),
    ...(fm.summary === undefined ? {} : { summary: fm.summary }),
    tags: fm.tags,
    authors: fm.authors,
    ...(fm.source ? { source: { name: fm.source.name, ...(fm.source.url ? { url: fm.source.url } : {}) } } : {}),
    lang: fm.lang,
    draft: fm.draft,
    featured: fm.featured,
    slug: article.slug,
    permalink: article.permalink,
    aliases: fm.aliases,
    ...(fm.image
      ? {
          image: {
            src: fm.image.src,
            alt: fm.image.alt,
            ...(fm.image.caption ? { caption: fm.image.caption } : {}),
            ...(fm.image.credit ? { credit: fm.image.credit } : {}),
          },
        }
      : {}),
    corrections: fm.corrections.map((c) => ({ date: c.date.date, datePrecision: c.date.precision, text: c.text })),
    file: article.file,
  };
}
