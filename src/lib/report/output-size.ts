/**
 * The size of a build's output and the published limits of the static hosts an archive is deployed
 * to, so that a build says before the upload whether its archive fits, and what to change when it
 * does not. Pure data and arithmetic: src/files/output-size.ts measures the folder.
 */
import type { HostName } from '../core/site-settings';
import { classifyPage, pagePathOfFile } from './build-report';

export type { HostName } from '../core/site-settings';

/** What the output holds: bytes and files in all, the largest file and folder, and each kind. */
export interface OutputSize {
  /** Bytes of every file, as a host stores them (before any compression it applies). */
  bytes: number;
  /** Files in all. */
  files: number;
  /** The largest file, by path below the output folder. */
  largestFile: { path: string; bytes: number };
  /** The folder with the most entries (files and folders) directly in it; `''` is the top. */
  largestFolder: { path: string; entries: number };
  /** Files and bytes by kind of output (`article`, `tag`, `search index`, `feeds`, …). */
  byKind: Record<string, { files: number; bytes: number }>;
}

/** The hosts whose limits a build can be held to (`warta({ host })`, or `WARTA_HOST`). */
export const HOSTS: Readonly<Record<HostName, Readonly<HostLimits>>> = {
  'github-pages': {
    label: 'GitHub Pages',
    maxSiteBytes: 1_000_000_000,
    source: 'https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits',
  },
  'gitlab-pages': {
    label: 'GitLab Pages (GitLab.com)',
    maxSiteBytes: 1_000_000_000,
    source: 'https://docs.gitlab.com/user/gitlab_com/#gitlab-pages',
  },
  'cloudflare-pages': {
    label: 'Cloudflare Pages (free plan)',
    maxFiles: 20_000,
    maxFileBytes: 25 * 1024 * 1024,
    source: 'https://developers.cloudflare.com/pages/platform/limits/',
  },
  'cloudflare-pages-paid': {
    label: 'Cloudflare Pages (paid plans)',
    maxFiles: 100_000,
    maxFileBytes: 25 * 1024 * 1024,
    source: 'https://developers.cloudflare.com/pages/platform/limits/',
  },
  netlify: {
    label: 'Netlify',
    maxFolderEntries: 54_000,
    source: 'https://docs.netlify.com/deploy/deploy-overview/',
  },
  s3: {
    label: 'S3-compatible object storage',
    maxFileBytes: 5 * 1024 ** 4,
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/upload-objects.html',
  },
};

/** The limits one host publishes; a limit it does not have is left out. */
export interface HostLimits {
  /** How the host is named in messages. */
  label: string;
  /** Bytes a whole published site may take. */
  maxSiteBytes?: number;
  /** Files a site may hold. */
  maxFiles?: number;
  /** Bytes one file may take. */
  maxFileBytes?: number;
  /** Entries one folder may hold. */
  maxFolderEntries?: number;
  /** Where the host publishes these limits. */
  source: string;
}

/** The variable that names the host a build is for, overriding `warta({ host })`. */
export const HOST_SETTING = 'WARTA_HOST';

/** Settings that override one limit of the chosen host (a plan with other limits, a host's own quota). */
export const HOST_LIMIT_SETTINGS = {
  WARTA_HOST_MAX_BYTES: 'maxSiteBytes',
  WARTA_HOST_MAX_FILES: 'maxFiles',
  WARTA_HOST_MAX_FILE_BYTES: 'maxFileBytes',
  WARTA_HOST_MAX_FOLDER_ENTRIES: 'maxFolderEntries',
} as const satisfies Record<string, keyof HostLimits>;

/** The host a build is for, with the limits it holds the output to. */
export interface ChosenHost {
  name: HostName;
  limits: HostLimits;
}

/**
 * The host a build is for, `name` (the site settings' `host`, which `WARTA_HOST` overrides), with
 * its limits and any that a `WARTA_HOST_MAX_*` variable of `settings` overrides; `undefined` when
 * none is named. Throws naming the variable at fault.
 */
export function resolveHost(
  name: HostName | undefined,
  settings: Readonly<Record<string, string | undefined>>,
): ChosenHost | undefined {
  if (name === undefined) return undefined;
  const limits: HostLimits = { ...HOSTS[name] };
  for (const [setting, limit] of Object.entries(HOST_LIMIT_SETTINGS)) {
    const raw = settings[setting]?.trim();
    if (raw === undefined || raw === '') continue;
    if (!/^\d+$/.test(raw) || Number(raw) < 1) {
      throw new Error(`${setting}: "${raw}" is not a whole number above 0`);
    }
    limits[limit] = Number(raw);
  }
  return { name, limits };
}

