/**
 * A broken-link checker for a built archive: every `href` and `src` on a page that starts with `/`
 * must resolve to a file the build wrote (under the base path, if the site has one), and every
 * `#fragment` must name an element of the page it points to.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { listFiles } from './build';

/** A link that leads nowhere. */
export interface BrokenLink {
  /** The page the link is on, relative to the output folder (`2022/09/index.html`). */
  page: string;
  /** The link as written. */
  href: string;
  /** Why it is broken. */
  reason: string;
}

/** Options for {@link findBrokenLinks}. */
export interface LinkCheckOptions {
  /** Base path the site was built for (`/arsip/`); links outside it are broken. Defaults to `/`. */
  base?: string;
  /** Pages to check, relative to the output folder; defaults to every `.html` file. */
  pages?: readonly string[];
  /** Whether `#fragment`s must match an `id` (or `a[name]`) on the target page. Defaults to true. */
  checkFragments?: boolean;
}

const LINK_SELECTOR = 'a[href], area[href], link[href], img[src], script[src], source[src], iframe[src]';

/** Finds every internal link on the pages of `outDir` that does not resolve; an empty list means none is broken. */
export async function findBrokenLinks(outDir: string, options: LinkCheckOptions = {}): Promise<BrokenLink[]> {
  const base = options.base ?? '/';
  const checkFragments = options.checkFragments ?? true;
  const files = new Set(await listFiles(outDir));
  const pages = options.pages ?? [...files].filter((file) => file.endsWith('.html'));
  const idsByFile = new Map<string, Promise<Set<string>>>();
  const idsOf = (file: string) => {
    let ids = idsByFile.get(file);
    if (!ids) {
      ids = readFile(path.join(outDir, file), 'utf8').then((html) => collectIds(html));
      idsByFile.set(file, ids);
    }
    return ids;
  };

  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const html = await readFile(path.join(outDir, page), 'utf8');
    const { document } = parseHTML(html);
    for (const element of document.querySelectorAll(LINK_SELECTOR)) {
      const href = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
      const problem = await resolveLink(href, page, { base, files, checkFragments, idsOf });
      if (problem) broken.push({ page, href, reason: problem });
    }
  }
  return broken;
}

interface ResolveContext {
  base: string;
  files: Set<string>;
  checkFragments: boolean;
  idsOf: (file: string) => Promise<Set<string>>;
}

async function resolveLink(href: string, page: string, context: ResolveContext): Promise<string | undefined> {
  const hashAt = href.indexOf('#');
  const fragment = hashAt === -1 ? '' : href.slice(hashAt + 1);
  const target = (hashAt === -1 ? href : href.slice(0, hashAt)).split('?')[0]!;

  let file: string;
  if (target === '') {
    // `#top` or `?q=` alone: a link within the same page.
    if (hashAt === -1) return undefined;
    file = page;
  } else if (target.startsWith('/') && !target.startsWith('//')) {
    if (!target.startsWith(context.base)) return `outside the base path ${context.base}`;
    let sitePath: string;
    try {
      sitePath = decodeURIComponent(target.slice(context.base.length - 1));
    } catch {
      return 'has a broken %-escape';
    }
    file = sitePath.endsWith('/') ? `${sitePath.slice(1)}index.html` : sitePath.slice(1);
    if (!context.files.has(file)) return `no file ${file} in the output`;
  } else {
    // External (`https:`, `//host`, `mailto:`) and page-relative links are not this checker's concern.
    return undefined;
  }

  if (context.checkFragments && fragment !== '' && file.endsWith('.html')) {
    let id: string;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      return 'has a broken %-escape in its fragment';
    }
    if (!(await context.idsOf(file)).has(id)) return `no element with id "${id}" in ${file}`;
  }
  return undefined;
}

function collectIds(html: string): Set<string> {
  const { document } = parseHTML(html);
  const ids = new Set<string>();
  for (const element of document.querySelectorAll('[id]')) ids.add(element.getAttribute('id')!);
  for (const element of document.querySelectorAll('a[name]')) ids.add(element.getAttribute('name')!);
  return ids;
}
