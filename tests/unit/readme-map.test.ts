import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

async function folders(relative: string): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => `${relative}/${entry.name}/`);
}

describe("the README's map of the code", () => {
  it('names every folder under src/ and every room of src/lib/ in its table', async () => {
    const readme = await readFile(path.join(root, 'README.md'), 'utf8');
    const mapped = new Set([...readme.matchAll(/^\| `(src\/[^`]+\/)`/gm)].map((match) => match[1]));
    const expected = [...(await folders('src')), ...(await folders('src/lib'))].sort();
    expect([...mapped].sort()).toEqual(expected);
  });
});
