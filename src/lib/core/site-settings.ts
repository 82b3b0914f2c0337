/**
 * A newsroom's site settings: what `warta({ … })` in astro.config.mjs accepts, the environment
 * variables that override it for a deploy, and their validation, which names every problem (the
 * setting, the value, the fix) in one run. Plain data in, plain data out: the caller passes the
 * options and the environment.
 */
import { z } from 'astro/zod';

/** Languages the interface and articles can be written in. */
export const languages = ['id', 'en'] as const;

/** A supported language code. */
export type Lang = (typeof languages)[number];

/** What feeds carry for each article. */
export type FeedContent = 'full' | 'summary';

/** The static hosts whose published limits a build can be held to (`warta({ host })`, docs/deploy.md). */
export const HOST_NAMES = [
  'github-pages',
  'gitlab-pages',
  'cloudflare-pages',
  'cloudflare-pages-paid',
  'netlify',
  's3',
] as const;

/** A host a build can be held to. */
export type HostName = (typeof HOST_NAMES)[number];

/** The site URL of the sample archive: a deploy that still uses it has not been set up. */
export const EXAMPLE_SITE_URL = 'https://warta.example.org';

const languageNames: Record<Lang, string> = { id: 'Indonesian', en: 'English' };

const nonEmptyText = (what: string) =>
  z
    .string({ error: (issue) => `must be ${what}, not ${describe(issue.input)}` })
    .refine((value) => value.trim() !== '', {
      message: `must be ${what}, not empty text`,
    });

/** A text in some of the languages, e.g. `{ id: 'Ekonomi', en: 'Economy' }`. */
const perLanguage = (what: string) =>
  z.strictObject(
    { id: nonEmptyText(what).optional(), en: nonEmptyText(what).optional() },
    { error: (issue) => perLanguageError(issue, what) },
  );

function perLanguageError(issue: { code: string; input?: unknown; keys?: string[] }, what: string): string {
  if (issue.code === 'unrecognized_keys') {
    return `has an unknown language ${issue.keys?.map((key) => `"${key}"`).join(', ')}; use ${languages.join(' or ')}`;
  }
  return `must give ${what} per language, e.g. { id: '…', en: '…' }, not ${describe(issue.input)}`;
}

