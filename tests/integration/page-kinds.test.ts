/**
 * Kinds of page a giant archive may turn off (`warta({ pages: { dayArchives: false, tagFeeds: false,
 * authorPages: false } })`): tests/fixtures/lean/astro.config.mjs turns all three off over the
 * articles of tests/fixtures/browse. None of those files is written, and nothing the build writes
 * links to one: no page, breadcrumb trail, byline, structured data, feed list or sitemap.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSitePath } from '../../src/lib/core/routes';
import { checkSiteLinks } from '../../src/verify/site-links';
import { readPageLinks } from '../../src/verify/read-links';
import { validateSiteHtml } from '../../src/verify/site-html';
import { buildArchive, fixturesDir, listFiles, type BuildResult } from '../helpers/build';

const SITE_URL = 'https://warta.example.org';
// Pinned here: a shell that exports WARTA_* changes nothing (buildArchive drops them).
const ENV = { SOURCE_DATE_EPOCH: '1767225600', TZ: 'UTC', WARTA_SITE_URL: SITE_URL } as const;
const CONFIG = ['--config', 'tests/fixtures/lean/astro.config.mjs'];

let build: BuildResult;
let files: string[];

beforeAll(async () => {
  build = await buildArchive(path.join(fixturesDir, 'browse', 'content'), ENV, CONFIG);
  if (build.exitCode !== 0) throw new Error(`the lean fixture did not build:\n${build.output}`);
  files = await listFiles(build.outDir);
});
afterAll(() => build?.cleanup());

/** What a site path is, when it is one of the kinds turned off. */
function turnedOffKind(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address, `${SITE_URL}/`);
  } catch {
    return undefined;
  }
  if (url.origin !== SITE_URL) return undefined;
  const parsed = parseSitePath(decodeURIComponent(url.pathname));
  if (parsed?.kind === 'date-archive' && parsed.period === 'day') return 'day archive';
  if ((parsed?.kind === 'term' || parsed?.kind === 'term-index') && parsed.term === 'authors') return 'author page';
  if (parsed?.kind === 'feed' && parsed.folder.startsWith('/tags/')) return 'tag feed';
  return undefined;
}

/** Every address a written file names: links of pages, `<loc>` and OPML addresses of XML files. */
async function addressesOf(file: string): Promise<string[]> {
  const text = await readFile(path.join(build.outDir, file), 'utf8');
  if (file.endsWith('.html')) return readPageLinks(text).addresses;
  if (/\.(xml|opml|json)$/.test(file)) return [...text.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((match) => match[0]);
  return [];
}

describe('an archive with day archives, tag feeds and author pages turned off', () => {
  it('writes none of them', () => {
    expect(files.filter((file) => /^\d{4}\/\d{2}\/\d{2}\/(page\/\d+\/)?index\.html$/.test(file))).toEqual([]);
    expect(files.filter((file) => file.startsWith('authors/'))).toEqual([]);
    expect(files.filter((file) => /^tags\/.+\/(rss\.xml|atom\.xml|feed\.json)$/.test(file))).toEqual([]);
    // What stays: months, tags, the archive's own feeds.
    expect(files).toContain('2023/09/index.html');
    expect(files).toContain('tags/index.html');
    expect(files).toContain('rss.xml');
  });

  it('links to none of them from any page, feed, feed list or sitemap', async () => {
    const found: string[] = [];
    for (const file of files) {
      for (const address of await addressesOf(file)) {
        const kind = turnedOffKind(address);
        if (kind) found.push(`${file}: ${address} (${kind})`);
      }
    }
    expect(found).toEqual([]);
  });

  it('passes the checks of npm run verify: no broken link, valid HTML on every page', async () => {
    expect((await checkSiteLinks(build.outDir, { siteUrl: SITE_URL })).broken).toEqual([]);
    expect((await validateSiteHtml(build.outDir)).problems).toEqual([]);
  });

  it('names authors in bylines without a link, and ends trails at the month', async () => {
    const { document } = parseHTML(await build.read('/2023/09/05/ktt-asean/'));
    const byline = document.querySelector('.byline .authors');
    expect(byline?.textContent).toContain('Sam Lee');
    expect(byline?.querySelector('a')).toBeNull();
    const trail = [...document.querySelectorAll('nav.breadcrumbs a')].map((a) => a.getAttribute('href'));
    expect(trail.at(-1)).toBe('/2023/09/');
    const nav = [...document.querySelectorAll('header nav a')].map((a) => a.getAttribute('href'));
    expect(nav).toContain('/tags/');
    expect(nav).not.toContain('/authors/');
    const month = await build.read('/2023/09/');
    expect(month).not.toContain('sub-periods');
  });

  it('takes the host and the age of labels from warta({ … }) too', async () => {
    expect(build.output).toMatch(/host github-pages\s+fits/);
    expect(await build.read('/2019/11/05/arsip-lama/')).not.toContain('age-label');
  });

  it('lists no tag feeds in /feeds.opml, and keeps the archive’s own', async () => {
    const opml = await build.read('/feeds.opml');
    expect(opml).toContain(`xmlUrl="${SITE_URL}/rss.xml"`);
    expect(opml).not.toContain('/tags/');
  });
});
