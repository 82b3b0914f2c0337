import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSiteLinks } from '../../../src/verify/site-links';

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

// Each check starts local servers and requests every page: seconds on a busy machine.
describe('checkSiteLinks', { timeout: 30_000 }, () => {
  let root: string;
  let sub: string;

  beforeAll(async () => {
    root = await writeSite({
      'index.html': page(
        '<link rel="stylesheet" href="/_astro/site.css"><link rel="canonical" href="https://arsip.example.org/">' +
          '<script type="application/ld+json">{"url":"https://arsip.example.org/2022/09/06/hilang/"}</script>',
        [
          '<a href="/2022/09/">month</a>',
          '<a href="/2022/09/#sep-6">day in month</a>',
          '<a href="/2022/09/#sep-7">missing fragment</a>',
          '<a href="/2022/10/">missing page</a>',
          '<a href="/2022/09">no trailing slash</a>',
          '<a href="#content">same page</a>',
          '<a href="#nowhere">missing on same page</a>',
          '<img src="/foto.jpg" srcset="/foto.jpg 1x, /foto@2x.jpg 2x" alt="">',
          '<a href="https://example.com/elsewhere/">other host</a>',
          '<a href="mailto:redaksi@example.org">mail</a>',
          '<main id="content"></main>',
        ].join(''),
      ),
      '2022/09/index.html': page('', '<h2 id="sep-6">6 September</h2><a href="../../">home, relative</a>'),
      '_astro/site.css': 'body{background:url(/latar.png)}.logo{background:url("../logo.png")}',
      'foto.jpg': 'jpeg',
      'logo.png': 'png',
    });
    sub = await writeSite({
      'index.html': page(
        '<link rel="canonical" href="https://example.org/arsip/">',
        '<a href="/arsip/tags/%E6%9D%B1%E4%BA%AC/">escaped</a><a href="/arsip/tags/東京/">raw</a><a href="/tags/東京/">outside</a>',
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
    expect(report.files).toBe(3);
    expect(report.broken.map(({ page: on, url }) => [on, url])).toEqual([
      ['/', '/#nowhere'],
      ['/', '/2022/09'],
      ['/', '/2022/09/#sep-7'],
      ['/', '/2022/09/06/hilang/'],
      ['/', '/2022/10/'],
      ['/', '/foto@2x.jpg'],
      ['/_astro/site.css', '/latar.png'],
    ]);
  });

  it('says why each address is broken', async () => {
    const { broken } = await checkSiteLinks(root, { siteUrl: 'https://arsip.example.org' });
    const reason = (url: string) => broken.find((link) => link.url === url)?.reason;
    expect(reason('/2022/10/')).toBe('not in the built archive (404)');
    expect(reason('/2022/09')).toMatch(/^redirects \(HTTP 301\)/);
    expect(reason('/2022/09/#sep-7')).toContain("'#sep-7' not found");
  });

  it('leaves full addresses alone when the site address is not given', async () => {
    const { broken } = await checkSiteLinks(root);
    expect(broken.map((link) => link.url)).not.toContain('/2022/09/06/hilang/');
  });

  it('checks every page of an archive too large to request all at once', async () => {
    // Each of 250 pages (three batches) links to the next; the last links one page past the end.
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
    expect(report.broken.map(({ page: on, url }) => [on, url])).toEqual([['/arsip/', '/tags/東京/']]);
    // Built for the root, the same folder has its sub-path links broken instead.
    const atRoot = await checkSiteLinks(sub);
    expect(atRoot.broken.map((link) => link.url)).toContain('/arsip/');
  });
});