const wholeNumber = (min: number, max: number, example: number) =>
  z
    .number({ error: (issue) => `must be a whole number, e.g. ${example}, not ${describe(issue.input)}` })
    .int({ error: `must be a whole number, e.g. ${example}` })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max.toLocaleString('en')}` });

const feedContent = z.enum(['full', 'summary'], {
  error: (issue) => `must be 'full' or 'summary', not ${describe(issue.input)}`,
});

const onOff = z.boolean({ error: (issue) => `must be true or false, not ${describe(issue.input)}` });

/** The kinds of page a newsroom may turn off in `warta({ pages })`. */
export const PAGE_KINDS = ['dayArchives', 'tagFeeds', 'authorPages'] as const;

/** Which of the kinds of page that may be turned off the archive publishes. */
export type SitePages = Readonly<Record<(typeof PAGE_KINDS)[number], boolean>>;

const image = z.strictObject(
  {
    /** Site-relative path of a file in `public/`, e.g. `/logo.png`. */
    path: nonEmptyText('a path below public/, e.g. /logo.png').refine((value) => value.startsWith('/'), {
      message: 'must start with "/" (a file in public/, e.g. /logo.png)',
    }),
    /** Width in pixels. */
    width: wholeNumber(1, 10_000, 512),
    /** Height in pixels. */
    height: wholeNumber(1, 10_000, 512),
    /** What the image shows. */
    alt: nonEmptyText('a short description of the image'),
  },
  { error: (issue) => `must be { path, width, height, alt }, not ${describe(issue.input)}` },
);

const section = z.strictObject(
  {
    /** URL slug of the section's pages: lower-case letters, digits and hyphens. */
    slug: z
      .string({ error: (issue) => `must be a URL slug such as 'ekonomi', not ${describe(issue.input)}` })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
        error: 'must be lower-case letters, digits and single hyphens, e.g. "ekonomi"',
      }),
    /** Its name in each language of the site. */
    name: perLanguage('a name'),
    /** Tags whose articles belong to the section, spelt in any case. */
    tags: z
      .array(nonEmptyText('a tag'), {
        error: (issue) => `must be a list of tags, e.g. ['Ekonomi', 'Economy'], not ${describe(issue.input)}`,
      })
      .min(1, { error: 'must list at least one tag: a section gathers the articles carrying its tags' }),
  },
  { error: (issue) => `must be { slug, name, tags }, not ${describe(issue.input)}` },
);

/** The options of `warta({ … })` in astro.config.mjs, as a newsroom writes them. */
export const wartaOptionsSchema = z.strictObject(
  {
    /** The site's name in each language, shown in the header, page titles and feeds. */
    name: perLanguage('the site name'),
    /** One sentence about the archive, in each language, for the front page and link previews. */
    description: perLanguage('a description'),
    /** The address the archive is served from, e.g. `https://arsip.example.org`. */
    url: z
      .string({ error: (issue) => `must be an address such as 'https://arsip.koran.id', not ${describe(issue.input)}` })
      .refine(isHttpOrigin, { error: "must be an http(s) address with no path, e.g. 'https://arsip.koran.id'" }),
    /** The sub-path the archive lives under: `/` for the root of the address, `/arsip/` for a sub-path. */
    base: z
      .string({ error: (issue) => `must be a path such as '/' or '/arsip/', not ${describe(issue.input)}` })
      .refine((value) => /^[\w\-./~]*$/.test(value.trim()), {
        error: "must be a plain path such as '/' or '/arsip/' (letters, digits, '-', '_', '.', '/')",
      })
      .default('/'),
    /** The IANA time zone in which dates are shown and permalinks are made, e.g. `Asia/Jakarta`. */
    timeZone: z
      .string({ error: (issue) => `must be an IANA time zone such as 'Asia/Jakarta', not ${describe(issue.input)}` })
      .refine(isTimeZone, {
        error: "is not an IANA time zone: use a name such as 'Asia/Jakarta', 'Asia/Makassar' or 'Europe/Amsterdam'",
      }),
    /** The languages of the site, the interface's first: `['id', 'en']` or `['en', 'id']`. */
    languages: z
      .array(
        z.enum(languages, {
          error: `is not a language Warta speaks; use ${languages.join(' or ')}`,
        }),
        { error: (issue) => `must be a list such as ['id', 'en'], not ${describe(issue.input)}` },
      )
      .min(1, { error: "must name at least one language, e.g. ['id', 'en']" })
      .refine((list) => new Set(list).size === list.length, { error: 'names a language twice; name each once' })
      .default(['id', 'en']),
    /** Articles per listing page (front page, archives, tags, sections). */
    pageSize: wholeNumber(1, 1000, 10).default(10),
    /** The newsroom's desks, in the order the front page shows them. */
    sections: z
      .array(section, { error: (issue) => `must be a list of { slug, name, tags }, not ${describe(issue.input)}` })
      .default([]),
    /**
     * Tags that are one topic in different languages, e.g. `{ id: 'Ekonomi', en: 'Economy' }`: their
     * articles share one tag page, which shows both names, and one search filter.
     */
    tagMappings: z
      .array(perLanguage('the tag'), {
        error: (issue) => `must be a list such as [{ id: 'Ekonomi', en: 'Economy' }], not ${describe(issue.input)}`,
      })
      .default([]),
    /** The publisher's logo for search engines (a file in `public/`). */
    logo: image.default({ path: '/logo.png', width: 512, height: 512, alt: 'Warta' }),
    /** The picture of link previews of pages without one of their own (a file in `public/`). */
    socialImage: image.default({ path: '/social-card.png', width: 1200, height: 630, alt: 'Warta — arsip berita' }),
    /** What the feeds carry and how many articles each lists. */
    feeds: z
      .strictObject(
        {
          /** What the archive's feeds carry for each article. */
          content: feedContent.default('full'),
          /** What each tag's feeds carry: summaries keep a large archive's build small. */
          tagContent: feedContent.default('summary'),
          /** The newest articles each feed lists. */
          items: wholeNumber(1, 1000, 50).default(50),
        },
        { error: (issue) => `must be { content, tagContent, items }, not ${describe(issue.input)}` },
      )
      .default({ content: 'full', tagContent: 'summary', items: 50 }),
    /**
     * Kinds of page the archive publishes; a very large archive may turn some off to fit its host
     * (docs/deploy.md). A kind turned off is not written, and no page, feed or sitemap links to it.
     * No WARTA_* variable overrides it: which pages an archive has is the newsroom's choice, as its
     * sections are, not a deploy's.
     */
    pages: z
      .strictObject(
        {
          /** A page for each day with articles (`/2022/09/06/`); off, trails and month pages stop at the month. */
          dayArchives: onOff.default(true),
          /** RSS, Atom and JSON feeds of each tag (`/tags/<slug>/rss.xml`, …); the archive's own feeds stay. */
          tagFeeds: onOff.default(true),
          /** The index of authors and a page for each (`/authors/<slug>/`); off, bylines name authors without a link. */
          authorPages: onOff.default(true),
        },
        {
          error: (issue) =>
            issue.code === 'unrecognized_keys'
              ? `has an unknown kind of page ${issue.keys.map((key) => `"${key}"`).join(', ')}; the kinds are ${PAGE_KINDS.join(', ')}`
              : `must be { ${PAGE_KINDS.map((kind) => `${kind}: false`).join(', ')} } (each true unless turned off), not ${describe(issue.input)}`,
        },
      )
      .default({ dayArchives: true, tagFeeds: true, authorPages: true }),
    /**
     * The host the archive is built for: a build whose output passes one of its published limits
     * (size, files, file size, files in one folder) fails before anything is uploaded, and the
     * previous output stays; `none` only reports which hosts the output fits. WARTA_HOST_MAX_*
     * variables override one limit (docs/deploy.md).
     */
    host: z
      .enum([...HOST_NAMES, 'none'], {
        error: `is not a host Warta knows; use one of ${HOST_NAMES.join(', ')}, or none`,
      })
      .default('none'),
    /** From how many years on an article says how old it is ("more than 3 years old"); 0: never. */
    ageLabelYears: wholeNumber(0, 1000, 1).default(1),
    /** Most URLs in one sitemap file (the sitemap protocol allows 50,000). */
    sitemapPartSize: wholeNumber(1, 50_000, 45_000).default(45_000),
    /**
     * Publish the JSON API beside the pages (`/api/index.json`, one file per article, month and
     * tag, and their JSON Schemas): off by default, as it adds a file per article.
     */
    api: z.boolean({ error: (issue) => `must be true or false, not ${describe(issue.input)}` }).default(false),
    /** Build even when no article is published (a new archive before its first story). */
    allowEmptyArchive: z
      .boolean({ error: (issue) => `must be true or false, not ${describe(issue.input)}` })
      .default(false),
  },
  { error: (issue) => wartaOptionsError(issue) },
);

