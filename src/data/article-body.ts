/**
 * Article bodies as the Markdown pipeline rendered them (kept outside Astro's data store, see
 * src/files/rendered-cache.ts): for the article page and the feeds.
 */
import { render } from 'astro:content';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import {
  readRenderedBody,
  readRenderedBodySync,
  renderedCacheFolder,
  resolveCacheDir,
  type RenderedBody,
} from '../files/rendered-cache';
import { demandRenderedBody } from '../integrations/build-context';
import type { ArticleEntry } from './articles';

const folder = renderedCacheFolder(resolveCacheDir());

function missing(article: ArticleEntry): Error {
  return new Error(
    `${article.filePath ?? article.id}: the rendered body is missing from ${folder}; build again (npm run build)`,
  );
}

/** What the article page shows of the body: a component when it has pictures, else its HTML. */
export interface ArticleBody extends RenderedBody {
  /** Set for bodies with pictures, which Astro's image pipeline fills in as the page renders. */
  Content?: AstroComponentFactory;
}

/** The body of an article, for its page. */
export async function getArticleBody(article: ArticleEntry): Promise<ArticleBody> {
  await demandRenderedBody(String(article.digest));
  const body = await readRenderedBody(folder, String(article.digest));
  if (!body) throw missing(article);
  if (!article.rendered) return body;
  const { Content } = await render(article);
  return { ...body, Content };
}

/**
 * Waits until the bodies of `articles` are rendered, for a feed to read them with
 * {@link getArticleBodySync}: on a large build they are rendered while the pages render.
 */
export async function prepareArticleBodies(articles: readonly ArticleEntry[]): Promise<void> {
  await Promise.all(articles.map((article) => demandRenderedBody(String(article.digest))));
}

/** The body of an article, for a feed, once {@link prepareArticleBodies} has been awaited. */
export function getArticleBodySync(article: ArticleEntry): RenderedBody {
  const body = readRenderedBodySync(folder, String(article.digest));
  if (!body) throw missing(article);
  return body;
}
