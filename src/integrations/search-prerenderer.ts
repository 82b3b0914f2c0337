/**
 * Astro's prerenderer with the search index fed as the build goes: the article pages are rendered
 * in the order of their paths (each part of the index's own order), and each one's HTML is handed
 * to its part's search worker the moment it is rendered (search-part-pool.ts). Pagefind reads the
 * pages while the build renders the rest, instead of reading every page back from the disk after
 * the last one is written, and the parts are written on two cores at once. Which page is written
 * where, and its bytes, do not change: only the order the article pages are rendered in.
 */
import type { AstroPrerenderer, PathWithRoute, PrerenderResult } from 'astro';
import type { SearchPartIndexer } from './search-part-pool';

/** The key a site path is looked up by: decoded, without the sub-path and the trailing slash. */
export function pageKey(pathname: string, base = '/'): string {
  const path = base !== '/' && pathname.startsWith(base) ? pathname.slice(base.length - 1) : pathname;
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // A path that is not valid percent-encoding is looked up as it is.
  }
  return decoded.replace(/\/+$/, '') || '/';
}

/**
 * Puts the pages the indexer expects in its order (`orderOf`), each into one of the places those
 * pages held among all the paths; every other page keeps its place. (Astro renders the article
 * pages last, once the Markdown threads have rendered their bodies while the listings rendered.)
 */
export function orderForSearch(paths: PathWithRoute[], orderOf: (key: string) => number | undefined): PathWithRoute[] {
  const places: number[] = [];
  const searchable: { path: PathWithRoute; order: number }[] = [];
  paths.forEach((path, place) => {
    const order = orderOf(pageKey(path.pathname));
    if (order === undefined) return;
    places.push(place);
    searchable.push({ path, order });
  });
  if (searchable.length === 0) return paths;
  searchable.sort((a, b) => a.order - b.order);
  const ordered = [...paths];
  places.forEach((place, n) => (ordered[place] = searchable[n]!.path));
  return ordered;
}

/** What the prerenderer needs of the build: the indexer, set up once the published articles are known. */
export interface SearchFeed {
  /** Called once the build knows its pages; returns the indexer that takes the pages, if any. */
  prepare(): SearchPartIndexer | undefined;
  /** The site's sub-path (`/` or `/arsip/`). */
  base: string;
}

/** Wraps Astro's prerenderer (`setPrerenderer` in `astro:build:start`) so it feeds the search index. */
export function searchingPrerenderer(base: AstroPrerenderer, feed: SearchFeed): AstroPrerenderer {
  let indexer: SearchPartIndexer | undefined;
  const keyOf = (path: string): string => pageKey(path, feed.base);
  return {
    name: `${base.name}+warta:search`,
    ...(base.setup ? { setup: () => base.setup!() } : {}),
    async getStaticPaths() {
      const paths = await base.getStaticPaths();
      indexer = feed.prepare();
      if (!indexer) return paths;
      const live = indexer;
      return orderForSearch(paths, (key) => live.orderOf(key));
    },
    async render(request, options) {
      const rendered = await base.render(request, options);
      const key = indexer && keyOf(new URL(request.url).pathname);
      if (!indexer || key === undefined || !indexer.expects(key)) return rendered;
      const result: PrerenderResult = rendered instanceof Response ? { response: rendered } : rendered;
      if (result.response.status !== 200) return rendered;
      // The body is read here once and handed on as bytes: Astro writes the same bytes to the page's file.
      const bytes = new Uint8Array(await result.response.arrayBuffer());
      indexer.offer(key, bytes);
      const response = new Response(bytes, {
        status: result.response.status,
        statusText: result.response.statusText,
        headers: result.response.headers,
      });
      return rendered instanceof Response ? response : { ...result, response };
    },
    ...(base.collectStaticImages ? { collectStaticImages: () => base.collectStaticImages!() } : {}),
    ...(base.teardown ? { teardown: () => base.teardown!() } : {}),
  };
}
