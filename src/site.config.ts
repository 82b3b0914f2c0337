/**
 * Site configuration: the one place where the archive's identity, language, time zone and paging
 * are set. Deploy-specific values can be overridden from the environment so CI can build the same
 * commit for different hosts without editing code.
 */

/** Languages the interface and articles can be written in. */
export const languages = ['id', 'en'] as const;

/** A supported language code. */
export type Lang = (typeof languages)[number];

/** The shape of the site configuration. */
export interface SiteConfig {
  /** Site name shown in the header, titles and feeds. */
  title: string;
  /** One-sentence description for the home page and metadata. */
  description: string;
  /** Absolute origin the archive is served from, e.g. `https://arsip.example.org`. */
  url: string;
  /** Sub-path the archive lives under, `/` for the root, `/arsip/` for a sub-path. */
  base: string;
  /** Language of the interface and of articles that do not set `lang`. */
  defaultLang: Lang;
  /** IANA time zone in which dates are grouped, shown and turned into permalinks. */
  timeZone: string;
  /** Articles per listing page (home, archives, tags). */
  pageSize: number;
  /** What the archive's feeds carry for each article: the whole rendered text, or only its summary. */
  feedContent: FeedContent;
  /**
   * What each tag's feeds carry. Summaries by default: full text in three formats for each of a
   * large archive's thousands of tags is most of the build's output and a good part of its time.
   */
  tagFeedContent: FeedContent;
  /** Most URLs in one sitemap file; larger archives get more files, listed in the sitemap index. */
  sitemapPartSize: number;
  /** Picture shown in link previews of pages without an image of their own (a file in `public/`). */
  socialImage: SiteImage;
  /** The publisher's logo for search engines' structured data (a file in `public/`). */
  logo: SiteImage;
  /**
   * The newsroom's desks, in the order the front page shows them: each gathers the articles that
   * carry any of its tags on a paginated page of its own, `/sections/<slug>/`.
   */
  sections: readonly SiteSection[];
}

/** A desk of the newsroom, such as Economy: a section of the archive defined by a list of tags. */
export interface SiteSection {
  /** URL slug of the section's pages: lower-case letters, digits and hyphens. */
  slug: string;
  /** Its name in each language of the interface. */
  name: Readonly<Record<Lang, string>>;
  /** Tags whose articles belong to the section, spelt in any case (`Ekonomi`, `economy`). */
  tags: readonly string[];
}

/** What feeds carry for each article. */
export type FeedContent = 'full' | 'summary';

/** An image shipped in `public/`, with what link previews and structured data need to know. */
export interface SiteImage {
  /** Site-relative path, without the base path, e.g. `/social-card.png`. */
  path: string;
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** What the image shows. */
  alt: string;
}

// CI systems pass a variable that is set but empty (an optional output, an unset secret) as "":
// that means "not set", not "the empty address".
function readSetting(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value === '' ? undefined : value;
}

function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function readPageSize(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 10;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`WARTA_PAGE_SIZE must be a positive whole number, got "${raw}"`);
  }
  return size;
}

function readFeedContent(name: string, fallback: FeedContent): FeedContent {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'full' || raw === 'summary') return raw;
  throw new Error(`${name} must be "full" or "summary", got "${raw}"`);
}

// The sitemap protocol allows 50,000 URLs per file; staying below it leaves room for growth.
function readSitemapPartSize(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 45_000;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 50_000) {
    throw new Error(`WARTA_SITEMAP_PART_SIZE must be a whole number from 1 to 50000, got "${raw}"`);
  }
  return size;
}

/** The configuration this build uses. */
export const siteConfig: SiteConfig = {
  title: 'Warta',
  description: 'Arsip berita: laporan yang tersusun menurut tanggal, topik dan penulis.',
  url: readSetting('WARTA_SITE_URL') ?? 'https://warta.example.org',
  base: normalizeBase(readSetting('WARTA_BASE') ?? '/'),
  defaultLang: 'id',
  timeZone: readSetting('WARTA_TIME_ZONE') ?? 'Asia/Jakarta',
  pageSize: readPageSize(process.env['WARTA_PAGE_SIZE']),
  feedContent: readFeedContent('WARTA_FEED_CONTENT', 'full'),
  tagFeedContent: readFeedContent('WARTA_TAG_FEED_CONTENT', 'summary'),
  sitemapPartSize: readSitemapPartSize(process.env['WARTA_SITEMAP_PART_SIZE']),
  socialImage: { path: '/social-card.png', width: 1200, height: 630, alt: 'Warta — arsip berita' },
  logo: { path: '/logo.png', width: 512, height: 512, alt: 'Warta' },
  sections: [
    {
      slug: 'politik',
      name: { id: 'Politik', en: 'Politics' },
      tags: ['Politik', 'Politics', 'Pemilu 2024', 'Election', 'Diplomacy', 'Myanmar', 'Korea Utara'],
    },
    {
      slug: 'ekonomi',
      name: { id: 'Ekonomi', en: 'Economy' },
      tags: ['Ekonomi', 'Economy', 'Pangan', 'Harga Beras', 'Rice', 'Startup', 'Startups'],
    },
    {
      slug: 'lingkungan',
      name: { id: 'Lingkungan & Bencana', en: 'Environment & Disasters' },
      tags: ['Bencana', 'Banjir', 'Cuaca', 'Iklim', 'Climate', 'Gunung Api'],
    },
    {
      slug: 'budaya',
      name: { id: 'Budaya & Olahraga', en: 'Culture & Sport' },
      tags: ['Budaya', 'Culture', 'Olahraga', 'Tahun Baru'],
    },
  ],
};
