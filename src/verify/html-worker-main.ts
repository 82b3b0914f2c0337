/**
 * An HTML validation thread: validates each batch of pages it is handed with its own validator and
 * sends the results back, or the page it could not read and why.
 */
import { parentPort } from 'node:worker_threads';
import { createPageValidator, validatePage, type HtmlWorkerJob, type HtmlWorkerReply } from './site-html';

const validator = createPageValidator();

parentPort?.on('message', (job: HtmlWorkerJob) => {
  void (async () => {
    const results = [];
    for (const file of job.pages) {
      try {
        results.push(await validatePage(validator, job.outDir, file, job.base));
      } catch (error) {
        parentPort?.postMessage({
          file,
          error: error instanceof Error ? error.message : String(error),
        } satisfies HtmlWorkerReply);
        return;
      }
    }
    parentPort?.postMessage({ results } satisfies HtmlWorkerReply);
  })();
});
