/**
 * The language alternates of a story told in several languages, as a page's
 * `<link rel="alternate" hreflang="…">` tags and a sitemap's `xhtml:link` entries both list them:
 * every version (the page itself included) by its language, and `x-default`, the version in the
 * site's default language, for readers of any other language.
 */
import type { Lang } from '../../site.config';
import { findLanguageVersions, groupLanguageVersions, type VersionedArticle } from '../content/translations';

/** One version of a story: its language and its full address. */
export interface LanguageVersion {
  /** Language of the version. */
  lang: Lang;
  /** Absolute URL of its page. */
  url: string;
}

/** One alternate: an `hreflang` value (`id`, `en`, `x-default`) and the address it names. */
export interface LanguageAlternate {
  /** The language code, or `x-default`. */
  hreflang: string;
  /** Absolute URL. */
  href: string;
}

/**
 * The alternates of a story from all its versions, the page's own included, in the order of
 * `languages`, then `x-default`: the version in `defaultLang`, else the first in `languages` order.
 * A story with a single version has no alternates.
 */
export function buildLanguageAlternates(
  versions: readonly LanguageVersion[],
  options: { defaultLang: Lang; languages: readonly Lang[] },
): LanguageAlternate[] {
  const ordered = options.languages
    .map((lang) => versions.find((version) => version.lang === lang))
    .filter((version): version is LanguageVersion => version !== undefined);
  if (ordered.length < 2) return [];
  const fallback = ordered.find((version) => version.lang === options.defaultLang) ?? ordered[0]!;
  return [
    ...ordered.map((version) => ({ hreflang: version.lang, href: version.url })),
    { hreflang: 'x-default', href: fallback.url },
  ];
}

/** What {@link buildAlternatesIndex} needs to know of an article. */
export interface AlternatesArticle extends VersionedArticle {
  /** Site-relative permalink, e.g. `/2022/09/06/slug/`. */
  permalink: string;
}

/**
 * Maps the permalink of every published article told in more than one language to its alternates,
 * for the sitemap; `absolute` turns a permalink into the page's full address.
 */
export function buildAlternatesIndex(
  articles: readonly AlternatesArticle[],
  absolute: (permalink: string) => string,
  options: { defaultLang: Lang; languages: readonly Lang[] },
): Map<string, LanguageAlternate[]> {
  const groups = groupLanguageVersions(articles);
  const index = new Map<string, LanguageAlternate[]>();
  for (const article of articles) {
    const versions = [article, ...findLanguageVersions(article, groups, options.languages)];
    const alternates = buildLanguageAlternates(
      versions.map((version) => ({ lang: version.lang, url: absolute(version.permalink) })),
      options,
    );
    if (alternates.length > 0) index.set(article.permalink, alternates);
  }
  return index;
}
