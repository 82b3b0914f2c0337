/**
 * The queue that background render workers share (see render-background.ts), in one
 * SharedArrayBuffer so they take jobs without waiting for the build's busy main thread: for each
 * job a claim flag, then the position in the normal order, then a list of jobs pages asked for
 * ahead of their turn, which every worker takes first.
 */
import type { RenderJob } from './render-article';

/** The batch a worker is sent. */
export interface BackgroundRun {
  type: 'run';
  /** The jobs without their bodies, which are in `bodies`. */
  jobs: readonly Omit<RenderJob, 'body'>[];
  /**
   * Every body, UTF-8, one after the other, in memory both workers share (a copy per worker would
   * cost a 100,000-article build gigabytes); job n's body is bytes `spans[2n]` to `spans[2n + 1]`.
   */
  bodies: SharedArrayBuffer;
  spans: readonly number[];
  /** The digest each job's body is written under. */
  digests: readonly string[];
  /** The normal order of the jobs (indexes into `jobs`). */
  order: readonly number[];
  /** The shared queue (see {@link createQueue}). */
  shared: SharedArrayBuffer;
  /** The rendered-body cache folder. */
  folder: string;
}

/** What a worker reports: a job done (written, or failed with the pipeline's error), or that it has no more. */
export type BackgroundDone =
  | { type: 'done'; index: number; ok: true }
  | { type: 'done'; index: number; ok: false; message: string; cause?: string }
  | { type: 'finished' };

// Layout, for n jobs: n claim flags, the cursor into the order, the head and tail of the urgent
// list, and n urgent slots (a job is asked for at most once).
const CURSOR = 0;
const HEAD = 1;
const TAIL = 2;

/** Puts `bodies` into memory workers share, and says where each one is. */
export function shareBodies(bodies: readonly string[]): { bodies: SharedArrayBuffer; spans: number[] } {
  const spans: number[] = [];
  let size = 0;
  for (const body of bodies) {
    const length = Buffer.byteLength(body, 'utf8');
    spans.push(size, size + length);
    size += length;
  }
  const shared = new SharedArrayBuffer(Math.max(1, size));
  const view = Buffer.from(shared);
  bodies.forEach((body, index) => view.write(body, spans[2 * index]!, 'utf8'));
  return { bodies: shared, spans };
}

/** Body `index` of a batch, as a string again. */
export function bodyOf(run: Pick<BackgroundRun, 'bodies' | 'spans'>, index: number): string {
  const start = run.spans[2 * index]!;
  return Buffer.from(run.bodies, start, run.spans[2 * index + 1]! - start).toString('utf8');
}

/** The shared queue for `count` jobs. */
export function createQueue(count: number): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (2 * count + 3));
}

/** Claims job `index`; false if another thread has it. */
export function claimJob(view: Int32Array, index: number): boolean {
  return Atomics.compareExchange(view, index, 0, 1) === 0;
}

/** Puts job `index` first in line for the workers (called by the main thread only). */
export function hurryJob(view: Int32Array, index: number): void {
  const count = (view.length - 3) / 2;
  const tail = Atomics.load(view, count + TAIL);
  Atomics.store(view, count + 3 + tail, index);
  Atomics.add(view, count + TAIL, 1);
}

/** The next job for a worker to render, claimed: the urgent ones first, then the normal order. */
export function takeJob(view: Int32Array, order: readonly number[]): number | undefined {
  const count = (view.length - 3) / 2;
  for (;;) {
    const head = Atomics.load(view, count + HEAD);
    if (head >= Atomics.load(view, count + TAIL)) break;
    if (Atomics.compareExchange(view, count + HEAD, head, head + 1) !== head) continue;
    const index = Atomics.load(view, count + 3 + head);
    if (claimJob(view, index)) return index;
  }
  for (;;) {
    const at = Atomics.add(view, count + CURSOR, 1);
    if (at >= order.length) return undefined;
    const index = order[at]!;
    if (claimJob(view, index)) return index;
  }
}
