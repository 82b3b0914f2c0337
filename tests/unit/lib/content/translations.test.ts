import { describe, expect, it } from 'vitest';
import {
  findLanguageVersions,
  groupLanguageVersions,
  resolveTranslationPath,
  storyKey,
  type VersionedArticle,
} from '../../../../src/lib/content/translations';

describe('resolveTranslationPath', () => {
  it('reads a path relative to the article file, as a Markdown link is', () => {
    expect(resolveTranslationPath('2022/09/korut.md', 'korut-en.md')).toBe('2022/09/korut-en.md');
    expect(resolveTranslationPath('2022/09/korut.md', './korut-en.md')).toBe('2022/09/korut-en.md');
    expect(resolveTranslationPath('2022/09/korut.md', '../08/korut-en.md')).toBe('2022/08/korut-en.md');
  });

  it('reads a path starting with "/" from the content folder', () => {
    expect(resolveTranslationPath('2022/09/korut.md', '/en/2022/korut.md')).toBe('en/2022/korut.md');
    expect(resolveTranslationPath('korut.md', '/2022/09/../09/korut-en.md')).toBe('2022/09/korut-en.md');
  });

  it('gives nothing for a path that leaves the content folder', () => {
    expect(resolveTranslationPath('2022/korut.md', '../../korut-en.md')).toBeUndefined();
    expect(resolveTranslationPath('korut.md', '/../korut-en.md')).toBeUndefined();
  });

  it('accepts backslashes written on Windows', () => {
    expect(resolveTranslationPath('2022/09/korut.md', '..\\08\\korut-en.md')).toBe('2022/08/korut-en.md');
  });
});

describe('storyKey', () => {
  it('matches keys whatever their case and spacing', () => {
    expect(storyKey('  Korut  Peluru ')).toBe(storyKey('korut peluru'));
    expect(storyKey('korut-peluru')).not.toBe(storyKey('korut-rudal'));
  });
});

const id = (file: string, extra: Partial<VersionedArticle> = {}): VersionedArticle => ({ file, lang: 'id', ...extra });
const en = (file: string, extra: Partial<VersionedArticle> = {}): VersionedArticle => ({ file, lang: 'en', ...extra });

describe('groupLanguageVersions', () => {
  it('pairs two articles when only one of them names the other', () => {
    const a = id('a.md', { translations: ['b.md'] });
    const b = en('b.md');
    const groups = groupLanguageVersions([a, b, id('c.md')]);
    expect(groups.get('a.md')).toEqual([a, b]);
    expect(groups.get('b.md')).toEqual([a, b]);
    expect(groups.has('c.md')).toBe(false);
  });

  it('pairs articles that share a story key, in any case and spacing', () => {
    const a = id('a.md', { story: 'Korut Peluru' });
    const b = en('b.md', { story: 'korut  peluru' });
    const c = en('c.md', { story: 'lain' });
    const groups = groupLanguageVersions([a, b, c]);
    expect(groups.get('b.md')).toEqual([a, b]);
    expect(groups.has('c.md')).toBe(false);
  });

  it('joins links and keys into one story, so a chain shows as one group', () => {
    const a = id('a.md', { translations: ['b.md'] });
    const b = en('b.md', { translations: ['c.md'] });
    const c = id('c.md', { story: 'x' });
    const d = en('d.md', { story: 'x' });
    expect(groupLanguageVersions([a, b, c, d]).get('a.md')?.map((m) => m.file)).toEqual(['a.md', 'b.md', 'c.md', 'd.md']);
  });

  it('ignores links to files it was not given and links of an article to itself', () => {
    const groups = groupLanguageVersions([id('a.md', { translations: ['gone.md', 'a.md'] })]);
    expect(groups.size).toBe(0);
  });
});

describe('findLanguageVersions', () => {
  it("gives an article's versions in the other languages, in the site's order of languages", () => {
    const a = en('a.md', { translations: ['b.md'] });
    const b = id('b.md');
    const groups = groupLanguageVersions([a, b]);
    expect(findLanguageVersions(a, groups, ['id', 'en'])).toEqual([b]);
    expect(findLanguageVersions(b, groups, ['id', 'en'])).toEqual([a]);
  });

  it('gives nothing for an article told in one language only', () => {
    expect(findLanguageVersions(id('a.md'), groupLanguageVersions([id('a.md')]), ['id', 'en'])).toEqual([]);
  });
});
