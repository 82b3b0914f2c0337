/**
 * `npm run published`, which the deploy workflow's hourly run asks whether anything has come due
 * since the last deploy: run as a child process through the project's Node over a small folder.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, run } from '../helpers/build';

const TSX = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
let dir: string;

function published(args: readonly string[], epoch: string) {
  return run([TSX, path.join('src', 'cli', 'published.ts'), '--dir', dir, ...args], {
    SOURCE_DATE_EPOCH: epoch,
    TZ: 'UTC',
  });
}

async function article(file: string, ...frontmatter: string[]): Promise<void> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), ['---', ...frontmatter, '---', '', 'Isi.', ''].join('\n'));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'warta-published-'));
  await article('2024/01/lama.md', 'title: Lama', 'date: 2024-01-05');
  await article('2024/01/draf.md', 'title: Draf', 'date: 2024-01-06', 'draft: true');
  await article('2024/03/nanti.md', 'title: Nanti', 'date: 2024-03-01T08:00:00+07:00');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// 2024-02-01T00:00:00Z and 2024-03-02T00:00:00Z: before and after the scheduled article's time.
const BEFORE = '1706745600';
const AFTER = '1709337600';

describe('npm run published', () => {
  it('lists what a build at that moment publishes: no draft, no article not yet due', async () => {
    const before = await published([], BEFORE);
    expect(before).toEqual({ exitCode: 0, output: '/2024/01/05/lama/\n' });
    const after = await published([], AFTER);
    expect(after.output).toBe('/2024/01/05/lama/\n/2024/03/01/nanti/\n');
  });

  it('gives one digest that changes exactly when a scheduled article comes due', async () => {
    const first = await published(['--digest'], BEFORE);
    const sameHour = await published(['--digest'], String(Number(BEFORE) + 3600));
    const due = await published(['--digest'], AFTER);
    expect(first.output).toMatch(/^[0-9a-f]{64}\n$/);
    expect(sameHour.output).toBe(first.output);
    expect(due.output).not.toBe(first.output);
  });
});
