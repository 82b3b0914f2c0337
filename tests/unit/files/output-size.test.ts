import { link, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureOutput } from '../../../src/files/output-size';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'warta-output-size-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function put(file: string, bytes: number): Promise<void> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), 'x'.repeat(bytes));
}

describe('measureOutput', () => {
  it('adds up every file, finds the largest file and the fullest folder, and sorts bytes by kind', async () => {
    await put('index.html', 10);
    await put('2022/09/06/korea-utara/index.html', 300);
    await put('tags/rusia/index.html', 50);
    await put('tags/korea/index.html', 40);
    await put('tags/jakarta/index.html', 30);
    await put('tags/rss.xml', 5);
    await put('tags/feed.json', 5);
    await put('pagefind/pagefind.js', 500);
    // A search part linked in from the build cache is uploaded as a whole file.
    await link(path.join(dir, 'pagefind/pagefind.js'), path.join(dir, 'pagefind/part.js'));
    const size = await measureOutput(dir);
    expect(size.files).toBe(9);
    expect(size.bytes).toBe(10 + 300 + 50 + 40 + 30 + 5 + 5 + 500 + 500);
    expect(size.largestFile).toEqual({ path: 'pagefind/pagefind.js', bytes: 500 });
    expect(size.largestFolder).toEqual({ path: 'tags', entries: 5 });
    expect(size.byKind).toEqual({
      'home pages': { files: 1, bytes: 10 },
      'article pages': { files: 1, bytes: 300 },
      'tag pages': { files: 3, bytes: 120 },
      'search index': { files: 2, bytes: 1000 },
      feeds: { files: 2, bytes: 10 },
    });
  });
});
