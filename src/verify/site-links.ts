/**
 * The link check of a built archive, run before a deploy, from the files alone: every page and
 * stylesheet is read once, and every address it names (`href`, `src`, `srcset`, CSS `url()`, preview
 * tags, a refresh redirect, JSON-LD) is resolved as a browser resolves it, then looked up in the
 * output folder as a static host serves it under the archive's base path: a folder address finds its
 * `index.html`, a folder without its trailing slash is an error (hosts redirect it each their own
 * way, or not at all), and a `#fragment` must name an element of the page it points to. Nothing
 * leaves the machine: addresses on other hosts are skipped, and full addresses on the archive's own
 * origin are checked against the local copy.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readCssAddresses, readPageLinks } from './read-links';

/** An address on a built page or stylesheet that leads nowhere. */
export interface BrokenLink {
  /** Site path of the page or stylesheet the address is on (`/arsip/2022/09/`, `/_astro/site.css`). */
  page: string;
  /** The address, as a site path when it is the archive's own (`/arsip/2022/10/#top`). */
  url: string;
  /** Why it is broken, in words an editor can act on: a missing page, a missing fragment, a missing slash. */
  reason: string;
}

/** Options for {@link checkSiteLinks}. */
export interface SiteLinkOptions {
  /** Sub-path the archive was built for (`/arsip/`); addresses outside it are broken. Defaults to `/`. */
  base?: string;
  /** Origin the archive was built for; full addresses on it (canonical, previews) are checked too. */
  siteUrl?: string;
  /** Called after each page or stylesheet is read, with how many are done of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** What a link check found. */
export interface SiteLinkReport {
  /** Pages and stylesheets read. */
  files: number;
  /** Distinct addresses of the archive's own that were checked. */
  checked: number;
  /** Every broken address, sorted by page, then address. */
  broken: BrokenLink[];
}

/** The reason given for an address that matches no file of the archive. */
export const NOT_FOUND = 'not in the built archive (404)';

// Stands in for the site's origin when none is given: full addresses are then all someone else's.
const NO_ORIGIN = 'http://warta.invalid';

/** The base path in its one spelling: `/`, or `/arsip/` with both slashes. */
export function normalizeBase(base = '/'): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * The site path a reader sees for a file of the output: `2022/09/index.html` under `/arsip/` is
 * `/arsip/2022/09/`, `404.html` is `/arsip/404.html`.
 */
export function sitePathOfFile(file: string, base = '/'): string {
  return `${normalizeBase(base)}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

// A path or fragment as written in the page source: `%E6%9D%B1` read back as `東`.
function decodeForReader(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// The address a page is served at, percent-encoded as a browser would, for resolving its links.
function documentUrl(origin: string, base: string, file: string): string {
  const served = file.replace(/(^|\/)index\.html$/, '$1');
  return `${origin}${base}${served.split('/').map(encodeURIComponent).join('/')}`;
}

// Every file of the output folder, relative, with forward slashes.
async function listOutputFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

type Target = { file: string } | { reason: string };

/**
 * A copy of a string that shares no memory with the page it was read from. The parser's attribute
 * values are slices of the whole page; kept as they are (an id, an address worked out once), each
 * would keep its page's text alive, and at 190,000 pages that outgrew a 4 GiB heap.
 */
function detachString(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * Checks every internal address on every page and stylesheet of the archive built into `outDir`;
 * an empty `broken` list means a reader following any link finds what it points to.
 */
export async function checkSiteLinks(outDir: string, options: SiteLinkOptions = {}): Promise<SiteLinkReport> {
  const root = path.resolve(outDir);
  const base = normalizeBase(options.base);
  const origin = options.siteUrl ? new URL(options.siteUrl).origin : NO_ORIGIN;
  const present = new Set(await listOutputFiles(root));
  const sources = [...present].filter((file) => file.endsWith('.html') || file.endsWith('.css')).sort();
  if (sources.length === 0) throw new Error(`no pages to check in ${outDir}`);

  const broken = new Map<string, BrokenLink>();
  const report = (page: string, url: string, reason: string) => {
    const key = `${page}\n${url}`;
    if (!broken.has(key)) broken.set(key, { page, url, reason });
  };

  // Where a path of the archive leads, worked out once per path.
  const targets = new Map<string, Target>();
  const findTarget = (pathname: string): Target => {
    const known = targets.get(pathname);
    if (known) return known;
    let target: Target;
    if (`${pathname}/` === base) {
      target = {
        reason: `a folder without its trailing slash: hosts redirect it each their own way, or not at all; link to ${base} instead`,
      };
    } else if (!pathname.startsWith(base)) {
      target = { reason: `outside the archive's base path ${base}: nothing of this archive is served there` };
    } else {
      let rest: string | undefined;
      try {
        rest = pathname.slice(base.length).split('/').map(decodeURIComponent).join('/');
      } catch {
        rest = undefined;
      }
      if (rest === undefined) target = { reason: 'the address has a malformed %-escape' };
      else if (rest === '' || rest.endsWith('/')) {
        target = present.has(`${rest}index.html`) ? { file: `${rest}index.html` } : { reason: NOT_FOUND };
      } else if (present.has(rest)) target = { file: rest };
      else if (present.has(`${rest}/index.html`)) {
        target = {
          reason:
            'a folder without its trailing slash: hosts redirect it each their own way, or not at all; ' +
            `link to ${decodeForReader(pathname)}/ instead`,
        };
      } else target = { reason: NOT_FOUND };
    }
    targets.set(pathname, target);
    return target;
  };

  // Fragments to look up once every page's ids are known: "file#fragment" → the address and its pages.
  const fragments = new Map<string, { file: string; fragment: string; url: string; pages: string[] }>();
  const ids = new Map<string, Set<string>>();
  const checked = new Set<string>();

  // What an address leads to: nothing to check (another host, mail), or its site path and what is wrong.
  type Outcome = { skip: true } | { skip: false; shown: string; reason?: string; fragmentKey?: string };
  const resolveAddress = (raw: string, documentAddress: string): Outcome => {
    // mailto:, tel:, data:, javascript: and the like lead to no file.
    const scheme = /^([a-z][a-z\d+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
    if (scheme && scheme !== 'http' && scheme !== 'https') return { skip: true };
    let resolved: URL;
    try {
      resolved = new URL(raw, documentAddress);
    } catch {
      return { skip: false, shown: detachString(raw), reason: 'not a valid address' };
    }
    if (resolved.origin !== origin) return { skip: true };
    checked.add(resolved.href);
    const shown = decodeForReader(resolved.pathname) + resolved.search + decodeForReader(resolved.hash);
    const target = findTarget(resolved.pathname);
    if ('reason' in target) return { skip: false, shown, reason: target.reason };
    const fragment = decodeForReader(resolved.hash.slice(1));
    // `#`, `#top` and text fragments scroll without an element (HTML standard); other files have no ids here.
    if (!fragment || fragment.toLowerCase() === 'top' || fragment.startsWith(':~:') || !target.file.endsWith('.html')) {
      return { skip: false, shown };
    }
    const fragmentKey = `${target.file}#${fragment}`;
    if (!fragments.has(fragmentKey)) fragments.set(fragmentKey, { file: target.file, fragment, url: shown, pages: [] });
    return { skip: false, shown, fragmentKey };
  };

  // Root-relative and full addresses lead to the same place from every page: each is worked out once.
  const outcomes = new Map<string, Outcome>();
  const checkAddress = (page: string, documentAddress: string, written: string) => {
    const raw = written.trim();
    const independent = /^[a-z][a-z\d+.-]*:/i.test(raw) || (raw.startsWith('/') && !raw.startsWith('//'));
    let outcome = independent ? outcomes.get(raw) : undefined;
    if (!outcome) {
      outcome = resolveAddress(raw, documentAddress);
      if (independent) outcomes.set(detachString(raw), outcome);
    }
    if (outcome.skip) return;
    if (outcome.reason) report(page, outcome.shown, outcome.reason);
    else if (outcome.fragmentKey) {
      const entry = fragments.get(outcome.fragmentKey)!;
      if (entry.pages.at(-1) !== page) entry.pages.push(page);
    }
  };

  let done = 0;
  for (const file of sources) {
    const text = await readFile(path.join(root, file), 'utf8');
    const page = sitePathOfFile(file, base);
    const own = documentUrl(origin, base, file);
    if (file.endsWith('.css')) {
      for (const address of readCssAddresses(text)) checkAddress(page, own, address);
    } else {
      const links = readPageLinks(text);
      ids.set(file, new Set([...links.ids].map(detachString)));
      const documentAddress =
        links.baseHref !== undefined && URL.canParse(links.baseHref, own) ? new URL(links.baseHref, own).href : own;
      for (const address of links.addresses) checkAddress(page, documentAddress, address);
      for (const error of links.structuredDataErrors) {
        report(page, '(JSON-LD structured data)', `not valid JSON, so its addresses cannot be read: ${error}`);
      }
    }
    done += 1;
    options.onProgress?.(done, sources.length);
  }

  for (const { file, fragment, url, pages } of fragments.values()) {
    if (ids.get(file)?.has(fragment)) continue;
    for (const page of pages) report(page, url, `'#${fragment}' not found: no element on that page has this id`);
  }

  const sorted = [...broken.values()].sort((a, b) =>
    a.page < b.page ? -1 : a.page > b.page ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0,
  );
  return { files: sources.length, checked: checked.size, broken: sorted };
}