function wartaOptionsError(issue: { code: string; input?: unknown; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(wartaOptionsSchema.shape);
    return (issue.keys ?? [])
      .map((key) => `"${key}" is not a Warta setting${suggest(key, known)}; the settings are ${known.join(', ')}`)
      .join('; ');
  }
  return `warta() takes one object of settings, e.g. warta({ name: { id: 'Warta' }, url: '…', timeZone: '…' }), not ${describe(issue.input)}`;
}

function suggest(key: string, known: readonly string[]): string {
  const match = known.find((name) => name.toLowerCase() === key.toLowerCase());
  return match ? ` (did you mean "${match}"?)` : '';
}

/** The options of `warta({ … })`, as written in astro.config.mjs. */
export type WartaOptions = z.input<typeof wartaOptionsSchema>;

/** An image shipped in `public/`, with what link previews and structured data need to know. */
export type SiteImage = z.output<typeof image>;

/** A desk of the newsroom, such as Economy: a section of the archive defined by a list of tags. */
export interface SiteSection {
  /** URL slug of the section's pages: lower-case letters, digits and hyphens. */
  slug: string;
  /** Its name in each language of the interface. */
  name: Readonly<Record<Lang, string>>;
  /** Tags whose articles belong to the section, spelt in any case (`Ekonomi`, `economy`). */
  tags: readonly string[];
}