/** The kind of an output file, for the bytes by kind: the page type of an HTML page, else what it is. */
export function classifyOutputFile(file: string): string {
  if (file.startsWith('pagefind/')) return 'search index';
  if (file.startsWith('_astro/')) return 'assets';
  if (file.startsWith('api/') && file.endsWith('.json')) return 'api';
  if (/(^|\/)(rss|atom)\.xml$/.test(file)) return 'feeds';
  if (/(^|\/)feed\.json$/.test(file)) return 'feeds';
  if (/(^|\/)[\w-]*sitemap[\w-]*\.xml$/.test(file)) return 'sitemaps';
  if (file.endsWith('.html')) return `${classifyPage(pagePathOfFile(file))} pages`;
  return 'other';
}

/** One limit of a host that an output goes past. */
export interface HostLimitProblem {
  /** Which limit. */
  limit: 'site size' | 'files' | 'file size' | 'files in one folder';
  /** The output's figure and the host's limit, in words, with what to change. */
  message: string;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

function count(n: number): string {
  return n.toLocaleString('en');
}

/** The kinds that take the most bytes, largest first, as `article pages 190 MB, tag 36 MB`. */
function heaviestKinds(size: OutputSize, take = 3): string {
  return Object.entries(size.byKind)
    .sort(([, a], [, b]) => b.bytes - a.bytes)
    .slice(0, take)
    .map(([kind, { bytes }]) => `${kind} ${megabytes(bytes)}`)
    .join(', ');
}

/** Every limit of `host` that `size` goes past, each with the figures and what to change. */
export function checkHostLimits(size: OutputSize, host: HostLimits): HostLimitProblem[] {
  const problems: HostLimitProblem[] = [];
  const otherHost =
    'or deploy to a host without this limit (see docs/deploy.md, "How large an archive each host takes")';
  if (host.maxSiteBytes !== undefined && size.bytes > host.maxSiteBytes) {
    problems.push({
      limit: 'site size',
      message:
        `the archive is ${megabytes(size.bytes)}; ${host.label} publishes at most ${megabytes(host.maxSiteBytes)} ` +
        `(largest: ${heaviestKinds(size)}). Turn off page kinds the archive can do without ` +
        `(warta({ pages: { dayArchives: false, tagFeeds: false, authorPages: false } })), ` +
        `or feeds with full text (WARTA_FEED_CONTENT=summary, WARTA_TAG_FEED_CONTENT=summary), ${otherHost}`,
    });
  }
  if (host.maxFiles !== undefined && size.files > host.maxFiles) {
    problems.push({
      limit: 'files',
      message:
        `the archive has ${count(size.files)} files; ${host.label} takes at most ${count(host.maxFiles)}. ` +
        `Choose a plan or host that takes more files, ${otherHost}`,
    });
  }
  if (host.maxFileBytes !== undefined && size.largestFile.bytes > host.maxFileBytes) {
    problems.push({
      limit: 'file size',
      message:
        `${size.largestFile.path} is ${megabytes(size.largestFile.bytes)}; ${host.label} takes files of at most ` +
        `${megabytes(host.maxFileBytes)}. Split what writes it, ${otherHost}`,
    });
  }
  if (host.maxFolderEntries !== undefined && size.largestFolder.entries > host.maxFolderEntries) {
    problems.push({
      limit: 'files in one folder',
      message:
        `${size.largestFolder.path === '' ? 'the top folder' : `${size.largestFolder.path}/`} holds ` +
        `${count(size.largestFolder.entries)} entries; ${host.label} takes at most ${count(host.maxFolderEntries)} ` +
        `in one folder. ${otherHost[0]!.toUpperCase()}${otherHost.slice(1)}`,
    });
  }
  return problems;
}

/** For each known host, whether `size` fits it: the one line of the build report that says where it can go. */
export function hostsThatFit(size: OutputSize): { fits: HostName[]; tooLarge: HostName[] } {
  const fits: HostName[] = [];
  const tooLarge: HostName[] = [];
  for (const name of Object.keys(HOSTS) as HostName[]) {
    (checkHostLimits(size, HOSTS[name]).length === 0 ? fits : tooLarge).push(name);
  }
  return { fits, tooLarge };
}
