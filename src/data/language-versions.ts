/**
 * Language versions of the published articles: for an article page, its versions in the other
 * languages (linked by `translations:` or a shared `story:`), and the `hreflang` alternates its head
 * lists. Drafts and scheduled versions are left out until they are published.
 */
import { groupLanguageVersions, findLanguageVersions } from '../lib/content/translations';
import { buildLanguageAlternates, type LanguageAlternate } from '../lib/syndication/language-alternates';
import { languages, siteConfig } from '../site.config';
import { getPublishedArticles, type ArticleEntry } from './articles';
import { absoluteUrl } from './urls';

interface VersionedEntry {
  file: string;
  lang: ArticleEntry['data']['lang'];
  translations?: readonly string[] | undefined;
  story?: string | undefined;
  entry: ArticleEntry;
}

let groups: Promise<Map<string, VersionedEntry[]>> | undefined;

function loadGroups(): Promise<Map<string, VersionedEntry[]>> {
  groups ??= getPublishedArticles().then((articles) =>
    groupLanguageVersions(
      articles.map((entry) => ({
        file: entry.data.file,
        lang: entry.data.lang,
        translations: entry.data.translations,
        story: entry.data.story,
        entry,
      })),
    ),
  );
  return groups;
}

/** The published versions of `article` in the other languages, in the site's order of languages. */
export async function getLanguageVersions(article: ArticleEntry): Promise<ArticleEntry[]> {
  const found = findLanguageVersions(
    { file: article.data.file, lang: article.data.lang },
    await loadGroups(),
    languages,
  );
  return found.map((version) => version.entry);
}

/** The `hreflang` alternates of an article page, given its other versions: none when it has none. */
export function getLanguageAlternates(article: ArticleEntry, versions: readonly ArticleEntry[]): LanguageAlternate[] {
  return buildLanguageAlternates(
    [article, ...versions].map((entry) => ({ lang: entry.data.lang, url: absoluteUrl(entry.data.permalink) })),
    { defaultLang: siteConfig.defaultLang, languages },
  );
}
