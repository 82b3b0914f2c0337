/**
 * Checks across a whole content folder that `npm run check` adds to the per-file validation: tags
 * spelt differently in different articles or nearly alike (typos, singular and plural), links between articles that point nowhere, images that
 * do not exist, aliases that would cover a real page of the site, and dates in the text that
 * contradict the article's date.
 */
import path from 'node:path';
import leven from 'leven';
import type { ArticleRecord } from './article-file';
import { resolveMarkdownFileLink } from './article-links';
import { formatShortDate, toDatetimeAttribute } from '../core/dates';
import { contradictingDateMessage, findContradictingDates } from './body-dates';
import { findMarkdownReferences, type MarkdownReference } from './markdown-references';
import type { Problem } from '../core/problems';
import type { SectionRule } from '../archive/sections';
import type { SitePages } from '../core/site-settings';
import { createSiteRoutes, type SiteRoutes } from './site-routes';
import { tagKey } from '../core/tags';
import { findTagNearMissProblems } from './tag-near-misses';

/** Options for {@link checkContentFolder}. */
export interface ContentCheckOptions {
  /** Absolute path of the content folder, against which relative image paths resolve. */
  contentDir: string;
  /** Absolute path of the folder whose files are served at the site root (`public/`). */
  publicDir: string;
  /** Site time zone. */
  timeZone: string;
  /** Articles per listing page. */
  pageSize: number;
  /** Fixed pages and public files, as site paths (`/about/`, `/favicon.svg`). */
  staticPaths: readonly string[];
  /** The newsroom's sections, whose pages articles may link to. */
  sections?: readonly SectionRule[];
  /** Which kinds of page that may be turned off the archive has (all, unless given). */
  pages?: Partial<SitePages>;
  /** The build's "now", to tell which linked articles are not published yet. */
  now: Date;
  /** How problems name an article file, given its path below the content folder. */
  label: (file: string) => string;
  /** How messages name a file on disk that was looked for, given its absolute path. */
  displayPath: (absolute: string) => string;
  /** Whether a file exists at an absolute path. */
  fileExists: (absolute: string) => Promise<boolean>;
  /** Every Markdown file of the folder, readable or not, so a link to a broken one says so. */
  files?: readonly string[];
}

/** Runs every cross-article check over the readable articles of a folder. */
export async function checkContentFolder(
  articles: readonly ArticleRecord[],
  options: ContentCheckOptions,
): Promise<Problem[]> {
  const routes = createSiteRoutes(
    articles.map((article) => ({
      permalink: article.permalink,
      precision: article.frontmatter.date.precision,
      tags: article.frontmatter.tags,
      authors: article.frontmatter.authors,
      aliases: article.frontmatter.aliases,
    })),
    options,
  );
  return [
    ...findTagSpellings(articles, options.label),
    ...findTagNearMissProblems(articles, options.label),
    ...findTagNearMissProblems(articles, options.label, 'series'),
    ...findAliasesOnPages(articles, routes, options.label),
    ...findBrokenLinks(articles, routes, options),
    ...(await findMissingImages(articles, options)),
    ...findContradictingBodyDates(articles, options),
    ...findEmptySummaries(articles, options.label),
  ];
}

/** Warns about a published article whose `summary:` line was left empty (as `npm run new` writes it). */
export function findEmptySummaries(
  articles: readonly ArticleRecord[],
  label: (file: string) => string = (file) => file,
): Problem[] {
  return articles.flatMap((article) => {
    const line = article.lineOf(['summary']);
    if (line === undefined || article.frontmatter.summary !== undefined || article.frontmatter.draft) return [];
    return [
      {
        file: label(article.file),
        line,
        field: 'summary',
        message: 'is empty; write one or two sentences for lists, search results and link previews, or delete the line',
        severity: 'warning' as const,
      },
    ];
  });
}

