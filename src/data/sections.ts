/**
 * The newsroom's sections (`sections` in src/site.config.ts) as pages use them: each with its
 * articles, newest first, and the routes of its paginated pages at `sectionPath(slug, n)`.
 */
import { paginate, type Page } from '../lib/archive/pagination';
import { sectionPath } from '../lib/core/routes';
import { checkSections, groupBySection } from '../lib/archive/sections';
import { siteConfig, type SiteSection } from '../site.config';
import { getPublishedArticles, type ArticleEntry } from './articles';
import { pageCacheKey } from './cache-keys';

/** A section with its articles. */
export type SectionEntry = {
  /** The section as configured. */
  section: SiteSection;
  /** Site-relative path of its first page. */
  path: string;
  /** Its articles, newest first. */
  items: ArticleEntry[];
};

let sections: Promise<SectionEntry[]> | undefined;

/** Every configured section with its articles, in the configured order; a bad setting stops the build. */
export function getSections(): Promise<SectionEntry[]> {
  sections ??= getPublishedArticles().then((articles) => {
    const problems = checkSections(siteConfig.sections);
    if (problems.length > 0) throw new Error(`src/site.config.ts: sections: ${problems.join('; ')}`);
    const groups = groupBySection(articles, (article) => article.data.tags, siteConfig.sections);
    return siteConfig.sections.map((section) => ({
      section,
      path: sectionPath(section.slug),
      items: groups.get(section.slug) ?? [],
    }));
  });
  return sections;
}

/** One page of a section. */
export type SectionPage = {
  /** The section. */
  section: SiteSection;
  /** This page of its articles. */
  page: Page<ArticleEntry>;
};

/**
 * The `getStaticPaths` entries of the section routes: first pages (`/sections/ekonomi/`) when
 * `paged` is false, later pages (`/sections/ekonomi/2/`) when it is true, as tag pages have them.
 */
export async function getSectionRoutes(
  paged: boolean,
): Promise<{ params: { slug: string; page?: string }; props: SectionPage; cacheKey: string }[]> {
  const routes = (await getSections()).flatMap(({ section, items }) => {
    const pages = paginate(items, siteConfig.pageSize, (number) => sectionPath(section.slug, number));
    return (paged ? pages.slice(1) : pages.slice(0, 1)).map((page) => ({
      params: { slug: section.slug, ...(paged ? { page: String(page.number) } : {}) },
      props: { section, page },
    }));
  });
  return Promise.all(routes.map(async (route) => ({ ...route, cacheKey: await pageCacheKey('section', route.props) })));
}
