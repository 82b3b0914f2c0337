/**
 * Renders article bodies on worker threads, one per core, so a large archive's Markdown is not
 * rendered on one core while the other waits. Each worker builds the same Markdown processor as
 * the build (src/markdown/index.ts) and renders the jobs it is sent, a few at a time.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MarkdownImageOptions } from '../markdown/index';
import type { RenderJob, RenderOutcome } from './render-article';
import { getRegisteredSiteOptions } from '../site.config';

/** What became of one job: its outcome, or the error the pipeline threw. */
export type RenderResult = { ok: true; outcome: RenderOutcome } | { ok: false; error: Error };

/** Messages between the pool and a worker. */
export type WorkerRequest = { index: number; job: RenderJob };
export type WorkerResponse =
  { index: number; ok: true; outcome: RenderOutcome } | { index: number; ok: false; message: string; cause?: string };

// Jobs a worker holds at once: enough that it never waits for the next, few enough to share fairly.
const IN_FLIGHT = 4;

/** Workers the machine can keep busy: one per core, at least one. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Renders every job on `workers` threads and calls `onResult` for each as it finishes, in any
 * order. Resolves when all are done; the workers are always stopped.
 */
export async function renderOnWorkers(
  jobs: readonly RenderJob[],
  options: {
    workers: number;
    image: MarkdownImageOptions;
    onResult: (index: number, result: RenderResult) => void | Promise<void>;
  },
): Promise<void> {
  const count = Math.max(1, Math.min(options.workers, jobs.length));
  let next = 0;
  const pool = Array.from(
    { length: count },
    () =>
      new Worker(new URL('./render-worker.mjs', import.meta.url), {
        workerData: { image: options.image, siteOptions: getRegisteredSiteOptions() },
      }),
  );
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let running = 0;
            const feed = () => {
              while (running < IN_FLIGHT && next < jobs.length) {
                const index = next++;
                running += 1;
                worker.postMessage({ index, job: jobs[index]! } satisfies WorkerRequest);
              }
              if (running === 0) resolve();
            };
            worker.on('message', (message: WorkerResponse) => {
              running -= 1;
              const result: RenderResult = message.ok
                ? { ok: true, outcome: message.outcome }
                : { ok: false, error: workerError(message) };
              Promise.resolve(options.onResult(message.index, result)).then(feed, reject);
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (running > 0 || next < jobs.length)
                reject(new Error(`a Markdown render worker stopped (exit code ${code})`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

/** The error a worker reported, rebuilt with its cause on this side of the thread. */
export function workerError(message: { message: string; cause?: string }): Error {
  const error = new Error(message.message);
  if (message.cause !== undefined) error.cause = new Error(message.cause);
  return error;
}
