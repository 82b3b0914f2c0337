/**
 * What a build published, for the integrations that run after the pages (redirects, sitemap
 * dates). The query module reports it through the build context; only a build that rendered no
 * page at all leaves it unreported, and then the content folder is read again, with the same
 * validation the loader uses.
 */
import { toArticleData } from '../lib/content/article-file';
import { summarizeContent } from '../lib/report/build-report';
import { resolveBuildTime } from '../lib/core/build-time';
import { readContentFolder, resolveContentDir } from '../files/content-folder';
import { selectPublished } from '../lib/content/publishing';
import { siteConfig } from '../site.config';
import { getBuildSettings, getReportedPublished, type PublishedContent } from './build-context';

/** The articles this build published, newest first or in folder order, with what it held back. */
export async function getPublishedContent(): Promise<PublishedContent> {
  const reported = getReportedPublished();
  if (reported) return reported;
  const folder = await readContentFolder(resolveContentDir(), {
    defaultLang: siteConfig.defaultLang,
    timeZone: siteConfig.timeZone,
  });
  const { published, drafts, scheduled } = selectPublished(
    folder.articles.map((article) => toArticleData(article)),
    { now: resolveBuildTime(process.env), includeDrafts: false, includeFuture: getBuildSettings().includeFuture },
  );
  return { articles: published, stats: summarizeContent(published, drafts.length, scheduled.length) };
}
