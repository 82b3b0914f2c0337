/**
 * Renders one article body with the build's Markdown pipeline. The content loader runs it in
 * worker threads (src/loaders/render-pool.ts), or in its own thread for a handful of articles.
 */
import type { createArticleRenderer } from '../markdown/index';
import type { RenderedBody } from '../files/rendered-cache';

/** One body to render. */
export interface RenderJob {
  /** The article file, as a file: URL (relative pictures are found from it). */
  fileURL: string;
  /** The Markdown body, without frontmatter. */
  body: string;
  /** What the Markdown plugins read from the frontmatter: `lang`, and `articleLinks` when any. */
  frontmatter: Record<string, unknown>;
}

/** A rendered body and what Astro needs to put its local pictures through the image pipeline. */
export interface RenderOutcome {
  body: RenderedBody;
  /** Pictures beside the article the body shows (paths as written), in order. */
  localImagePaths: string[];
  /** Allowed remote pictures the body shows. */
  remoteImagePaths: string[];
}

/** The renderer {@link createArticleRenderer} makes. */
export type ArticleRenderer = Awaited<ReturnType<typeof createArticleRenderer>>;

/** Renders a body; throws what the pipeline throws. */
export async function renderArticle(renderer: ArticleRenderer, job: RenderJob): Promise<RenderOutcome> {
  const { code, metadata } = await renderer.render(job.body, {
    frontmatter: job.frontmatter,
    fileURL: new URL(job.fileURL),
  });
  const readingTime = Number(metadata.frontmatter['readingTime'] ?? 1);
  const wordCount = Number(metadata.frontmatter['wordCount'] ?? 0);
  return {
    body: { html: code, readingTime, wordCount },
    localImagePaths: metadata.localImagePaths,
    remoteImagePaths: metadata.remoteImagePaths,
  };
}