/** Warns about dates written in the text ("Selasa (6/9/2022)") far from the article's date. */
export function findContradictingBodyDates(
  articles: readonly ArticleRecord[],
  options: Pick<ContentCheckOptions, 'label' | 'timeZone'>,
): Problem[] {
  const problems: Problem[] = [];
  for (const article of articles) {
    const { date, lang } = article.frontmatter;
    const found = findContradictingDates(article.body, date, { lang, timeZone: options.timeZone });
    if (found.length === 0) continue;
    const written = toDatetimeAttribute(date.date, options.timeZone, date.precision);
    for (const each of found) {
      problems.push({
        file: options.label(article.file),
        line: article.bodyLine + each.line,
        field: 'body',
        message: contradictingDateMessage(each, written),
        severity: 'warning',
      });
    }
  }
  return problems;
}

/** Warns about tags written with different case or spacing in different articles. */
export function findTagSpellings(
  articles: readonly ArticleRecord[],
  label: (file: string) => string = (file) => file,
): Problem[] {
  // key → spelling → the articles that use it, in file order.
  const byKey = new Map<string, Map<string, ArticleRecord[]>>();
  for (const article of [...articles].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    for (const tag of article.frontmatter.tags) {
      const key = tagKey(tag);
      const spellings = byKey.get(key) ?? new Map<string, ArticleRecord[]>();
      byKey.set(key, spellings);
      spellings.set(tag, [...(spellings.get(tag) ?? []), article]);
    }
  }
  const problems: Problem[] = [];
  for (const spellings of byKey.values()) {
    if (spellings.size < 2) continue;
    // The most used spelling is taken as the house one; the tag page shows it.
    const ranked = [...spellings.entries()].sort((a, b) => b[1].length - a[1].length);
    const [preferred, users] = ranked[0]!;
    const named = users.slice(0, 3).map((a) => label(a.file));
    const where = users.length > 3 ? `${named.join(', ')} and ${users.length - 3} more` : named.join(', ');
    for (const [spelling, articlesWithSpelling] of ranked.slice(1)) {
      for (const article of articlesWithSpelling) {
        problems.push({
          file: label(article.file),
          line: article.lineOf(['tags']) ?? 1,
          field: 'tags',
          message: `"${spelling}" is written "${preferred}" in ${where}; use one spelling so the tag has one name`,
          severity: 'warning',
        });
      }
    }
  }
  return problems;
}