/** The resolved settings of a build: the options, the environment's overrides, and what follows from them. */
export interface SiteConfig {
  /** The site name in the interface's language, shown in the header, titles and feeds. */
  title: string;
  /** The site name in each language of the site. */
  name: Readonly<Record<Lang, string>>;
  /** One-sentence description for the home page and metadata, in the interface's language. */
  description: string;
  /** Absolute origin the archive is served from, e.g. `https://arsip.example.org`. */
  url: string;
  /** Sub-path the archive lives under, `/` for the root, `/arsip/` for a sub-path. */
  base: string;
  /** Language of the interface and of articles that do not set `lang`: the first of `languages`. */
  defaultLang: Lang;
  /** The languages of the site, the interface's first. */
  languages: readonly Lang[];
  /** IANA time zone in which dates are grouped, shown and turned into permalinks. */
  timeZone: string;
  /** Articles per listing page (home, archives, tags). */
  pageSize: number;
  /** What the archive's feeds carry for each article: the whole rendered text, or only its summary. */
  feedContent: FeedContent;
  /** What each tag's feeds carry. */
  tagFeedContent: FeedContent;
  /** The newest articles each feed lists. */
  feedItems: number;
  /** Which kinds of page that a newsroom may turn off (day archives, tag feeds, author pages) are published. */
  pages: SitePages;
  /** The host whose published limits the output must fit, if one is named. */
  host: HostName | undefined;
  /** From how many years on an article says how old it is; 0: never. */
  ageLabelYears: number;
  /** Most URLs in one sitemap file; larger archives get more files, listed in the sitemap index. */
  sitemapPartSize: number;
  /** Picture shown in link previews of pages without an image of their own (a file in `public/`). */
  socialImage: SiteImage;
  /** The publisher's logo for search engines' structured data (a file in `public/`). */
  logo: SiteImage;
  /** The newsroom's desks, in the order the front page shows them. */
  sections: readonly SiteSection[];
  /** Tags that name one topic in different languages, each a list of its spellings, the interface's first. */
  tagMappings: readonly (readonly string[])[];
  /** Publish the JSON API under `/api/`. */
  api: boolean;
  /** Build even when no article is published. */
  allowEmptyArchive: boolean;
}

/** A problem with a setting: where it was set, what it is, and what to do. */
export interface SettingProblem {
  /** The setting as a newsroom finds it: `warta({ timeZone })` or `WARTA_TIME_ZONE`. */
  setting: string;
  /** What is wrong and how to put it right, naming the value. */
  message: string;
}

/** The outcome of resolving the settings: the settings, or every problem with them. */
export type SettingsResult = { ok: true; config: SiteConfig } | { ok: false; problems: SettingProblem[] };

/** An environment variable that overrides a setting, and how its text becomes the setting's value. */
interface Override {
  variable: string;
  apply: (options: Record<string, unknown>, raw: string) => void;
}

const toNumber = (raw: string): number | string => (/^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw);
const toBoolean = (raw: string): boolean | string =>
  ['1', 'true', 'yes'].includes(raw.toLowerCase())
    ? true
    : ['0', 'false', 'no'].includes(raw.toLowerCase())
      ? false
      : raw;

/** The environment variables that override settings of astro.config.mjs, for a deploy or CI. */
export const settingOverrides: readonly (Override & { setting: string })[] = [
  { variable: 'WARTA_SITE_URL', setting: 'url', apply: (o, raw) => (o['url'] = raw) },
  { variable: 'WARTA_BASE', setting: 'base', apply: (o, raw) => (o['base'] = raw) },
  { variable: 'WARTA_TIME_ZONE', setting: 'timeZone', apply: (o, raw) => (o['timeZone'] = raw) },
  { variable: 'WARTA_PAGE_SIZE', setting: 'pageSize', apply: (o, raw) => (o['pageSize'] = toNumber(raw)) },
  { variable: 'WARTA_FEED_CONTENT', setting: 'feeds.content', apply: (o, raw) => setFeeds(o, 'content', raw) },
  {
    variable: 'WARTA_TAG_FEED_CONTENT',
    setting: 'feeds.tagContent',
    apply: (o, raw) => setFeeds(o, 'tagContent', raw),
  },
  {
    variable: 'WARTA_SITEMAP_PART_SIZE',
    setting: 'sitemapPartSize',
    apply: (o, raw) => (o['sitemapPartSize'] = toNumber(raw)),
  },
  { variable: 'WARTA_HOST', setting: 'host', apply: (o, raw) => (o['host'] = raw) },
  {
    variable: 'WARTA_AGE_LABEL_YEARS',
    setting: 'ageLabelYears',
    apply: (o, raw) => (o['ageLabelYears'] = toNumber(raw)),
  },
  { variable: 'WARTA_API', setting: 'api', apply: (o, raw) => (o['api'] = toBoolean(raw)) },
  {
    variable: 'WARTA_ALLOW_EMPTY',
    setting: 'allowEmptyArchive',
    apply: (o, raw) => (o['allowEmptyArchive'] = toBoolean(raw)),
  },
];

