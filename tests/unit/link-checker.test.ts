import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../helpers/links';

// The checker is shared by integration tests; these pin down what it counts as broken.
describe('findBrokenLinks', () => {
  let dir: string;

  const page = (body: string) => `<!doctype html><html><head></head><body>${body}</body></html>`;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'warta-links-'));
    const files: Record<string, string> = {
      'index.html': page(
        [
          '<a href="/arsip/2022/09/">ok</a>',
          '<a href="/arsip/2022/09/#top">ok fragment</a>',
          '<a href="/arsip/tags/%E6%9D%B1%E4%BA%AC/">ok escaped</a>',
          '<a href="/arsip/tags/東京/">ok raw</a>',
          '<a href="#main">ok same page</a>',
          '<a href="https://example.org/missing/">external</a>',
          '<a href="//cdn.example.org/x.js">protocol-relative</a>',
          '<a href="relative/">relative</a>',
          '<img src="/arsip/logo.svg" alt="">',
          '<main id="main"></main>',
        ].join(''),
      ),
      '2022/09/index.html': page('<h1 id="top">Sep</h1><a href="/arsip/2022/10/">missing</a>'),
      'tags/東京/index.html': page('<a href="/2022/09/">outside base</a><a href="#nowhere">bad fragment</a>'),
      'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    };
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reports exactly the internal links that lead nowhere, with the page they are on', async () => {
    const broken = await findBrokenLinks(dir, { base: '/arsip/' });
    expect(broken.map(({ page: on, href }) => [on, href]).sort()).toEqual([
      ['2022/09/index.html', '/arsip/2022/10/'],
      ['tags/東京/index.html', '#nowhere'],
      ['tags/東京/index.html', '/2022/09/'],
    ]);
    expect(broken.find((link) => link.href === '/2022/09/')?.reason).toContain('outside the base path');
  });

  it('ignores fragments when asked to, and checks only the pages given', async () => {
    const broken = await findBrokenLinks(dir, {
      base: '/arsip/',
      checkFragments: false,
      pages: ['tags/東京/index.html'],
    });
    expect(broken.map((link) => link.href)).toEqual(['/2022/09/']);
  });

  it('reads links at the site root when no base is given', async () => {
    // Without a base path, /2022/09/ is the page that exists and /arsip/... leads nowhere.
    expect(await findBrokenLinks(dir, { pages: ['tags/東京/index.html'], checkFragments: false })).toEqual([]);
    const fromHome = await findBrokenLinks(dir, { pages: ['index.html'], checkFragments: false });
    expect(fromHome.map((link) => link.href)).toContain('/arsip/2022/09/');
  });
});
