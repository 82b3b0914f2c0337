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

/** The configuration this build uses. */
export const siteConfig: SiteConfig = {
  title: 'Warta',
  description: 'Arsip berita: laporan yang tersusun menurut tanggal, topik dan penulis.',
  url: process.env['WARTA_SITE_URL'] ?? 'https://warta.example.org',
  base: normalizeBase(process.env['WARTA_BASE'] ?? '/'),
  defaultLang: 'id',
  timeZone: process.env['WARTA_TIME_ZONE'] ?? 'Asia/Jakarta',
  pageSize: readPageSize(process.env['WARTA_PAGE_SIZE']),
};
