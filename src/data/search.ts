/**
 * Search data for article pages: the filters, metadata and sort key Pagefind records, with tag and
 * author names taken from the archive's term indexes, so every spelling of a topic is one filter
 * value, and the search page derives from those names the slugs the listings have.
 */
import { buildSearchFacets, type SearchFacets } from '../lib/search/search-facets';
import { tagKey } from '../lib/core/tags';
import { siteConfig } from '../site.config';
import { getTermIndex, type ArticleEntry, type ArticleTerm } from './articles';
import { getTopic } from './topics';

/** What the search index records about `article` besides its text. */
export async function getSearchFacets(article: ArticleEntry): Promise<SearchFacets> {
  const [tags, authors] = await Promise.all([getTermIndex('tags'), getTermIndex('authors')]);
  const nameIn = (index: Map<string, ArticleTerm>) => (term: string) => index.get(tagKey(term))?.name ?? term.trim();
  return buildSearchFacets(article.data, {
    timeZone: siteConfig.timeZone,
    // A mapped tag's filter is its topic, named in every language (see ./topics.ts).
    tagName: (tag) => nameIn(tags)(getTopic(tag)),
    authorName: nameIn(authors),
  });
}
