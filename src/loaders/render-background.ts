/**
 * Renders article bodies in the background while the build renders its pages (see
 * src/lib/deferred-renders.ts): worker threads take the bodies oldest article first, since pages
 * and feeds ask for the newest first, and a body a page asks for before any worker took it is
 * rendered at once on the build's own thread, so no page waits in a queue.
 */
import type { DeferredRenders } from '../lib/deferred-renders';
import { renderFailureProblem } from '../lib/input-checks';
import { ContentError, type Problem } from '../lib/problems';
import { writeRenderedBody } from '../lib/rendered-cache';
import { createArticleRenderer, type MarkdownImageOptions } from '../markdown/index';
import { renderArticle, type RenderJob } from './render-article';
import { renderOnWorkers, type RenderResult } from './render-pool';

/** One body to render: the job, the digest its rendering is kept under, and what orders it. */
export interface BackgroundItem {
  article: { file: string };
  data: { date: Date };
  digest: string;
  job: RenderJob;
}

/** Options of {@link renderInBackground}. */
export interface BackgroundOptions {
  workers: number;
  image: MarkdownImageOptions;
  /** The rendered-body cache folder the bodies are written to. */
  folder: string;
  /** How a problem names an article file. */
  label: (file: string) => string;
}

/**
 * Starts rendering `items` and returns, once the build's own renderer is ready, the handle pages
 * ask for bodies through. Nothing it starts rejects unobserved: failures are collected and
 * reported by `demand` and `finish`.
 */
export async function renderInBackground(
  items: readonly BackgroundItem[],
  options: BackgroundOptions,
): Promise<DeferredRenders> {
  // Made now, while the content layer's module loader still runs, and tried once, so every module
  // the pipeline loads lazily is loaded before the pages need it.
  const renderer = await createArticleRenderer(options.image);
  await renderer.render('A "warm-up" -- with *emphasis*.', {
    frontmatter: { lang: 'id' },
    fileURL: new URL(items[0]!.job.fileURL),
  });

  const byDigest = new Map(items.map((item, index) => [item.digest, index]));
  const underway = new Map<number, Promise<void>>();
  const written = new Set<number>();
  const failed = new Set<number>();
  const failures: Problem[] = [];

  const record = async (index: number, result: RenderResult): Promise<void> => {
    const item = items[index]!;
    try {
      if (!result.ok) throw result.error;
      await writeRenderedBody(options.folder, item.digest, result.outcome.body);
      written.add(index);
    } catch (error) {
      failed.add(index);
      failures.push(renderFailureProblem(options.label(item.article.file), error));
    }
  };
  const renderHere = (index: number): Promise<void> => {
    const rendering = renderArticle(renderer, items[index]!.job).then(
      (outcome): RenderResult => ({ ok: true, outcome }),
      (error: unknown): RenderResult => ({
        ok: false,
        error: error instanceof Error ? error : new Error(String(error)),
      }),
    );
    const done = rendering.then((result) => record(index, result));
    underway.set(index, done);
    return done;
  };

  // Oldest first: the pages ask for the newest bodies first, so the two rarely want the same one.
  const order = items
    .map((_, index) => index)
    .sort((a, b) => items[a]!.data.date.getTime() - items[b]!.data.date.getTime());
  const settle = new Map<number, () => void>();
  const pool = renderOnWorkers(
    order.map((index) => items[index]!.job),
    {
      workers: options.workers,
      image: options.image,
      claim: (at) => {
        const index = order[at]!;
        if (underway.has(index)) return false;
        underway.set(index, new Promise<void>((resolve) => settle.set(index, resolve)));
        return true;
      },
      onResult: async (at, result) => {
        const index = order[at]!;
        await record(index, result);
        settle.get(index)?.();
        settle.delete(index);
      },
    },
  ).catch((error: unknown) => {
    // A worker that stops leaves the bodies it held unrendered; they are rendered here instead.
    for (const [index, resolve] of settle) {
      underway.delete(index);
      resolve();
    }
    settle.clear();
    return error;
  });

  let finishing: Promise<readonly Problem[]> | undefined;
  const finish = (): Promise<readonly Problem[]> => {
    finishing ??= (async () => {
      await pool;
      for (const index of items.keys()) if (!underway.has(index)) await renderHere(index);
      await Promise.all(underway.values());
      return failures;
    })();
    return finishing;
  };

  return {
    async demand(digest) {
      const index = byDigest.get(digest);
      if (index === undefined) return;
      while (!written.has(index) && !failed.has(index)) await (underway.get(index) ?? renderHere(index));
      if (failed.has(index)) {
        // Every body is tried first, so the one error names every article that cannot be rendered.
        throw new ContentError(await finish());
      }
    },
    finish,
  };
}
