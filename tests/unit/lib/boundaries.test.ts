import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const ROOMS = ['archive', 'content', 'core', 'editorial', 'report', 'search', 'syndication'];

async function lintAsLib(source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(source, { filePath: path.join(root, 'src/lib/core/example.ts') });
  return result!.messages.map((message) => `${message.line}:${message.ruleId}`);
}

describe('the rooms of src/lib', () => {
  it('keep every module in a room, and every room says what it holds by its name', async () => {
    const entries = await readdir(path.join(root, 'src/lib'), { withFileTypes: true });
    expect(entries.filter((entry) => entry.isFile()).map((entry) => entry.name)).toEqual([]);
    expect(entries.map((entry) => entry.name).sort()).toEqual(ROOMS);
  });

  it('refuse the file system, Astro, build state and the process, and allow plain libraries', async () => {
    const messages = await lintAsLib(
      [
        "import { readFileSync } from 'node:fs';",
        "import { glob } from 'tinyglobby';",
        "import { getCollection } from 'astro:content';",
        "import { getBuildSettings } from '../../integrations/build-context';",
        "import { getArticles } from '../../data/articles';",
        "import { z } from 'astro/zod';",
        "import { format } from 'date-fns/format';",
        "import path from 'node:path';",
        'export const used = [readFileSync, glob, getCollection, getBuildSettings, getArticles, z, format, path];',
        'export const env = process.env;',
        '',
      ].join('\n'),
    );
    expect(messages).toEqual([
      '1:no-restricted-imports',
      '2:no-restricted-imports',
      '3:no-restricted-imports',
      '4:no-restricted-imports',
      '5:no-restricted-imports',
      '10:no-restricted-globals',
    ]);
  }, 30_000);
});
