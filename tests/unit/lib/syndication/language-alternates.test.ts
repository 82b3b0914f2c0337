import { describe, expect, it } from 'vitest';
import { buildAlternatesIndex, buildLanguageAlternates } from '../../../../src/lib/syndication/language-alternates';

const site = { defaultLang: 'id', languages: ['id', 'en'] } as const;

describe('buildLanguageAlternates', () => {
  it('lists every version by its language, then x-default as the default language’s version', () => {
    const alternates = buildLanguageAlternates(
      [
        { lang: 'en', url: 'https://x.org/en/' },
        { lang: 'id', url: 'https://x.org/id/' },
      ],
      site,
    );
    expect(alternates).toEqual([
      { hreflang: 'id', href: 'https://x.org/id/' },
      { hreflang: 'en', href: 'https://x.org/en/' },
      { hreflang: 'x-default', href: 'https://x.org/id/' },
    ]);
  });

  it('points x-default at the first language in site order when no version is in the default language', () => {
    const alternates = buildLanguageAlternates(
      [
        { lang: 'en', url: 'https://x.org/en/' },
        { lang: 'id', url: 'https://x.org/id/' },
      ],
      { defaultLang: 'id', languages: ['en', 'id'] },
    );
    expect(alternates.at(-1)).toEqual({ hreflang: 'x-default', href: 'https://x.org/id/' });
    expect(
      buildLanguageAlternates(
        [
          { lang: 'en', url: 'https://x.org/en/' },
          { lang: 'id', url: 'https://x.org/id/' },
        ],
        {
          defaultLang: 'en',
          languages: ['id', 'en'],
        },
      ).at(-1),
    ).toEqual({ hreflang: 'x-default', href: 'https://x.org/en/' });
  });

  it('gives a story with one version no alternates', () => {
    expect(buildLanguageAlternates([{ lang: 'id', url: 'https://x.org/id/' }], site)).toEqual([]);
  });
});

describe('buildAlternatesIndex', () => {
  it('gives both versions of a pair the same alternates, and a lone article none', () => {
    const index = buildAlternatesIndex(
      [
        { file: '2022/09/korut.md', lang: 'id', permalink: '/2022/09/06/korut/' },
        {
          file: '2022/09/korut-en.md',
          lang: 'en',
          permalink: '/2022/09/06/korut-en/',
          translations: ['2022/09/korut.md'],
        },
        { file: '2022/09/lain.md', lang: 'id', permalink: '/2022/09/07/lain/' },
      ],
      (permalink) => `https://x.org/arsip${permalink}`,
      site,
    );
    const expected = [
      { hreflang: 'id', href: 'https://x.org/arsip/2022/09/06/korut/' },
      { hreflang: 'en', href: 'https://x.org/arsip/2022/09/06/korut-en/' },
      { hreflang: 'x-default', href: 'https://x.org/arsip/2022/09/06/korut/' },
    ];
    expect(index.get('/2022/09/06/korut/')).toEqual(expected);
    expect(index.get('/2022/09/06/korut-en/')).toEqual(expected);
    expect(index.has('/2022/09/07/lain/')).toBe(false);
  });
});