/** Finds aliases that are the address of a listing or fixed page, which a redirect would hide. */
export function findAliasesOnPages(
  articles: readonly ArticleRecord[],
  routes: SiteRoutes,
  label: (file: string) => string = (file) => file,
): Problem[] {
  const problems: Problem[] = [];
  for (const article of articles) {
    article.frontmatter.aliases.forEach((alias, index) => {
      const kind = routes.find(alias);
      if (kind === 'listing' || kind === 'static') {
        problems.push({
          file: label(article.file),
          line: article.lineOf(['aliases', index]) ?? 1,
          field: 'aliases',
          message: `${alias} is a page of the site; a redirect there would hide it, so remove this alias`,
          severity: 'error',
        });
      }
    });
  }
  return problems;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

// Links and images are both looked at; each body is parsed once.
const referenceCache = new WeakMap<ArticleRecord, MarkdownReference[]>();

function referencesOf(article: ArticleRecord): MarkdownReference[] {
  let references = referenceCache.get(article);
  if (!references) {
    references = findMarkdownReferences(article.body);
    referenceCache.set(article, references);
  }
  return references;
}

function splitPath(url: string): string | undefined {
  const bare = url.split(/[?#]/, 1)[0] ?? '';
  try {
    return decodeURIComponent(bare);
  } catch {
    return undefined;
  }
}

/** Finds links in article bodies to site pages or article files that do not exist. */
export function findBrokenLinks(
  articles: readonly ArticleRecord[],
  routes: SiteRoutes,
  options: Pick<ContentCheckOptions, 'label' | 'now' | 'timeZone' | 'files'>,
): Problem[] {
  const allFiles = new Set(options.files ?? []);
  const byPermalink = new Map(articles.map((article) => [article.permalink, article]));
  const byFile = new Map(articles.map((article) => [article.file, article]));
  const bySlug = groupBySlug(articles);

  const problems: Problem[] = [];
  for (const article of articles) {
    for (const reference of referencesOf(article)) {
      if (reference.kind !== 'link' || reference.url === '' || reference.url.startsWith('#')) continue;
      if (EXTERNAL.test(reference.url)) continue;
      const report = (message: string, severity: Problem['severity'] = 'error') =>
        problems.push({
          file: options.label(article.file),
          line: article.bodyLine + reference.line - 1,
          field: 'body',
          message: `link to ${reference.url} ${message}`,
          severity,
        });
      const target = splitPath(reference.url);
      if (target === undefined) {
        report('has a broken %-escape');
        continue;
      }

      if (target.startsWith('/')) {
        const kind = routes.find(target);
        if (kind === 'article') {
          const unpublished = describeUnpublished(article, byPermalink.get(target)!, options);
          if (unpublished) report(unpublished, 'warning');
        } else if (kind === undefined) {
          if (!target.endsWith('/') && routes.find(`${target}/`)) {
            report(`points to no page; add the trailing slash: ${target}/`);
          } else {
            const guess = suggestPermalink(target, articles, bySlug);
            report(
              guess
                ? `points to no article or page; did you mean ${guess.permalink} (${options.label(guess.file)})?`
                : /^\/\d{4}\/\d{2}\//.test(target)
                  ? 'points to no article or page of this site; check the date and slug in the address'
                  : 'points to no article or page of this site',
            );
          }
        }
        continue;
      }

      // A relative link to a Markdown file is a link to the article in that file; the build
      // replaces it with the article's address.
      if (/\.md$/i.test(target)) {
        const file = resolveMarkdownFileLink(article.file, reference.url);
        const linked = file === undefined ? undefined : byFile.get(file);
        if (!linked) {
          report(
            file === undefined
              ? "points outside the content folder; link to the article's permalink instead"
              : allFiles.has(file)
                ? `points to ${options.label(file)}, which has errors of its own; the link works once they are fixed`
                : `points to no article file (looked for ${options.label(file)})${describeClosestFile(file, byFile, options.label)}`,
          );
        } else {
          const unpublished = describeUnpublished(article, linked, options);
          if (unpublished) report(unpublished, 'warning');
        }
      }
    }
  }
  return problems;
}

// How far apart two slugs may be for one to be suggested for the other: a typo or two, more in long slugs.
const maxSlugDistance = (slug: string) => Math.max(2, Math.floor(slug.length / 4));

/**
 * The article a dead link most likely meant: one with the link's slug (the date was wrong), else
 * the one whose slug is closest to it within a few typos; among equals, the closest permalink.
 */
export function suggestPermalink(
  target: string,
  articles: readonly ArticleRecord[],
  bySlug: ReadonlyMap<string, readonly ArticleRecord[]> = groupBySlug(articles),
): ArticleRecord | undefined {
  const path = target.endsWith('/') ? target : `${target}/`;
  const slug = path.split('/').filter(Boolean).pop() ?? '';
  if (slug === '') return undefined;
  const closest = (candidates: readonly ArticleRecord[]) =>
    candidates
      .map((article) => ({ article, distance: leven(path, article.permalink) }))
      .sort((a, b) => a.distance - b.distance || (a.article.permalink < b.article.permalink ? -1 : 1))[0]?.article;
  const sameSlug = bySlug.get(slug);
  if (sameSlug && sameSlug.length > 0) return closest(sameSlug);
  let best: { distance: number; articles: ArticleRecord[] } | undefined;
  for (const [other, group] of bySlug) {
    if (Math.abs(other.length - slug.length) > maxSlugDistance(slug)) continue;
    const distance = leven(slug, other);
    if (distance > maxSlugDistance(slug)) continue;
    if (!best || distance < best.distance) best = { distance, articles: [...group] };
    else if (distance === best.distance) best.articles.push(...group);
  }
  return best ? closest(best.articles) : undefined;
}

function groupBySlug(articles: readonly ArticleRecord[]): Map<string, ArticleRecord[]> {
  const bySlug = new Map<string, ArticleRecord[]>();
  for (const article of articles) bySlug.set(article.slug, [...(bySlug.get(article.slug) ?? []), article]);
  return bySlug;
}

// "; did you mean content/…/x.md?" for a missing article file close to an existing one.
function describeClosestFile(
  missing: string,
  byFile: ReadonlyMap<string, ArticleRecord>,
  label: (file: string) => string,
): string {
  const allowed = maxSlugDistance(path.posix.basename(missing, '.md'));
  let best: { file: string; distance: number } | undefined;
  for (const file of byFile.keys()) {
    const distance = leven(missing, file);
    if (distance <= allowed && (!best || distance < best.distance)) best = { file, distance };
  }
  return best ? `; did you mean ${label(best.file)}?` : '';
}

function describeUnpublished(
  from: ArticleRecord,
  to: ArticleRecord,
  options: Pick<ContentCheckOptions, 'label' | 'now' | 'timeZone'>,
): string | undefined {
  // A draft that links to a draft is fine: they are likely to be published together.
  if (to.frontmatter.draft && !from.frontmatter.draft) {
    return `points to a draft (${options.label(to.file)}), which the build leaves out; the link is dead until it is published`;
  }
  const toDate = to.frontmatter.date.date;
  if (toDate > options.now && toDate > from.frontmatter.date.date) {
    const when = formatShortDate(toDate, { lang: 'en', timeZone: options.timeZone, precision: 'day' });
    return `points to an article scheduled for ${when} (${options.label(to.file)}); the link is dead until then`;
  }
  return undefined;
}

/** Finds lead images and body images that do not exist where their path says. */
export async function findMissingImages(
  articles: readonly ArticleRecord[],
  options: Pick<ContentCheckOptions, 'contentDir' | 'publicDir' | 'label' | 'displayPath' | 'fileExists'>,
): Promise<Problem[]> {
  const checks: { article: ArticleRecord; line: number; field: string; src: string; absolute: string }[] = [];
  const locate = (article: ArticleRecord, src: string): string | undefined => {
    if (src === '' || EXTERNAL.test(src)) return undefined;
    const target = splitPath(src);
    if (target === undefined) return undefined;
    // "/photos/a.jpg" is a file of the public folder; "a.jpg" sits next to the article file.
    return target.startsWith('/')
      ? path.join(options.publicDir, target)
      : path.join(options.contentDir, path.dirname(article.file), target);
  };
  for (const article of articles) {
    const lead = article.frontmatter.image?.src;
    const leadPath = lead === undefined ? undefined : locate(article, lead);
    if (lead !== undefined && leadPath) {
      const line = article.lineOf(['image', 'src']) ?? 1;
      checks.push({ article, line, field: 'image.src', src: lead, absolute: leadPath });
    }
    // Every Markdown image starts with "![": a body without one is not parsed here at all.
    if (!article.body.includes('![')) continue;
    for (const reference of referencesOf(article)) {
      const absolute = reference.kind === 'image' ? locate(article, reference.url) : undefined;
      if (!absolute) continue;
      const line = article.bodyLine + reference.line - 1;
      checks.push({ article, line, field: 'body', src: reference.url, absolute });
    }
  }
  const exists = await Promise.all(checks.map((check) => options.fileExists(check.absolute)));
  return checks
    .filter((_, index) => !exists[index])
    .map((check) => ({
      file: options.label(check.article.file),
      line: check.line,
      field: check.field,
      message: `image ${check.src} does not exist (looked for ${options.displayPath(check.absolute)})`,
      severity: 'error' as const,
    }));
}
