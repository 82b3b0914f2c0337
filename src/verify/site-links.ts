/**
 * The link check of a built archive, run before a deploy: linkinator serves the output folder on a
 * local port, under the base path the archive was built for, reads every page and stylesheet, and
 * requests every address they name (`href`, `src`, `srcset`, CSS `url()`, preview tags, JSON-LD),
 * `#fragment`s included. Nothing leaves the machine: addresses on other hosts are skipped, and full
 * addresses on the archive's own host are checked against the local copy.
 */
import { mkdir, mkdtemp, rm, symlink, unlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { glob } from 'tinyglobby';

/** An address on a built page or stylesheet that leads nowhere. */
export interface BrokenLink {
  /** Site path of the page or stylesheet the address is on (`/arsip/2022/09/`, `/_astro/site.css`). */
  page: string;
  /** The address, as a site path when it is the archive's own (`/arsip/2022/10/#top`). */
  url: string;
  /** Why it is broken: the HTTP status, a missing fragment, a redirect. */
  reason: string;
}

/** Options for {@link checkSiteLinks}. */
export interface SiteLinkOptions {
  /** Sub-path the archive was built for (`/arsip/`); addresses outside it are broken. Defaults to `/`. */
  base?: string;
  /** Origin the archive was built for; full addresses on it (canonical, previews) are checked too. */
  siteUrl?: string;
}

/** What a link check found. */
export interface SiteLinkReport {
  /** Pages and stylesheets read. */
  files: number;
  /** Distinct addresses requested on the local copy. */
  checked: number;
  /** Every broken address, sorted by page, then address. */
  broken: BrokenLink[];
}

// Characters that the glob library inside linkinator would read as patterns in a file name.
const GLOB_SPECIAL = /[*?[\]{}()!+@\\]/g;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function describeFailure(link: LinkResult): string {
  const details = (link.failureDetails ?? []).map((detail) =>
    detail instanceof Error
      ? detail.message
      : typeof detail === 'object' && detail && 'status' in detail
        ? `HTTP ${String(detail.status)}`
        : String(detail),
  );
  const fragment = details.find((detail) => detail.startsWith('Fragment identifier'));
  if (fragment) return fragment;
  if (link.status === 404) return 'not in the built archive (404)';
  if (link.status !== undefined && link.status >= 300 && link.status < 400) {
    return `redirects (HTTP ${link.status}): link to the final address, with its trailing slash`;
  }
  return details[0] ?? `HTTP ${String(link.status ?? 'error')}`;
}

const ENTRY_BATCH = 100;

// Checks the links of some pages and stylesheets, on a local server of its own.
async function checkBatch(
  files: readonly string[],
  serverRoot: string,
  base: string,
  siteUrl: string | undefined,
): Promise<LinkResult[]> {
  const port = await freePort();
  const local = `http://localhost:${port}/`;
  const prefix = base.slice(1);
  const result = await new LinkChecker().check({
    path: files.map((file) => `${prefix}${file}`.replace(GLOB_SPECIAL, '\\$&')),
    serverRoot,
    port,
    // Every page and stylesheet is an entry point already; following links again would read each
    // page twice, under `/x/` and `/x/index.html`.
    recurse: false,
    checkCss: true,
    checkFragments: true,
    // Hosts redirect `/2022` to `/2022/` differently (or not at all); links must not rely on it.
    redirects: 'error',
    concurrency: 32,
    timeout: 30_000,
    ...(siteUrl
      ? {
          urlRewriteExpressions: [
            { pattern: new RegExp(`^${escapeRegExp(new URL(siteUrl).origin)}/`), replacement: local },
          ],
        }
      : {}),
    linksToSkip: (link) => Promise.resolve(!link.startsWith(local)),
  });
  // linkinator reports addresses relative to the server, so those of different batches compare alike.
  return result.links;
}

/**
 * Checks every internal address on every page and stylesheet of the archive built into `outDir`;
 * an empty `broken` list means a reader following any link finds what it points to.
 */
export async function checkSiteLinks(outDir: string, options: SiteLinkOptions = {}): Promise<SiteLinkReport> {
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const files = (await glob(['**/*.html', '**/*.css'], { cwd: path.resolve(outDir) })).sort();
  if (files.length === 0) throw new Error(`no pages to check in ${outDir}`);

  // The output folder is served at the base path, as the host will serve it, so an address that
  // leaves the sub-path finds nothing, exactly as it would after the deploy.
  let serverRoot = path.resolve(outDir);
  let mount: { root: string; link?: string } | undefined;
  try {
    if (base !== '/') {
      mount = { root: await mkdtemp(path.join(tmpdir(), 'warta-links-')) };
      const link = path.join(mount.root, ...base.split('/').filter(Boolean));
      await mkdir(path.dirname(link), { recursive: true });
      await symlink(serverRoot, link, 'junction');
      mount.link = link;
      serverRoot = mount.root;
    }

    // linkinator requests all of its entry points at once, which a large archive turns into
    // thousands of simultaneous connections the local server resets; batches keep it at a hundred.
    const links: LinkResult[] = [];
    for (let start = 0; start < files.length; start += ENTRY_BATCH) {
      links.push(...(await checkBatch(files.slice(start, start + ENTRY_BATCH), serverRoot, base, options.siteUrl)));
    }

    // Addresses read as written (`/tags/東京/`), not %-escaped as linkinator requested them.
    const toSitePath = (url: string) => {
      const full = /^[a-z][a-z\d+.-]*:/i.test(url) ? url : `/${url}`;
      try {
        return decodeURI(full);
      } catch {
        return full;
      }
    };
    const broken = links
      .filter((link) => link.state === LinkState.BROKEN)
      .map((link) => {
        // A missing fragment on the same page comes without a parent: the page is the link's own,
        // read as an entry point under its file name.
        const page = toSitePath(link.parent ?? link.url.replace(/#.*$/, '')).replace(/(^|\/)index\.html$/, '$1');
        const url = toSitePath(link.parent ? link.url : link.url.replace(/(^|\/)index\.html(?=#|$)/, '$1'));
        return { page, url, reason: describeFailure(link) };
      })
      .sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const checked = new Set(links.filter((link) => link.state !== LinkState.SKIPPED).map((link) => link.url)).size;
    return { files: files.length, checked, broken };
  } finally {
    // The link first, on its own: removing the folder must never reach through it into the archive.
    if (mount?.link) await unlink(mount.link);
    if (mount) await rm(mount.root, { recursive: true, force: true });
  }
}
