/**
 * Progress for long runs of the editors' tools (`npm run check`, `npm run import`): shown on
 * stderr so it never mixes with a report on stdout, redrawn in place on a terminal, and on other
 * streams (CI logs, pipes) only once a run has taken long enough for someone to wonder.
 */

/** Where progress is written: `process.stderr`, or a stand-in in tests. */
export interface ProgressStream {
  /** Writes text as is. */
  write(text: string): unknown;
  /** Whether the stream is an interactive terminal, where a line can be redrawn with `\r`. */
  isTTY?: boolean;
}

/** Options for {@link createProgress}. */
export interface ProgressOptions {
  /** What is being counted, e.g. `checking articles`. */
  label: string;
  /** How many items the run will handle. */
  total: number;
  /** The stream to write to. */
  stream: ProgressStream;
  /** Milliseconds before a run on a non-terminal stream starts reporting (default 2000). */
  quietMs?: number;
  /** Milliseconds between two reports (default 100 on a terminal, 2000 elsewhere). */
  intervalMs?: number;
  /** Whether each line also says how long the run has taken so far (`, 12 s`); off by default. */
  showElapsed?: boolean;
  /** The clock, in milliseconds; injectable for tests. */
  now?: () => number;
}

/** A progress display: tell it how far the run is, and finish it when done. */
export interface Progress {
  /** Records that `done` of the total items are handled, redrawing when it is time to. */
  update(done: number): void;
  /** Erases the redrawn line on a terminal, so that a report line can be printed in its place. */
  clear(): void;
  /** Ends the display, clearing the redrawn line on a terminal. */
  finish(): void;
}

/** Creates a progress display for a run over `total` items. */
export function createProgress(options: ProgressOptions): Progress {
  const { label, total, stream } = options;
  const now = options.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  const quietMs = tty ? 0 : (options.quietMs ?? 2000);
  const intervalMs = options.intervalMs ?? (tty ? 100 : 2000);
  const started = now();
  let lastShown: number | undefined;
  let drawn = false;

  const line = (done: number, at: number) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    const elapsed = options.showElapsed ? `, ${Math.round((at - started) / 1000)} s` : '';
    return `${label}: ${done}/${total} (${percent}%${elapsed})`;
  };

  return {
    update(done) {
      const at = now();
      if (at - started < quietMs) return;
      if (lastShown !== undefined && at - lastShown < intervalMs && done < total) return;
      lastShown = at;
      // On a terminal the line is redrawn in place; elsewhere each report is a line of its own.
      stream.write(tty ? `\r${line(done, at)}\u001b[K` : `${line(done, at)}\n`);
      drawn = true;
    },
    clear() {
      if (drawn && tty) stream.write('\r\u001b[K');
      drawn = false;
      // Redraw at the next update rather than leave the count hidden until the interval passes.
      lastShown = undefined;
    },
    finish() {
      this.clear();
    },
  };
}
