import { describe, expect, it } from 'vitest';
import {
  checkHostLimits,
  classifyOutputFile,
  HOSTS,
  hostsThatFit,
  resolveHost,
  type OutputSize,
} from '../../../../src/lib/report/output-size';

/** The output of the 10,000-article bench archive as measured on 2026-12-02 (issue 22). */
const tenThousand: OutputSize = {
  bytes: 401_000_000,
  files: 39_332,
  largestFile: { path: 'pagefind/pagefind-entry.json', bytes: 900_000 },
  largestFolder: { path: 'tags', entries: 4_437 },
  byKind: {
    'article pages': { files: 10_000, bytes: 190_000_000 },
    'month pages': { files: 300, bytes: 60_000_000 },
    'search index': { files: 2_000, bytes: 47_000_000 },
  },
};

describe('resolveHost', () => {
  it('holds a build to no host unless one is named', () => {
    expect(resolveHost(undefined, {})).toBeUndefined();
    expect(resolveHost(undefined, { WARTA_HOST_MAX_FILES: '10' })).toBeUndefined();
  });

  it("takes a known host's published limits, with any one of them overridden", () => {
    expect(resolveHost('github-pages', {})).toEqual({
      name: 'github-pages',
      limits: HOSTS['github-pages'],
    });
    const paid = resolveHost('netlify', { WARTA_HOST_MAX_FILES: '250000' });
    expect(paid?.limits).toMatchObject({ maxFiles: 250_000, maxFolderEntries: 54_000 });
  });

  it('names the variable and the value when a limit is wrong', () => {
    expect(() => resolveHost('s3', { WARTA_HOST_MAX_BYTES: '1e9' })).toThrow(
      'WARTA_HOST_MAX_BYTES: "1e9" is not a whole number above 0',
    );
  });
});

describe('checkHostLimits', () => {
  it('passes an archive within every limit', () => {
    expect(hostsThatFit(tenThousand)).toEqual({
      fits: ['github-pages', 'gitlab-pages', 'cloudflare-pages-paid', 'netlify', 's3'],
      tooLarge: ['cloudflare-pages'],
    });
  });

  it('says by how much a large archive passes GitHub Pages, what weighs most, and what to change', () => {
    const large = { ...tenThousand, bytes: 3_508_000_000 };
    const [problem, ...others] = checkHostLimits(large, HOSTS['github-pages']);
    expect(others).toEqual([]);
    expect(problem?.limit).toBe('site size');
    expect(problem?.message).toContain('the archive is 3,508 MB; GitHub Pages publishes at most 1,000 MB');
    expect(problem?.message).toContain('(largest: article pages 190 MB, month pages 60 MB, search index 47 MB)');
    expect(problem?.message).toContain('WARTA_FEED_CONTENT=summary');
  });

  it('checks files, file size and entries in one folder where the host limits them', () => {
    const crowded: OutputSize = {
      ...tenThousand,
      files: 120_000,
      largestFile: { path: 'pagefind/index/big.pf_index', bytes: 30 * 1024 * 1024 },
      largestFolder: { path: 'tags', entries: 60_000 },
    };
    expect(checkHostLimits(crowded, HOSTS['cloudflare-pages-paid']).map((p) => p.limit)).toEqual([
      'files',
      'file size',
    ]);
    const [folder] = checkHostLimits(crowded, HOSTS.netlify);
    expect(folder?.message).toContain('tags/ holds 60,000 entries; Netlify takes at most 54,000 in one folder');
    expect(checkHostLimits(crowded, HOSTS.s3)).toEqual([]);
  });
});

describe('classifyOutputFile', () => {
  it.each([
    ['2022/09/06/korea-utara/index.html', 'article pages'],
    ['tags/rusia/index.html', 'tag pages'],
    ['2022/09/index.html', 'month pages'],
    ['tags/rusia/rss.xml', 'feeds'],
    ['tags/rusia/feed.json', 'feeds'],
    ['sitemap-0.xml', 'sitemaps'],
    ['news-sitemap.xml', 'sitemaps'],
    ['pagefind/pagefind-entry.json', 'search index'],
    ['_astro/site.css', 'assets'],
    ['api/articles/2022/09/06/korea-utara.json', 'api'],
    ['api/2022/09.json', 'api'],
    ['api/schema/article.json', 'api'],
    ['robots.txt', 'other'],
  ])('%s is counted with %s', (file, kind) => {
    expect(classifyOutputFile(file)).toBe(kind);
  });
});
