/**
 * A Markdown render worker: builds the article renderer once, then renders what it is sent (see
 * render-pool.ts), or, sent a whole batch to share with other workers, takes its jobs itself and
 * writes each body to the rendered-body cache (see render-background.ts).
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { writeRenderedBodySync } from '../files/rendered-cache';
import { createArticleRenderer, type MarkdownImageOptions } from '../markdown/index';
import { renderArticle, type RenderJob } from './render-article';
import type { WorkerRequest, WorkerResponse } from './render-pool';
import { bodyOf, takeJob, type BackgroundDone, type BackgroundRun } from './render-background-queue';
import { registerSiteOptions } from '../site.config';
import type { WartaOptions } from '../lib/core/site-settings';

const port = parentPort!;
const data = workerData as { image: MarkdownImageOptions; siteOptions: WartaOptions };
// A worker thread has a globalThis of its own: the settings astro.config.mjs registered come along.
registerSiteOptions(data.siteOptions);
const renderer = await createArticleRenderer(data.image);

function failure(error: unknown): { message: string; cause?: string } {
  const cause =
    error instanceof Error && error.cause !== undefined
      ? String((error.cause as Error).message ?? error.cause)
      : undefined;
  return { message: error instanceof Error ? error.message : String(error), ...(cause !== undefined ? { cause } : {}) };
}

async function runBatch(run: BackgroundRun): Promise<void> {
  const view = new Int32Array(run.shared);
  for (let index = takeJob(view, run.order); index !== undefined; index = takeJob(view, run.order)) {
    const job: RenderJob = { ...run.jobs[index]!, body: bodyOf(run, index) };
    try {
      const outcome = await renderArticle(renderer, job);
      writeRenderedBodySync(run.folder, run.digests[index]!, outcome.body, threadId);
      port.postMessage({ type: 'done', index, ok: true } satisfies BackgroundDone);
    } catch (error) {
      port.postMessage({ type: 'done', index, ok: false, ...failure(error) } satisfies BackgroundDone);
    }
  }
  port.postMessage({ type: 'finished' } satisfies BackgroundDone);
}

port.on('message', (message: WorkerRequest | BackgroundRun) => {
  if ('type' in message) {
    void runBatch(message);
    return;
  }
  const { index, job } = message;
  renderArticle(renderer, job).then(
    (outcome) => port.postMessage({ index, ok: true, outcome } satisfies WorkerResponse),
    (error: unknown) => port.postMessage({ index, ok: false, ...failure(error) } satisfies WorkerResponse),
  );
});
