/**
 * Search data for article pages: the filters, metadata and sort key Pagefind records, with tag and
 * author names taken from the archive-wide indexes so every spelling of a topic is one filter value.
 */
import { buildSearchFacets, type SearchFacets } from '../lib/search-facets';
import { tagKey } from '../lib/tags';
import { buildTermIndex, type TermEntry } from '../lib/taxonomy';
import { siteConfig } from '../site.config';
import { getPublishedArticles, getTagIndex, type ArticleEntry } from './articles';

let authorIndex: Promise<Map<string, TermEntry<ArticleEntry>>> | undefined;

// Built like the tag index, so an author's URL slug on the search page (derived from the names in
// the index with the same function) matches the slug author listings get.
function getAuthorIndex(): Promise<Map<string, TermEntry<ArticleEntry>>> {
  authorIndex ??= getPublishedArticles().then((articles) =>
    buildTermIndex(articles, (article) => article.data.authors, 'author'),
  );
  return authorIndex;
}

/** What the search index records about `article` besides its text. */
export async function getSearchFacets(article: ArticleEntry): Promise<SearchFacets> {
  const [tags, authors] = await Promise.all([getTagIndex(), getAuthorIndex()]);
  const nameIn = (index: Map<string, TermEntry<ArticleEntry>>) => (term: string) =>
    index.get(tagKey(term))?.name ?? term.trim();
  return buildSearchFacets(article.data, {
    timeZone: siteConfig.timeZone,
    tagName: nameIn(tags),
    authorName: nameIn(authors),
  });
}
