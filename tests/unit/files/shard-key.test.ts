/**
 * The key a CI job restores a shard's output by (`npm run -s build -- --shard-key i/n`): it must
 * change whenever anything the shard's pages show changes, and stay when only another shard's
 * article body changed, or every shard would rebuild on every correction.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardKey } from '../../../src/files/shard-key';

// 60 articles a language: more than the 50 the full-text feeds carry, so the oldest bodies are
// shown by one shard only. Two languages are two parts of the search index, one per shard.
const PER_LANGUAGE = 60;

function file(lang: 'id' | 'en', day: number): { name: string; text: string } {
  const date = new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);
  return {
    name: `${lang}-${String(day).padStart(3, '0')}.md`,
    text: `---\ntitle: ${lang} ${day}\ndate: ${date}\nlang: ${lang}\n---\n\nIsi ${lang} ${day}.\n`,
  };
}

describe('shardKey', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const keys = async () => [await shardKey({ index: 1, count: 2 }, env), await shardKey({ index: 2, count: 2 }, env)];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'warta-shard-key-'));
    await mkdir(path.join(dir, 'content'));
    for (const lang of ['id', 'en'] as const) {
      for (let day = 0; day < PER_LANGUAGE; day += 1) {
        const { name, text } = file(lang, day);
        await writeFile(path.join(dir, 'content', name), text);
      }
    }
    env = { WARTA_CONTENT_DIR: path.join(dir, 'content'), SOURCE_DATE_EPOCH: '1767225600' };
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function edit(name: string, from: string, to: string): Promise<void> {
    const at = path.join(dir, 'content', name);
    await writeFile(at, (await readFile(at, 'utf8')).replace(from, to));
  }

  it('changes only for the shard whose pages show an edited body', async () => {
    const [one, two] = await keys();
    expect(one).not.toBe(two);
    expect(await keys()).toEqual([one, two]);
    // The oldest English article: only the shard of the English part shows its body.
    await edit(file('en', 0).name, 'Isi en 0.', 'Isi en 0, dikoreksi.');
    const [oneAfter, twoAfter] = await keys();
    expect([oneAfter !== one, twoAfter !== two].filter(Boolean)).toHaveLength(1);
  });

  it('changes for every shard when frontmatter, which listings show, or the clock changes', async () => {
    const before = await keys();
    await edit(file('id', 3).name, 'title: id 3', 'title: id tiga');
    const after = await keys();
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    env = { ...env, SOURCE_DATE_EPOCH: '1767312000' };
    const later = await keys();
    expect(later[0]).not.toBe(after[0]);
    expect(later[1]).not.toBe(after[1]);
  });

  it('changes for every shard when the body of one of the newest articles, which every feed carries, changes', async () => {
    const before = await keys();
    await edit(file('id', PER_LANGUAGE - 1).name, `Isi id ${PER_LANGUAGE - 1}.`, 'Isi terbaru, dikoreksi.');
    const after = await keys();
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });
});
