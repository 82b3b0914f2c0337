import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSiteLinks, NOT_FOUND, sitePathOfFile } from '../../../src/verify/site-links';

/** Writes a small built site: each key a file path, each value its content. */
async function writeSite(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'warta-site-'));
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

const page = (head: string, body: string) =>
  `<!doctype html><html lang="id"><head><title>t</title>${head}</head><body>${body}</body></html>`;

describe('checkSiteLinks', () => {
  let root: string;
  let sub: string;

  beforeAll(async () => {
    root = await writeSite({
      'index.html': page(
        '<link rel="stylesheet" href="/_astro/site.css"><link rel="canonical" href="https://arsip.example.org/">' +
          '<meta property="og:image" content="https://arsip.example.org/og/depan.png">' +
          '<meta name="twitter:image" content="https://arsip.example.org/og/hilang.png">' +
          '<script type="application/ld+json">{"url":"https://arsip.example.org/2022/09/06/hilang/",' +
          '"image":["https://arsip.example.org/foto.jpg"]}</script>' +
          '<style>.hero{background:url("/hero.avif")}</style>',
        [
          '<a href="/2022/09/">month</a>',
          '<a href="/2022/09/#sep-6">day in month</a>',
          '<a href="/2022/09/#sep-7">missing fragment</a>',
          '<a href="/2022/10/">missing page</a>',
          '<a href="/2022/09">no trailing slash</a>',
          '<a href="#content">same page</a>',
          '<a href="#nowhere">missing on same page</a>',
          '<img src="/foto.jpg" srcset="/foto.jpg 1x, /foto@2x.jpg 2x" alt="">',
          '<picture><source srcset="/foto-480.avif 480w,/foto-960.avif 960w" type="image/avif"></picture>',
          '<a href="https://arsip.example.org/2022/09/#sep-6">own origin, full address</a>',
          '<a href="/2022/09/#%E6%9D%B1%E4%BA%AC">escaped non-Latin fragment</a>',
          '<a href="/tags/%E6%9D%B1%E4%BA%AC/">escaped non-Latin tag</a>',
          '<a href="/tags/東京/">raw non-Latin tag</a>',
          '<a href="/tags/大阪/">missing non-Latin tag</a>',
          '<div style="background-image:url(/latar-inline.png)"></div>',
          '<a href="https://example.com/elsewhere/">other host</a>',
          '<a href="mailto:redaksi@example.org">mail</a>',
          '<main id="content"></main>',
        ].join(''),
      ),
      '2022/09/index.html': page(
        '',
        '<h2 id="sep-6">6 September</h2><h2 id="東京">Tokyo</h2><a href="../../">home, relative</a>' +
          '<a href="06/">a day, relative</a>',
      ),
      'tags/東京/index.html': page('', '<a href="/2022/09/#sep-6">back</a>'),
      'og/depan.png': 'png',
      'hero.avif': 'avif',
      'foto-480.avif': 'avif',
      '_astro/site.css': 'body{background:url(/latar.png)}.logo{background:url("../logo.png")}',
      'foto.jpg': 'jpeg',
      'logo.png': 'png',
    });
    sub = await writeSite({
      'index.html': page(
        '<link rel="canonical" href="https://example.org/arsip/">',
        '<a href="/arsip/tags/%E6%9D%B1%E4%BA%AC/">escaped</a><a href="/arsip/tags/東京/">raw</a><a href="/tags/東京/">outside</a>' +
          '<a href="/arsip">the base without its slash</a><a href="https://example.org/arsip/tags/東京/">own origin</a>',
      ),
      'tags/東京/index.html': page('', '<a href="/arsip/">home</a>'),
    });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(sub, { recursive: true, force: true });
  });

  it('reports each internal address that leads nowhere, with the page it is on', async () => {
    const report = await checkSiteLinks(root, { siteUrl: 'https://arsip.example.org' });
    expect(report.files).toBe(4);
    expect(report.broken.map(({ page: on, url }) => [on, url])).toEqual([
      ['/', '/#nowhere'],
      ['/', '/2022/09'],
      ['/', '/2022/09/#sep-7'],
      ['/', '/2022/09/06/hilang/'],
      ['/', '/2022/10/'],
      ['/', '/foto-960.avif'],
      ['/', '/foto@2x.jpg'],
      ['/', '/latar-inline.png'],
      ['/', '/og/hilang.png'],
      ['/', '/tags/大阪/'],
      ['/2022/09/', '/2022/09/06/'],
      ['/_astro/site.css', '/latar.png'],
    ]);
  });

  it('counts each distinct address of the archive once, whichever page names it', async () => {
    const report = await checkSiteLinks(root, { siteUrl: 'https://arsip.example.org' });
    // The escaped and the raw spelling of /tags/東京/ are one address; other hosts and mail are not counted.
    expect(report.checked).toBe(24);
  });

  it('says why each address is broken', async () => {
    const { broken } = await checkSiteLinks(root, { siteUrl: 'https://arsip.example.org' });
    const reason = (url: string) => broken.find((link) => link.url === url)?.reason;
    expect(reason('/2022/10/')).toBe(NOT_FOUND);
    expect(reason('/2022/09')).toBe(
      'a folder without its trailing slash: hosts redirect it each their own way, or not at all; link to /2022/09/ instead',
    );
    expect(reason('/2022/09/#sep-7')).toBe("'#sep-7' not found: no element on that page has this id");
  });

  it('names every page that links to a missing fragment', async () => {
    const files: Record<string, string> = {
      'a/index.html': page('', '<a href="/c/#gone">to c</a>'),
      'b/index.html': page('', '<a href="../c/#gone">to c, relative</a><a href="/c/#here">present</a>'),
      'c/index.html': page('', '<p id="here">here</p>'),
    };
    const site = await writeSite(files);
    try {
      expect((await checkSiteLinks(site)).broken).toEqual([
        { page: '/a/', url: '/c/#gone', reason: "'#gone' not found: no element on that page has this id" },
        { page: '/b/', url: '/c/#gone', reason: "'#gone' not found: no element on that page has this id" },
      ]);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });

  it('reports progress after every page and stylesheet', async () => {
    const calls: [number, number][] = [];
    await checkSiteLinks(root, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it('leaves full addresses alone when the site address is not given', async () => {
    const { broken } = await checkSiteLinks(root);
    expect(broken.map((link) => link.url)).not.toContain('/2022/09/06/hilang/');
  });

  it('checks every page of a larger archive', async () => {
    // Each of 250 pages links to the next; the last links one page past the end.
    const files: Record<string, string> = {};
    for (let n = 1; n <= 250; n += 1) files[`page/${n}/index.html`] = page('', `<a href="/page/${n + 1}/">next</a>`);
    const large = await writeSite(files);
    try {
      const report = await checkSiteLinks(large);
      expect(report.files).toBe(250);
      expect(report.broken.map(({ page: on, url }) => [on, url])).toEqual([['/page/250/', '/page/251/']]);
    } finally {
      await rm(large, { recursive: true, force: true });
    }
  });

  it('serves the archive under its base path, so links that leave it are broken', async () => {
    const report = await checkSiteLinks(sub, { base: '/arsip/', siteUrl: 'https://example.org' });
    expect(report.broken).toEqual([
      { page: '/arsip/', url: '/arsip', reason: expect.stringContaining('link to /arsip/ instead') },
      {
        page: '/arsip/',
        url: '/tags/東京/',
        reason: "outside the archive's base path /arsip/: nothing of this archive is served there",
      },
    ]);
    // Built for the root, the same folder has its sub-path links broken instead.
    const atRoot = await checkSiteLinks(sub);
    expect(atRoot.broken.map((link) => link.url)).toContain('/arsip/');
  });
});

describe('sitePathOfFile', () => {
  it('names a page by the address a reader sees', () => {
    expect(sitePathOfFile('index.html')).toBe('/');
    expect(sitePathOfFile('2022/09/index.html', '/arsip')).toBe('/arsip/2022/09/');
    expect(sitePathOfFile('404.html', '/arsip/')).toBe('/arsip/404.html');
  });
});
