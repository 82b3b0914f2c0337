import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../../src/lib/editorial/progress';

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (text: string) => writes.push(text) }, writes };
}

describe('createProgress', () => {
  it('redraws one line in place on a terminal, and clears it when done', () => {
    let clock = 0;
    const { stream, writes } = recorder(true);
    const progress = createProgress({ label: 'checking articles', total: 200, stream, now: () => clock });
    progress.update(0);
    clock = 50;
    progress.update(50);
    clock = 150;
    progress.update(100);
    progress.finish();
    expect(writes).toEqual([
      '\rchecking articles: 0/200 (0%)\u001b[K',
      '\rchecking articles: 100/200 (50%)\u001b[K',
      '\r\u001b[K',
    ]);
  });

  it('erases the line for a report line on a terminal, and redraws at the next update', () => {
    let clock = 0;
    const { stream, writes } = recorder(true);
    const progress = createProgress({ label: 'writing', total: 10, stream, now: () => clock });
    progress.update(1);
    progress.clear();
    clock = 10;
    progress.update(2);
    progress.finish();
    expect(writes).toEqual([
      '\rwriting: 1/10 (10%)\u001b[K',
      '\r\u001b[K',
      '\rwriting: 2/10 (20%)\u001b[K',
      '\r\u001b[K',
    ]);
  });

  it('stays quiet in a log for a short run', () => {
    let clock = 0;
    const { stream, writes } = recorder(false);
    const progress = createProgress({ label: 'checking', total: 10, stream, now: () => clock });
    progress.update(0);
    clock = 1500;
    progress.update(10);
    progress.finish();
    expect(writes).toEqual([]);
  });

  it('reports a long run in a log as separate lines, every few seconds', () => {
    let clock = 0;
    const { stream, writes } = recorder(false);
    const progress = createProgress({ label: 'checking', total: 5000, stream, now: () => clock });
    for (const [at, done] of [
      [1000, 500],
      [2100, 1000],
      [3000, 1500],
      [4200, 2500],
      [4300, 5000],
    ] as const) {
      clock = at;
      progress.update(done);
    }
    progress.finish();
    expect(writes).toEqual([
      'checking: 1000/5000 (20%)\n',
      'checking: 2500/5000 (50%)\n',
      'checking: 5000/5000 (100%)\n',
    ]);
  });

  it('says how long the run has taken when asked, for runs of minutes', () => {
    let clock = 0;
    const { stream, writes } = recorder(false);
    const progress = createProgress({
      label: 'validating pages',
      total: 100,
      stream,
      showElapsed: true,
      now: () => clock,
    });
    clock = 2500;
    progress.update(10);
    clock = 61_400;
    progress.update(100);
    expect(writes).toEqual(['validating pages: 10/100 (10%, 3 s)\n', 'validating pages: 100/100 (100%, 61 s)\n']);
  });
});
