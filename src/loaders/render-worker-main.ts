/** A Markdown render worker: builds the article renderer once, then renders what it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { createArticleRenderer, type MarkdownImageOptions } from '../markdown/index';
import { renderArticle } from './render-article';
import type { WorkerRequest, WorkerResponse } from './render-pool';

const port = parentPort!;
const renderer = await createArticleRenderer((workerData as { image: MarkdownImageOptions }).image);

port.on('message', ({ index, job }: WorkerRequest) => {
  renderArticle(renderer, job).then(
    (outcome) => port.postMessage({ index, ok: true, outcome } satisfies WorkerResponse),
    (error: unknown) => {
      const cause =
        error instanceof Error && error.cause !== undefined
          ? String((error.cause as Error).message ?? error.cause)
          : undefined;
      port.postMessage({
        index,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        ...(cause !== undefined ? { cause } : {}),
      } satisfies WorkerResponse);
    },
  );
});
