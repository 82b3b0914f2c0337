import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleEntry } from '../../../src/data/articles';
import { articleEntry, type EntryDraft } from '../../helpers/article-entries';
import { siteConfig } from '../../../src/site.config';

// The collection the query module reads; each test sets it before importing the modules afresh,
// since they keep their indexes for the whole build.
const collection = vi.hoisted(() => ({ entries: [] as unknown[] }));

vi.mock('astro:content', () => ({ getCollection: () => Promise.resolve(collection.entries) }));

/** An entry in the file `<id>.md`, in `lang`, naming `translations`. */
function version(
  id: string,
  lang: 'id' | 'en',
  extra: { translations?: string[]; story?: string } & EntryDraft = {},
): ArticleEntry {
  const entry = articleEntry(id, extra);
  const { translations, story } = extra;
  return {
    ...entry,
    data: {
      ...entry.data,
      file: `${id}.md`,
      lang,
      ...(translations ? { translations } : {}),
      ...(story ? { story } : {}),
    },
  } as ArticleEntry;
}

// Imports the modules afresh over `entries`.
async function build(entries: ArticleEntry[]) {
  collection.entries = entries;
  vi.resetModules();
  const [versions, keys] = await Promise.all([
    import('../../../src/data/language-versions'),
    import('../../../src/data/cache-keys'),
  ]);
  const byId = (id: string) => entries.find((candidate) => candidate.id === id)!;
  return { ...versions, ...keys, byId };
}

describe('language versions of the published articles', () => {
  beforeEach(() => vi.stubEnv('SOURCE_DATE_EPOCH', '1767225600'));
  afterEach(() => vi.unstubAllEnvs());

  it('gives each version of a pair the other, and its page the alternates of both', async () => {
    const site = await build([version('korut', 'id'), version('korut-en', 'en', { translations: ['korut.md'] })]);
    const [korut, english] = [site.byId('korut'), site.byId('korut-en')];
    expect(await site.getLanguageVersions(korut)).toEqual([english]);
    expect(await site.getLanguageVersions(english)).toEqual([korut]);
    const address = (permalink: string) => new URL(`${siteConfig.base}${permalink.slice(1)}`, siteConfig.url).href;
    const expected = [
      { hreflang: 'id', href: address(korut.data.permalink) },
      { hreflang: 'en', href: address(english.data.permalink) },
      { hreflang: 'x-default', href: address(korut.data.permalink) },
    ];
    expect(site.getLanguageAlternates(english, [korut])).toEqual(expected);
    expect(site.getLanguageAlternates(korut, [english])).toEqual(expected);
  });

  it('leaves out a version that is a draft', async () => {
    const site = await build([
      version('korut', 'id', { story: 'korut' }),
      version('korut-en', 'en', { story: 'korut', draft: true }),
    ]);
    expect(await site.getLanguageVersions(site.byId('korut'))).toEqual([]);
    expect(site.getLanguageAlternates(site.byId('korut'), [])).toEqual([]);
  });

  it("renders a version's page again when the other version's headline changes", async () => {
    const key = async (englishTitle: string) => {
      const site = await build([
        version('korut', 'id'),
        version('korut-en', 'en', { translations: ['korut.md'], title: englishTitle }),
      ]);
      const korut = site.byId('korut');
      return site.articlePageCacheKey(korut, { versions: await site.getLanguageVersions(korut) });
    };
    expect(await key('North Korea Sells Shells')).toBe(await key('North Korea Sells Shells'));
    expect(await key('North Korea Sells Shells to Russia')).not.toBe(await key('North Korea Sells Shells'));
  });
});