function setFeeds(options: Record<string, unknown>, key: string, raw: string): void {
  const feeds = options['feeds'];
  options['feeds'] = { ...(typeof feeds === 'object' && feeds !== null ? feeds : {}), [key]: raw };
}

// CI systems pass a variable that is set but empty (an optional output, an unset secret) as "":
// that means "not set", not "the empty address".
function readVariable(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

/**
 * Resolves the options of `warta({ … })` with the environment's overrides into the settings of a
 * build, or lists every problem: each names the setting (or the variable that set it), the value
 * and the fix.
 */
export function resolveSiteSettings(
  options: unknown,
  env: Readonly<Record<string, string | undefined>> = {},
): SettingsResult {
  const merged: Record<string, unknown> =
    typeof options === 'object' && options !== null && !Array.isArray(options) ? { ...options } : {};
  // Which settings came from the environment, so their problems name the variable.
  const fromEnv = new Map<string, string>();
  for (const override of settingOverrides) {
    const raw = readVariable(env, override.variable);
    if (raw === undefined) continue;
    override.apply(merged, raw);
    fromEnv.set(override.setting, override.variable);
  }
  const isObject = typeof options === 'object' && options !== null && !Array.isArray(options);
  const parsed = wartaOptionsSchema.safeParse(isObject ? merged : options);
  const problems: SettingProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const path = issue.path.map(String);
        const dotted = formatPath(issue.path);
        const variable = fromEnv.get(path.join('.'));
        const setting = variable ? `${variable} (overrides warta({ ${dotted} }))` : `warta({ ${dotted || '…'} })`;
        const value = valueAt(merged, issue.path);
        // Messages about the wrong kind of value name it already ("…, not 12").
        const named = issue.code === 'unrecognized_keys' || path.length === 0 || issue.message.includes(', not ');
        const shown = named ? '' : `${describe(value)} `;
        return { setting, message: `${shown}${issue.message}` };
      });
  // Checks across settings run on what was written, so that they join the other problems of the run.
  if (isObject) problems.push(...crossCheck(merged));
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, config: toSiteConfig(parsed.data) };
}

type ParsedOptions = z.output<typeof wartaOptionsSchema>;

