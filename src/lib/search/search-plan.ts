/**
 * What the build indexes for search, planned before Pagefind runs: which article pages go into
 * which part of the index (src/lib/search/search-parts.ts), and the globs that select exactly their files.
 * Pure: src/integrations/search-index.ts runs Pagefind on the plan.
 */
import { getCalendarParts } from '../core/dates';
import type { IndexPart } from './search-parts';

/** The HTML file, relative to the site folder, of the page at the site path `pagePath` (`/2022/09/06/slug/` → `2022/09/06/slug/index.html`). */
export function pageFileOf(pagePath: string): string {
  const relative = pagePath.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

// Pagefind's glob syntax (wax) reserves these characters; escaped, any slug matches only itself.
const globSyntax = /[\\?*$:<>()[\]{},]/g;

// A glob of a few thousand alternatives is past what Pagefind accepts (about 4,000 article paths).
const FILES_PER_GLOB = 1000;

function escapeGlob(text: string): string {
  return text.replace(globSyntax, (char) => `\\${char}`);
}

/**
 * Globs, relative to the site folder, that together match exactly the HTML files of the pages at
 * the site paths `pagePaths` (`/2022/09/06/slug/`, `/404.html`). Files are grouped by their first
 * folder (an article's year), so Pagefind walks only that folder for each glob, and at most a
 * thousand go in one glob.
 */
export function pageFilesGlobs(pagePaths: readonly string[]): string[] {
  const byFolder = new Map<string, string[]>();
  for (const pagePath of pagePaths) {
    const file = pageFileOf(pagePath);
    const folder = file.includes('/') ? file.slice(0, file.indexOf('/') + 1) : '';
    const files = byFolder.get(folder) ?? [];
    files.push(file.slice(folder.length));
    byFolder.set(folder, files);
  }
  const globs: string[] = [];
  for (const folder of [...byFolder.keys()].sort()) {
    const files = [...new Set(byFolder.get(folder))].sort();
    for (let start = 0; start < files.length; start += FILES_PER_GLOB) {
      const chunk = files.slice(start, start + FILES_PER_GLOB).map(escapeGlob);
      globs.push(`${escapeGlob(folder)}{${chunk.join(',')}}`);
    }
  }
  return globs;
}

/** One searchable page: its site path, language and month of publication (`2022-09`). */
export interface SearchPage {
  path: string;
  language: string;
  month: string;
}

/**
 * The searchable pages of published articles: each article's page, language and month of
 * publication in the archive's time zone (`2022-09`), as its archives file it.
 */
export function searchPagesOf(
  articles: readonly { permalink: string; lang: string; date: Date }[],
  timeZone: string,
): SearchPage[] {
  return articles.map((article) => {
    const { year, month } = getCalendarParts(article.date, timeZone);
    return { path: article.permalink, language: article.lang, month: `${year}-${month}` };
  });
}

/** A part of the index to write (src/lib/search/search-parts.ts) and the site paths of its pages. */
export interface SearchPartPlan extends IndexPart {
  paths: string[];
}

/**
 * How many pages a part holds at most by default. An archive with up to this many articles in a
 * language has one index for it, which ranks exactly as plain Pagefind ranks the same pages; a
 * larger one is split, because Pagefind holds a whole index in memory while it writes it (about
 * 150 MiB per thousand articles, two parts at a time: 65,000 articles of one language took it to
 * 9 GiB with bodies a third of the usual length). docs/search.md has the figures.
 */
export const PAGES_PER_PART = 20_000;

/**
 * Splits searchable pages into parts: by language, then months in order from the oldest, each part
 * taking whole months while it stays within `maxPages` (a single month with more is a part by
 * itself). Filling from the oldest keeps every boundary where it was when an article is edited or
 * the newest month grows, so those changes re-index one part. Each part is keyed in
 * pagefind-entry.json as its language with a private-use subtag of its first month (`id-x-202209`),
 * which Pagefind's worker accepts as a locale and stems as the language.
 */
export function planSearchParts(pages: readonly SearchPage[], maxPages = PAGES_PER_PART): SearchPartPlan[] {
  const byLanguage = new Map<string, Map<string, string[]>>();
  for (const page of pages) {
    const months = byLanguage.get(page.language) ?? new Map<string, string[]>();
    byLanguage.set(page.language, months);
    const paths = months.get(page.month) ?? [];
    months.set(page.month, paths);
    paths.push(page.path);
  }
  const parts: SearchPartPlan[] = [];
  for (const language of [...byLanguage.keys()].sort()) {
    const months = byLanguage.get(language)!;
    let current: SearchPartPlan | undefined;
    for (const month of [...months.keys()].sort()) {
      const paths = months.get(month)!;
      if (!current || current.pages + paths.length > maxPages) {
        current = {
          key: `${language}-x-${month.replace('-', '')}`,
          language,
          from: month,
          to: month,
          pages: 0,
          paths: [],
        };
        parts.push(current);
      }
      current.to = month;
      current.pages += paths.length;
      current.paths.push(...paths);
    }
  }
  for (const part of parts) part.paths.sort();
  return parts;
}
