/**
 * Scaffolding a new article file for `npm run new`: where it goes (`YYYY/MM/<slug>.md`, the month
 * in the site time zone) and what it starts with (complete frontmatter, the date in the site zone).
 */
import path from 'node:path';
import type { Lang } from '../../site.config';
import { tagKey } from '../core/tags';
import { stringifyArticle } from './article-writer';
import { getCalendarParts, toDatetimeAttribute, type ArticleDate } from '../core/dates';
import { shortenAtWord } from './headline';
import { slugify } from '../core/slugs';

/** The longest slug made from a title, in characters; longer ones are cut at a hyphen. */
export const SLUG_MAX_LENGTH = 60;

/**
 * Makes a URL slug from a title: at most {@link SLUG_MAX_LENGTH} characters, cut at a word
 * boundary and never on a dangling "dan" or "of".
 */
export function slugFromTitle(title: string, lang: Lang): string {
  // slugify drops the "…" that marks the cut.
  return shortenSlug(slugify(shortenAtWord(title, SLUG_MAX_LENGTH, lang)));
}

/** Shortens a slug to at most `max` characters at a word (hyphen) boundary. */
export function shortenSlug(slug: string, max: number = SLUG_MAX_LENGTH): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, '');
}

/** The path of an article file below the content folder: `2023/09/<slug>.md`, by the site zone's calendar. */
export function articleFilePath(date: Date, slug: string, timeZone: string): string {
  const { year, month } = getCalendarParts(date, timeZone);
  return `${year}/${month}/${slug}.md`;
}

/** Writes a date the way the frontmatter parser reads it back exactly: `2023-09`, `2022-09-06`, or ISO with the zone's offset. */
export function formatFrontmatterDate(date: ArticleDate, timeZone: string): string {
  return toDatetimeAttribute(date.date, timeZone, date.precision);
}

/** What `npm run new` knows about the article to create. */
export interface NewArticleOptions {
  /** Headline. */
  title: string;
  /** Publication date. */
  date: ArticleDate;
  /** Site time zone. */
  timeZone: string;
  /** Language of the article. */
  lang: Lang;
  /** Tags. */
  tags: readonly string[];
  /** Byline names. */
  authors: readonly string[];
  /** One or two sentences for lists and previews. */
  summary?: string;
  /** URL slug, when it should not be made from the title. */
  slug?: string;
  /** Whether the article starts as a draft. */
  draft: boolean;
  /** The running story it is a part of (`series:`). */
  series?: string;
  /** The article it is the other language's version of. */
  translationOf?: TranslationSource;
}

/** An existing article that a new one translates, as `npm run new -- --translation-of` read it. */
export interface TranslationSource {
  /** Its file, below the content folder (`2022/09/korut.md`). */
  file: string;
  /** Its language. */
  lang: Lang;
  /** Its `story:` key, if it has one: the new version then shares it. */
  story?: string | undefined;
  /** Its `translations:` entries as written. */
  translations: readonly string[];
}

/**
 * How an article file names another in `translations:`: by its name when both are in one folder
 * (`korut-en.md`), else by its path from the content folder (`/2022/10/korut-en.md`).
 */
export function translationEntry(fromFile: string, toFile: string): string {
  return path.posix.dirname(fromFile) === path.posix.dirname(toFile) ? path.posix.basename(toFile) : `/${toFile}`;
}

/** The language of a new version of an article in `lang`: the first other language of the site. */
export function otherLanguage(lang: Lang, siteLanguages: readonly Lang[]): Lang | undefined {
  return siteLanguages.find((candidate) => candidate !== lang);
}

/**
 * The series name to write for `name`: the spelling the archive already uses when `name` is that
 * series written in another case or spacing (`korea utara–rusia`), else `name` as given.
 */
export function matchSeriesName(name: string, existing: readonly string[]): string {
  const key = tagKey(name);
  return existing.find((series) => tagKey(series) === key) ?? name.trim();
}

/** A new article: its path below the content folder and the file's text. */
export interface NewArticle {
  /** Path below the content folder, e.g. `2025/01/banjir-jakarta.md`. */
  file: string;
  /** The URL slug (also the file name). */
  slug: string;
  /** The whole file. */
  text: string;
}

/** Builds the file of a new article; the slug is empty when the title (or `slug`) has no letters or digits. */
export function createNewArticle(options: NewArticleOptions): NewArticle {
  const slug =
    options.slug === undefined ? slugFromTitle(options.title, options.lang) : shortenSlug(slugify(options.slug));
  const file = articleFilePath(options.date.date, slug, options.timeZone);
  const source = options.translationOf;
  // A version joins the story by its `story:` key when the other article has one, else by a link.
  const version =
    source === undefined
      ? {}
      : source.story !== undefined
        ? { story: source.story }
        : { translations: [translationEntry(file, source.file)] };
  const text = stringifyArticle(
    {
      title: options.title.trim(),
      date: formatFrontmatterDate(options.date, options.timeZone),
      // An empty line to fill in, so the field is not forgotten.
      summary: options.summary?.trim() ?? '',
      tags: options.tags,
      authors: options.authors,
      ...(options.series === undefined ? {} : { series: options.series.trim() }),
      lang: options.lang,
      ...version,
      draft: options.draft,
    },
    '',
    ' More fields (updated, source, slug, aliases, image, corrections): see docs/editors-guide.md',
  );
  return { file, slug, text };
}