type Texts = Partial<Record<Lang, unknown>>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// What one field cannot see on its own: names missing in a language of the site, repeated slugs
// and tags. It reads the options as written, skipping what is not even of the right shape (the
// schema has named that already).
function crossCheck(options: Record<string, unknown>): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const written = options['languages'] ?? ['id', 'en'];
  const siteLanguages =
    Array.isArray(written) && written.every((lang) => (languages as readonly unknown[]).includes(lang))
      ? (written as Lang[])
      : [];
  const some = (text: Texts) => [text.id, text.en].find((value) => typeof value === 'string') ?? '…';
  const missing = (text: unknown, setting: string) => {
    if (!isRecord(text)) return;
    for (const lang of siteLanguages) {
      if (text[lang] === undefined) {
        problems.push({
          setting: `warta({ ${setting} })`,
          message: `has no ${languageNames[lang]} text, and the site is in ${siteLanguages.join(', ')}; add ${lang}: '${String(some(text))}'`,
        });
      }
    }
  };
  missing(options['name'], 'name');
  missing(options['description'], 'description');
  const sections = Array.isArray(options['sections']) ? (options['sections'] as unknown[]) : [];
  const slugs = new Set<unknown>();
  sections.forEach((section, index) => {
    if (!isRecord(section)) return;
    missing(section['name'], `sections[${index}].name`);
    if (typeof section['slug'] === 'string' && slugs.has(section['slug'])) {
      problems.push({
        setting: `warta({ sections[${index}].slug })`,
        message: `"${section['slug']}" is the slug of an earlier section too; give each section its own slug`,
      });
    }
    slugs.add(section['slug']);
  });
  const mappings = Array.isArray(options['tagMappings']) ? (options['tagMappings'] as unknown[]) : [];
  const mapped = new Map<string, number>();
  mappings.forEach((mapping, index) => {
    if (!isRecord(mapping)) return;
    const names = Object.values(mapping).filter((name): name is string => typeof name === 'string');
    if (names.length < 2) {
      problems.push({
        setting: `warta({ tagMappings[${index}] })`,
        message: `${describe(mapping)} names one tag; a mapping joins a tag in one language to its name in another, e.g. { id: 'Ekonomi', en: 'Economy' }`,
      });
    }
    for (const name of names) {
      const key = name.trim().toLocaleLowerCase('und');
      const earlier = mapped.get(key);
      if (earlier !== undefined && earlier !== index) {
        problems.push({
          setting: `warta({ tagMappings[${index}] })`,
          message: `"${name}" is already mapped in tagMappings[${earlier}]; a tag belongs to one topic, so merge the two`,
        });
      }
      mapped.set(key, index);
    }
  });
  return problems;
}

function toSiteConfig(options: ParsedOptions): SiteConfig {
  const defaultLang = options.languages[0]!;
  const inEveryLanguage = (text: { id?: string | undefined; en?: string | undefined }): Record<Lang, string> => {
    const fallback = text[defaultLang] ?? Object.values(text).find((value) => value !== undefined) ?? '';
    return { id: text.id ?? fallback, en: text.en ?? fallback };
  };
  const name = inEveryLanguage(options.name);
  return {
    title: name[defaultLang],
    name,
    description: inEveryLanguage(options.description)[defaultLang],
    url: options.url.trim().replace(/\/+$/, ''),
    base: normalizeBase(options.base),
    defaultLang,
    languages: options.languages,
    timeZone: options.timeZone,
    pageSize: options.pageSize,
    feedContent: options.feeds.content,
    tagFeedContent: options.feeds.tagContent,
    feedItems: options.feeds.items,
    pages: options.pages,
    host: options.host === 'none' ? undefined : options.host,
    ageLabelYears: options.ageLabelYears,
    sitemapPartSize: options.sitemapPartSize,
    socialImage: options.socialImage,
    logo: options.logo,
    sections: options.sections.map((section) => ({
      slug: section.slug,
      name: inEveryLanguage(section.name),
      tags: section.tags.map((tag) => tag.trim()),
    })),
    tagMappings: options.tagMappings.map((mapping) => {
      const ordered = [...options.languages, ...languages.filter((lang) => !options.languages.includes(lang))];
      return ordered.map((lang) => mapping[lang]?.trim()).filter((tag): tag is string => tag !== undefined);
    }),
    api: options.api,
    allowEmptyArchive: options.allowEmptyArchive,
  };
}

/** Formats the problems of the settings for a person: one line each, after a line that counts them. */
export function formatSettingProblems(problems: readonly SettingProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return [
    `Warta's settings have ${count} (warta({ … }) in astro.config.mjs, or the WARTA_* environment variables):`,
    ...problems.map((problem) => `  ${problem.setting}: ${problem.message}`),
  ].join('\n');
}

/** The sub-path in the form every route uses: `/` or `/arsip/`, with one slash on each side. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function isHttpOrigin(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname === '/' && !url.search && !url.hash;
  } catch {
    return false;
  }
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`),
    '',
  );
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Whether `url` is the sample archive's address, or one on a domain reserved for examples. */
export function isExampleSiteUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return /(^|\.)example\.(org|com|net)$/.test(host) || host === 'example';
  } catch {
    return false;
  }
}

/** Whether the environment is a CI system's, i.e. a build for deployment (`CI` set, and not to "false" or "0"). */
export function isContinuousIntegration(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env['CI']?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}
