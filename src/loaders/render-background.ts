/**
 * Renders article bodies on worker threads in the background while the build renders its pages
 * (see src/integrations/build-context.ts). The workers take their jobs from a queue in shared memory
 * (render-background-queue.ts) and write each body to the rendered-body cache themselves, so they
 * never wait for the build's busy main thread: oldest article first, and first of all any body a
 * page asked for ahead of its turn. That page waits while the build renders other pages
 * (astro.config.mjs sets `build.concurrency`), so the build's own thread renders pages only.
 */
import { Worker } from 'node:worker_threads';
import type { DeferredRenders } from '../integrations/build-context';
import { renderFailureProblem } from '../lib/content/input-checks';
import { ContentError, type Problem } from '../lib/core/problems';
import { writeRenderedBody } from '../files/rendered-cache';
import { createArticleRenderer, type MarkdownImageOptions } from '../markdown/index';
import { renderArticle, type RenderJob } from './render-article';
import { workerError } from './render-pool';
import { createQueue, hurryJob, shareBodies, type BackgroundDone, type BackgroundRun } from './render-background-queue';
import { getRegisteredSiteOptions } from '../site.config';

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
  /**
   * Items rendered only when a page asks for them (another shard's articles, in a sharded build);
   * a body nobody asked for is neither rendered nor checked by this build.
   */
  onDemandOnly?: ((index: number) => boolean) | undefined;
}

/**
 * Starts rendering `items` on worker threads and returns the handle pages ask for bodies through.
 * Nothing it starts rejects unobserved: failures are collected and reported by `demand` and
 * `finish`.
 */
export function renderInBackground(items: readonly BackgroundItem[], options: BackgroundOptions): DeferredRenders {
  const byDigest = new Map(items.map((item, index) => [item.digest, index]));
  const shared = createQueue(items.length);
  const view = new Int32Array(shared);
  const hurried = new Set<number>();
  const written = new Set<number>();
  const failed = new Set<number>();
  const failures: Problem[] = [];
  const waiters = new Map<number, (() => void)[]>();

  const settle = (index: number, error?: unknown): void => {
    if (error === undefined) written.add(index);
    else {
      failed.add(index);
      failures.push(renderFailureProblem(options.label(items[index]!.article.file), error));
    }
    for (const wake of waiters.get(index) ?? []) wake();
    waiters.delete(index);
  };

  const onDemand = new Set([...items.keys()].filter((index) => options.onDemandOnly?.(index) ?? false));
  // Oldest first: pages ask for the newest bodies first, and any they ask for goes ahead.
  const order = items
    .map((_, index) => index)
    .filter((index) => !onDemand.has(index))
    .sort((a, b) => items[a]!.data.date.getTime() - items[b]!.data.date.getTime());
  const run: BackgroundRun = {
    type: 'run',
    jobs: items.map(({ job: { body: _body, ...rest } }) => rest),
    ...shareBodies(items.map((item) => item.job.body)),
    digests: items.map((item) => item.digest),
    order,
    shared,
    folder: options.folder,
  };
  const workers = Array.from(
    { length: Math.max(1, Math.min(options.workers, items.length)) },
    () =>
      new Worker(new URL('./render-worker.mjs', import.meta.url), {
        workerData: { image: options.image, siteOptions: getRegisteredSiteOptions() },
      }),
  );
  const stopped = Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          worker.on('message', (message: BackgroundDone) => {
            if (message.type === 'finished') {
              resolve();
              void worker.terminate();
            } else settle(message.index, message.ok ? undefined : workerError(message));
          });
          // A worker that fails or stops early leaves its bodies to the build's own thread.
          worker.on('error', () => resolve());
          worker.on('exit', () => resolve());
          worker.postMessage(run);
        }),
    ),
  );

  // After the workers, any body they did not write (a worker stopped) is rendered here.
  let renderer: ReturnType<typeof createArticleRenderer> | undefined;
  const renderingHere = new Set<number>();
  const renderHere = async (index: number): Promise<void> => {
    if (renderingHere.has(index) || written.has(index) || failed.has(index)) return;
    renderingHere.add(index);
    renderer ??= createArticleRenderer(options.image);
    try {
      const outcome = await renderArticle(await renderer, items[index]!.job);
      await writeRenderedBody(options.folder, items[index]!.digest, outcome.body);
      settle(index);
    } catch (error) {
      settle(index, error);
    }
  };
  let finishing: Promise<readonly Problem[]> | undefined;
  const finish = (): Promise<readonly Problem[]> => {
    finishing ??= (async () => {
      await stopped;
      for (const index of items.keys()) {
        if (!written.has(index) && !failed.has(index) && !onDemand.has(index)) await renderHere(index);
      }
      // Bodies asked for on demand that no worker took are rendered here too.
      for (const index of [...waiters.keys()]) await renderHere(index);
      return failures;
    })();
    return finishing;
  };
  // Pages waiting for a body the workers left are not kept waiting.
  let workersStopped = false;
  const rescueWaiting = (): void => {
    for (const index of [...waiters.keys()]) if (onDemand.has(index)) void renderHere(index);
    if ([...waiters.keys()].some((index) => !onDemand.has(index))) void finish();
  };
  void stopped.then(() => {
    workersStopped = true;
    rescueWaiting();
  });

  return {
    async demand(digest) {
      const index = byDigest.get(digest);
      if (index === undefined) return;
      if (!written.has(index) && !failed.has(index)) {
        const done = new Promise<void>((wake) => waiters.set(index, [...(waiters.get(index) ?? []), wake]));
        // Still unclaimed: ahead of the queue. (Claimed already: a worker is on it.)
        if (!hurried.has(index) && Atomics.load(view, index) === 0) {
          hurried.add(index);
          hurryJob(view, index);
        }
        if (workersStopped) rescueWaiting();
        await done;
      }
      if (failed.has(index)) {
        // Every body is tried first, so the one error names every article that cannot be rendered.
        throw new ContentError(await finish());
      }
    },
    finish,
  };
}
