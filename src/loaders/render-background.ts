/**
 * Renders article bodies on worker threads in the background while the build renders its pages
 * (see src/lib/deferred-renders.ts). The workers take the bodies oldest article first, and any body
 * a page asks for ahead of its turn: the page waits for it while the build renders other pages
 * (astro.config.mjs sets `build.concurrency`), so the build's own thread renders pages only.
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

// Jobs a worker holds at once: two, so a body a page asks for goes out with little wait.
const IN_FLIGHT = 2;

/**
 * Starts rendering `items` on worker threads and returns the handle pages ask for bodies through.
 * Nothing it starts rejects unobserved: failures are collected and reported by `demand` and
 * `finish`.
 */
export function renderInBackground(items: readonly BackgroundItem[], options: BackgroundOptions): DeferredRenders {
  const byDigest = new Map(items.map((item, index) => [item.digest, index]));
  const taken = new Set<number>();
  const written = new Set<number>();
  const failed = new Set<number>();
  const failures: Problem[] = [];
  const waiting = new Map<number, { promise: Promise<void>; resolve: () => void }>();
  const settled = (index: number): Promise<void> => {
    let entry = waiting.get(index);
    if (!entry) {
      let resolve = () => {};
      const promise = new Promise<void>((done) => (resolve = done));
      entry = { promise, resolve };
      waiting.set(index, entry);
    }
    return entry.promise;
  };
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
    waiting.get(index)?.resolve();
  };

  // Oldest first: pages ask for the newest bodies first, and any they ask for goes ahead.
  const order = items
    .map((_, index) => index)
    .sort((a, b) => items[a]!.data.date.getTime() - items[b]!.data.date.getTime());
  const urgent: number[] = [];
  let cursor = 0;
  const pick = (): number | undefined => {
    for (;;) {
      const index = urgent.length > 0 ? urgent.shift() : order[cursor++];
      if (index === undefined) return undefined;
      if (taken.has(index)) continue;
      taken.add(index);
      return index;
    }
  };
  const pool: Promise<unknown> = renderOnWorkers(
    items.map((item) => item.job),
    { workers: options.workers, image: options.image, inFlight: IN_FLIGHT, pick, onResult: record },
  ).catch((error: unknown) => error);

  // After a worker stopped, or for a body the workers never reached, the build renders it itself.
  let renderer: ReturnType<typeof createArticleRenderer> | undefined;
  const here = new Map<number, Promise<void>>();
  const renderHere = (index: number): Promise<void> => {
    let rendering = here.get(index);
    if (!rendering) {
      taken.add(index);
      renderer ??= createArticleRenderer(options.image);
      rendering = renderer
        .then((ready) => renderArticle(ready, items[index]!.job))
        .then(
          (outcome): RenderResult => ({ ok: true, outcome }),
          (error: unknown): RenderResult => ({
            ok: false,
            error: error instanceof Error ? error : new Error(String(error)),
          }),
        )
        .then((result) => record(index, result));
      here.set(index, rendering);
    }
    return rendering;
  };
  let poolDone = false;
  void pool.then(() => {
    poolDone = true;
    // Bodies a stopped worker held are rendered here, and pages waiting for them get them.
    for (const index of waiting.keys()) if (!written.has(index) && !failed.has(index)) void renderHere(index);
  });

  let finishing: Promise<readonly Problem[]> | undefined;
  const finish = (): Promise<readonly Problem[]> => {
    finishing ??= (async () => {
      await pool;
      for (const index of items.keys()) if (!written.has(index) && !failed.has(index)) await renderHere(index);
      return failures;
    })();
    return finishing;
  };

  return {
    async demand(digest) {
      const index = byDigest.get(digest);
      if (index === undefined) return;
      if (!written.has(index) && !failed.has(index)) {
        const done = settled(index);
        if (poolDone) await renderHere(index);
        else {
          if (!taken.has(index)) urgent.push(index);
          await done;
        }
      }
      if (failed.has(index)) {
        // Every body is tried first, so the one error names every article that cannot be rendered.
        throw new ContentError(await finish());
      }
    },
    finish,
  };
}
