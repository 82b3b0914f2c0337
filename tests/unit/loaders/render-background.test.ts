import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRenderedBody } from '../../../src/files/rendered-cache';
import { ContentError } from '../../../src/lib/core/problems';
import { renderInBackground, type BackgroundItem } from '../../../src/loaders/render-background';
import { bodyOf, createQueue, hurryJob, shareBodies, takeJob } from '../../../src/loaders/render-background-queue';

describe('the shared queue of background render workers', () => {
  it('gives every job once, those asked for first, then the rest in order', () => {
    const view = new Int32Array(createQueue(4));
    const order = [3, 2, 1, 0];
    expect(takeJob(view, order)).toBe(3);
    hurryJob(view, 0);
    hurryJob(view, 3);
    expect(takeJob(view, order)).toBe(0);
    // Job 3 was asked for after a worker had taken it; it is not given twice.
    expect([takeJob(view, order), takeJob(view, order), takeJob(view, order)]).toEqual([2, 1, undefined]);
  });
});

describe('the bodies background render workers share', () => {
  it('gives each body back as it was, whatever its characters', () => {
    const bodies = ['', 'Isi **tebal**.', 'Émigré — “quoted” 東京 🎉', 'x'.repeat(5000)];
    const shared = shareBodies(bodies);
    expect(bodies.map((_, index) => bodyOf(shared, index))).toEqual(bodies);
  });
});

// Each test starts worker threads that load the Markdown pipeline: seconds on a loaded two-core machine.
describe('renderInBackground', { timeout: 60_000 }, () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'warta-background-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const item = (file: string, body: string, day: number): BackgroundItem => ({
    article: { file },
    data: { date: new Date(Date.UTC(2024, 0, day)) },
    digest: `digest-${file}`,
    job: { fileURL: pathToFileURL(path.join(folder, file)).href, body, frontmatter: { lang: 'id' } },
  });

  it('writes each body to the cache, the one a page asks for as soon as it is ready', async () => {
    const items = Array.from({ length: 12 }, (_, n) => item(`a${String(n)}.md`, `Isi **${String(n)}**.`, n + 1));
    const renders = renderInBackground(items, { workers: 2, image: {}, folder, label: (file) => file });
    await renders.demand('digest-a11.md');
    expect((await readRenderedBody(folder, 'digest-a11.md'))?.html).toBe('<p>Isi <strong>11</strong>.</p>');
    await expect(renders.finish()).resolves.toEqual([]);
    for (const { digest } of items) expect(await readRenderedBody(folder, digest)).toBeDefined();
    // A body of another build is not waited for.
    await expect(renders.demand('digest-unknown')).resolves.toBeUndefined();
  });

  it('fails a page whose body cannot be rendered, naming every such article once all were tried', async () => {
    // Jobs the pipeline throws on at once (here for want of a file address), as it would on a body
    // it cannot render.
    const broken = (file: string, day: number): BackgroundItem => {
      const good = item(file, 'Isi.', day);
      return { ...good, job: { ...good.job, fileURL: 'not a file address' } };
    };
    const items = [item('baik.md', 'Isi.', 1), broken('rusak.md', 2), broken('juga.md', 3)];
    const renders = renderInBackground(items, { workers: 2, image: {}, folder, label: (file) => `content/${file}` });
    const failure = renders.demand('digest-rusak.md');
    await expect(failure).rejects.toThrow(ContentError);
    const problems = await failure.then(
      () => [],
      (error: unknown) => (error as ContentError).problems,
    );
    expect(problems.map((problem) => `${problem.file}: ${problem.field}`).sort()).toEqual([
      'content/juga.md: body',
      'content/rusak.md: body',
    ]);
    await expect(renders.demand('digest-baik.md')).resolves.toBeUndefined();
    await expect(renders.finish()).resolves.toHaveLength(2);
  });
});
