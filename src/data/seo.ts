/**
 * What search engines and link previews get from a page: its preview image, and the structured data
 * (JSON-LD) of articles and breadcrumb trails, with every address absolute and under the base path.
 */
import { t } from '../i18n/ui';
import type { PreviewImage } from '../lib/syndication/page-meta';
import { resolveImageUrl } from '../lib/syndication/page-meta';
import { HOME_PATH } from '../lib/core/routes';
import {
  buildArticleCrumbs,
  buildBreadcrumbList,
  buildDateCrumbs,
  buildNewsArticle,
  type Crumb,
} from '../lib/syndication/structured-data';
import { siteConfig, type Lang } from '../site.config';
import type { ArticleEntry } from './articles';
import { getLeadImage, isImportedImage } from './images';
import { absoluteUrl } from './urls';

/** The site's own preview picture, for pages without an image of their own. */
export function getDefaultPreviewImage(): PreviewImage {
  const { path, alt, width, height } = siteConfig.socialImage;
  return { url: absoluteUrl(path), alt, width, height };
}

/** An article's lead image as a preview picture, or the site's picture when it has none. */
export function getArticlePreviewImage(article: ArticleEntry): PreviewImage {
  const image = getLeadImage(article);
  if (!image) return getDefaultPreviewImage();
  if (isImportedImage(image.src)) {
    // The pipeline's copy of the original, whose address already carries the base path.
    const { src, width, height } = image.src;
    return { url: new URL(src, siteConfig.url).href, alt: image.alt, width, height };
  }
  return { url: resolveImageUrl(image.src, absoluteUrl(article.data.permalink)), alt: image.alt };
}

/** The first step of every trail: the home page, named in `lang`. */
export function getHomeCrumb(lang = siteConfig.defaultLang): Crumb {
  return { name: t(lang, 'home'), path: HOME_PATH };
}

/** The trail of a year, month or day archive: home → year → month → day, as far as the period goes. */
export function getPeriodCrumbs(start: Date, kind: 'year' | 'month' | 'day', lang = siteConfig.defaultLang): Crumb[] {
  const steps = buildDateCrumbs(start, kind === 'day' ? 'day' : 'month', crumbOptions(lang));
  return [getHomeCrumb(lang), ...steps.slice(0, kind === 'year' ? 1 : kind === 'month' ? 2 : 3)];
}

/** The trail of an article page, in its language: home → year → month → day (if days have pages) → the article. */
export function getArticleCrumbs(article: ArticleEntry): Crumb[] {
  const { data } = article;
  return buildArticleCrumbs(data, getHomeCrumb(data.lang), crumbOptions(data.lang));
}

// Trails stop at the month when the archive has no day pages.
function crumbOptions(lang: Lang) {
  return { lang, timeZone: siteConfig.timeZone, days: siteConfig.pages.dayArchives };
}

/**
 * A `BreadcrumbList` for a page's trail of site-relative paths, e.g. an archive page's
 * `[getHomeCrumb(), { name: '2022', path: '/2022/' }]`; render it with `JsonLd.astro`.
 */
export function getBreadcrumbStructuredData(crumbs: readonly Crumb[]) {
  return buildBreadcrumbList(crumbs, absoluteUrl);
}

/** The structured data of an article page: its `NewsArticle` and its breadcrumb trail. */
export function getArticleStructuredData(article: ArticleEntry) {
  const { data } = article;
  const url = absoluteUrl(data.permalink);
  const newsArticle = buildNewsArticle({
    url,
    headline: data.title,
    description: data.summary,
    published: data.date,
    modified: data.updated,
    authors: data.authors,
    lang: data.lang,
    tags: data.tags,
    images: [getArticlePreviewImage(article).url],
    corrections: data.corrections,
    basedOn: data.source?.url,
    publisher: {
      name: siteConfig.title,
      url: absoluteUrl('/'),
      logo: { url: absoluteUrl(siteConfig.logo.path) },
    },
    timeZone: siteConfig.timeZone,
  });
  return [newsArticle, getBreadcrumbStructuredData(getArticleCrumbs(article))];
}
