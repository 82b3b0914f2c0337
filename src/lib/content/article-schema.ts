/**
 * The article frontmatter schema: what editors may write, with every field documented. It lives
 * outside `content.config.ts` so that `npm run check` and the importer validate with exactly the
 * schema the build uses, without starting Astro.
 */
import { z } from 'astro/zod';
import { languages, type Lang } from '../../site.config';
import { parseArticleDate, type ArticleDate } from '../core/dates';
import { mergeTags } from '../core/tags';

/** What the schema needs to know about the site. */
export interface ArticleSchemaOptions {
  /** Language of articles that do not set `lang`. */
  defaultLang: Lang;
  /** Time zone in which bare dates mean midnight. */
  timeZone: string;
}

const text = (what = 'text') =>
  z.string({
    error: (issue) =>
      issue.input === undefined ? 'is required' : `must be ${what}, not ${describeValue(issue.input)}`,
  });

/** A list of names or labels; a single value is accepted as a list of one. */
const textList = z
  .preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z.array(text(), {
      error: (issue) => `must be a list of text, such as [Politik, Ekonomi], not ${describeValue(issue.input)}`,
    }),
  )
  .transform((items) => items.map((item) => item.trim().replace(/\s+/g, ' ')).filter((item) => item !== ''));

const httpUrl = text('a URL').refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  },
  { message: 'must be a full http:// or https:// address' },
);

/** An old path of the article, kept working as a redirect: `/lama/berita-123/` or `/news/old.html`. */
const aliasPath = text('a path').transform((value, ctx) => {
  const path = value.trim();
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${path}" has a broken %-escape` });
    return z.NEVER;
  }
  if (!decoded.startsWith('/') || decoded.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(decoded)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${path}" must be a path on this site starting with "/", not a full address`,
    });
    return z.NEVER;
  }
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.') || /[\\?#<>"\s]/.test(decoded)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${path}" may not contain ".." or "." segments, spaces, backslashes, "?" or "#"`,
    });
    return z.NEVER;
  }
  return decoded.endsWith('/') || /\.[a-z0-9]+$/i.test(decoded) ? decoded : `${decoded}/`;
});

/** Builds the schema of an article's frontmatter for a site. */
export function createArticleSchema({ defaultLang, timeZone }: ArticleSchemaOptions) {
  const articleDate = z.unknown().transform((value, ctx): ArticleDate => {
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: 'is required, e.g. 2022-09-06 or 2022-09-06T14:30:00+07:00' });
      return z.NEVER;
    }
    const parsed = parseArticleDate(value, timeZone);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.reason });
      return z.NEVER;
    }
    return parsed.value;
  });

  return z.strictObject({
    /** Headline, shown on the page, in lists, feeds and search results. */
    title: text().trim().min(1, 'must not be empty'),
    /** Publication date: `2022-09-06`, `2022-09` (month only) or `2022-09-06T14:30:00+07:00`. */
    date: articleDate,
    /** When the article was last substantially changed; not before `date`. */
    updated: articleDate.optional(),
    /** One or two sentences shown in lists, search results and link previews. */
    // `npm run new` writes `summary: ""` to fill in: left empty, it counts as no summary (and
    // `npm run check` warns when the article is published so).
    summary: z.preprocess(
      (value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value),
      text().trim().optional(),
    ),
    /** Subjects; trimmed, and spellings that differ only in case count once. */
    tags: textList.default([]).transform((tags) => mergeTags(tags)),
    /** Names of the writers, as they should appear in the byline. */
    authors: textList.default([]),
    /** Where the report comes from: a wire service or partner outlet. */
    source: z
      .strictObject(
        {
          /** Name of the source, e.g. `Antara`. */
          name: text().trim().min(1, 'must not be empty'),
          /** Address of the original report. */
          url: httpUrl.optional(),
        },
        { error: (issue) => `must be a mapping with name and url, not ${describeValue(issue.input)}` },
      )
      .optional(),
    /** Language of the article: `id` (Indonesian) or `en` (English). */
    lang: z.enum(languages, { error: () => `must be one of: ${languages.join(', ')}` }).default(defaultLang),
    /** A draft is shown by `npm run dev` and never published by `npm run build`. */
    draft: z.boolean({ error: () => 'must be true or false' }).default(false),
    /** Puts the article at the top of the front page while it is among the latest 30 days' news. */
    featured: z.boolean({ error: () => 'must be true or false' }).default(false),
    /** Overrides the URL slug that is otherwise taken from the file name. */
    slug: text().trim().min(1, 'must not be empty; leave the field out to use the file name').optional(),
    /** Old paths of this article on earlier sites; each becomes a redirect to the permalink. */
    aliases: z.array(aliasPath, { error: () => 'must be a list of paths such as [/lama/123/]' }).default([]),
    /** Lead image, kept next to the article or given as a full https:// address. */
    image: z
      .strictObject(
        {
          /** Path relative to the article file, or an https:// address. */
          src: text('a path').trim().min(1, 'must not be empty'),
          /** What the image shows, for readers who cannot see it. Required. */
          alt: text().trim().min(1, 'must describe the image for readers who cannot see it'),
          /** Caption shown under the image. */
          caption: text().trim().optional(),
          /** Photographer or agency credit. */
          credit: text().trim().optional(),
        },
        { error: (issue) => `must be a mapping with src and alt, not ${describeValue(issue.input)}` },
      )
      .optional(),
    /** Dated corrections, shown as a log at the end of the article. */
    corrections: z
      .array(
        z.strictObject({
          /** When the correction was made. */
          date: articleDate,
          /** What was corrected. */
          text: text().trim().min(1, 'must say what was corrected'),
        }),
        { error: () => 'must be a list of { date, text } entries' },
      )
      .default([]),
  });
}

/** Frontmatter as the schema returns it. */
export type ArticleFrontmatter = z.output<ReturnType<typeof createArticleSchema>>;

/** The names of every frontmatter field, for suggestions when an editor misspells one. */
export const ARTICLE_FIELDS = [
  'title',
  'date',
  'updated',
  'summary',
  'tags',
  'authors',
  'source',
  'lang',
  'draft',
  'featured',
  'slug',
  'aliases',
  'image',
  'corrections',
] as const;

/** Describes a value an editor wrote, for error messages: `a number (42)`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text ("${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
  return `a ${typeof value} (${String(value)})`;
}

/**
 * The shape of an article as the build stores it: validated frontmatter flattened, plus what is
 * derived from it (slug, permalink, source file). Plain data, so the content store can keep it.
 */
export const articleDataSchema = z.object({
  title: z.string(),
  date: z.date(),
  datePrecision: z.enum(['month', 'day', 'instant']),
  updated: z.date().optional(),
  summary: z.string().optional(),
  tags: z.array(z.string()),
  authors: z.array(z.string()),
  source: z.object({ name: z.string(), url: z.string().optional() }).optional(),
  lang: z.enum(languages),
  draft: z.boolean(),
  featured: z.boolean(),
  slug: z.string(),
  permalink: z.string(),
  aliases: z.array(z.string()),
  image: z
    .object({ src: z.string(), alt: z.string(), caption: z.string().optional(), credit: z.string().optional() })
    .optional(),
  corrections: z.array(
    z.object({ date: z.date(), datePrecision: z.enum(['month', 'day', 'instant']), text: z.string() }),
  ),
  file: z.string(),
});

/** An article as the build stores it. */
export type ArticleData = z.output<typeof articleDataSchema>;
