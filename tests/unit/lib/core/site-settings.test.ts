import { describe, expect, it } from 'vitest';
import {
  formatSettingProblems,
  isContinuousIntegration,
  isExampleSiteUrl,
  resolveSiteSettings,
  type SettingProblem,
  type WartaOptions,
} from '../../../../src/lib/core/site-settings';

const minimal: WartaOptions = {
  name: { id: 'Kabar Timur', en: 'Eastern News' },
  description: { id: 'Arsip berita.', en: 'A news archive.' },
  url: 'https://arsip.kabartimur.id',
  timeZone: 'Asia/Makassar',
};

function problemsOf(options: unknown, env: Record<string, string> = {}): SettingProblem[] {
  const result = resolveSiteSettings(options, env);
  if (result.ok) throw new Error('expected problems, got settings');
  return result.problems;
}

function lines(options: unknown, env: Record<string, string> = {}): string[] {
  return problemsOf(options, env).map((problem) => `${problem.setting}: ${problem.message}`);
}

describe('resolveSiteSettings', () => {
  it('fills in the defaults of what a newsroom leaves out', () => {
    const result = resolveSiteSettings(minimal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      title: 'Kabar Timur',
      base: '/',
      defaultLang: 'id',
      languages: ['id', 'en'],
      pageSize: 10,
      feedContent: 'full',
      tagFeedContent: 'summary',
      feedItems: 50,
      sitemapPartSize: 45_000,
      pages: { dayArchives: true, tagFeeds: true, authorPages: true },
      host: undefined,
      ageLabelYears: 1,
      sections: [],
      tagMappings: [],
      api: false,
      allowEmptyArchive: false,
    });
  });

  it('turns the JSON API on by the setting, and WARTA_API overrides it either way, naming a wrong value', () => {
    const on = resolveSiteSettings({ ...minimal, api: true });
    expect(on.ok && on.config.api).toBe(true);
    const byEnv = resolveSiteSettings(minimal, { WARTA_API: '1' });
    expect(byEnv.ok && byEnv.config.api).toBe(true);
    const offByEnv = resolveSiteSettings({ ...minimal, api: true }, { WARTA_API: '0' });
    expect(offByEnv.ok && offByEnv.config.api).toBe(false);
    expect(lines(minimal, { WARTA_API: 'ja' })).toEqual([
      'WARTA_API (overrides warta({ api })): must be true or false, not "ja"',
    ]);
    expect(lines({ ...minimal, api: 'yes' })).toEqual(['warta({ api }): must be true or false, not "yes"']);
  });

  it('makes the first language the interface’s, its name the title, and orders mapped tags by it', () => {
    const result = resolveSiteSettings({
      ...minimal,
      languages: ['en', 'id'],
      tagMappings: [{ id: 'Ekonomi', en: 'Economy' }],
    });
    expect(result.ok && result.config.defaultLang).toBe('en');
    expect(result.ok && result.config.title).toBe('Eastern News');
    expect(result.ok && result.config.description).toBe('A news archive.');
    expect(result.ok && result.config.tagMappings).toEqual([['Economy', 'Ekonomi']]);
  });

  it('takes the environment’s overrides, a set-but-empty variable as not set', () => {
    const result = resolveSiteSettings(minimal, {
      WARTA_SITE_URL: 'https://redaksi.github.io',
      WARTA_BASE: '/warta',
      WARTA_TIME_ZONE: '',
      WARTA_PAGE_SIZE: '25',
      WARTA_FEED_CONTENT: 'summary',
      WARTA_ALLOW_EMPTY: '1',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.url).toBe('https://redaksi.github.io');
    expect(result.config.base).toBe('/warta/');
    expect(result.config.timeZone).toBe('Asia/Makassar');
    expect(result.config.pageSize).toBe(25);
    expect(result.config.feedContent).toBe('summary');
    expect(result.config.allowEmptyArchive).toBe(true);
  });

  it('names every problem in one run: the setting, the value and the fix', () => {
    expect(
      lines({
        ...minimal,
        url: 'arsip.kabartimur.id',
        timeZone: 'Asia/Makasar',
        pageSize: 0,
        languages: ['en', 'fr'],
        sections: [{ slug: 'Ekonomi Bisnis', name: { id: 'Ekonomi', en: 'Economy' }, tags: [] }],
      }),
    ).toEqual([
      `warta({ url }): "arsip.kabartimur.id" must be an http(s) address with no path, e.g. 'https://arsip.koran.id'`,
      `warta({ timeZone }): "Asia/Makasar" is not an IANA time zone: use a name such as 'Asia/Jakarta', 'Asia/Makassar' or 'Europe/Amsterdam'`,
      'warta({ languages[1] }): "fr" is not a language Warta speaks; use id or en',
      'warta({ pageSize }): 0 must be at least 1',
      'warta({ sections[0].slug }): "Ekonomi Bisnis" must be lower-case letters, digits and single hyphens, e.g. "ekonomi"',
      'warta({ sections[0].tags }): [] must list at least one tag: a section gathers the articles carrying its tags',
    ]);
  });

  it('says what is missing and what kind of value a setting takes', () => {
    expect(lines({ name: 'Warta', timeZone: 7 })).toEqual([
      `warta({ name }): must give the site name per language, e.g. { id: '…', en: '…' }, not "Warta"`,
      "warta({ description }): must give a description per language, e.g. { id: '…', en: '…' }, not nothing",
      `warta({ url }): must be an address such as 'https://arsip.koran.id', not nothing`,
      `warta({ timeZone }): must be an IANA time zone such as 'Asia/Jakarta', not 7`,
    ]);
  });

  it('names an unknown setting and suggests the one meant', () => {
    expect(lines({ ...minimal, timezone: 'Asia/Makassar' })).toEqual([
      expect.stringMatching(
        /^warta\(\{ … \}\): "timezone" is not a Warta setting \(did you mean "timeZone"\?\); the settings are name, /,
      ),
    ]);
  });

  it('names the environment variable whose value is wrong, and the setting it overrides', () => {
    expect(
      lines(minimal, { WARTA_PAGE_SIZE: 'sepuluh', WARTA_TIME_ZONE: 'WIB', WARTA_TAG_FEED_CONTENT: 'all' }),
    ).toEqual([
      `WARTA_TIME_ZONE (overrides warta({ timeZone })): "WIB" is not an IANA time zone: use a name such as 'Asia/Jakarta', 'Asia/Makassar' or 'Europe/Amsterdam'`,
      'WARTA_PAGE_SIZE (overrides warta({ pageSize })): must be a whole number, e.g. 10, not "sepuluh"',
      `WARTA_TAG_FEED_CONTENT (overrides warta({ feeds.tagContent })): must be 'full' or 'summary', not "all"`,
    ]);
  });

  it('asks for the name of a section and of the site in every language of the site', () => {
    expect(
      lines({
        ...minimal,
        name: { id: 'Kabar Timur' },
        sections: [{ slug: 'ekonomi', name: { id: 'Ekonomi' }, tags: ['Ekonomi'] }],
      }),
    ).toEqual([
      "warta({ name }): has no English text, and the site is in id, en; add en: 'Kabar Timur'",
      "warta({ sections[0].name }): has no English text, and the site is in id, en; add en: 'Ekonomi'",
    ]);
    expect(resolveSiteSettings({ ...minimal, name: { id: 'Kabar Timur' }, languages: ['id'] }).ok).toBe(true);
  });

  it('refuses a repeated section slug, a one-sided tag mapping and a tag in two mappings', () => {
    expect(
      lines({
        ...minimal,
        sections: [
          { slug: 'ekonomi', name: { id: 'Ekonomi', en: 'Economy' }, tags: ['Ekonomi'] },
          { slug: 'ekonomi', name: { id: 'Bisnis', en: 'Business' }, tags: ['Bisnis'] },
        ],
        tagMappings: [{ id: 'Ekonomi', en: 'Economy' }, { id: 'Bisnis' }, { id: 'ekonomi', en: 'Business' }],
      }),
    ).toEqual([
      'warta({ sections[1].slug }): "ekonomi" is the slug of an earlier section too; give each section its own slug',
      `warta({ tagMappings[1] }): {"id":"Bisnis"} names one tag; a mapping joins a tag in one language to its name in another, e.g. { id: 'Ekonomi', en: 'Economy' }`,
      'warta({ tagMappings[2] }): "ekonomi" is already mapped in tagMappings[0]; a tag belongs to one topic, so merge the two',
    ]);
  });

  it('turns off the kinds of page named in pages, keeping the others', () => {
    const result = resolveSiteSettings({ ...minimal, pages: { dayArchives: false, authorPages: false } });
    expect(result.ok && result.config.pages).toEqual({ dayArchives: false, tagFeeds: true, authorPages: false });
  });

  it('names an unknown kind of page and a value that is not true or false', () => {
    expect(lines({ ...minimal, pages: { dayPages: false } })).toEqual([
      'warta({ pages }): has an unknown kind of page "dayPages"; the kinds are dayArchives, tagFeeds, authorPages',
    ]);
    expect(lines({ ...minimal, pages: { tagFeeds: 'no' } })).toEqual([
      'warta({ pages.tagFeeds }): must be true or false, not "no"',
    ]);
    expect(lines({ ...minimal, pages: false })).toEqual([
      'warta({ pages }): must be { dayArchives: false, tagFeeds: false, authorPages: false } (each true unless turned off), not false',
    ]);
  });

  it('takes the host and the age of labels from the settings, the environment overriding both', () => {
    const set = resolveSiteSettings({ ...minimal, host: 'netlify', ageLabelYears: 3 });
    expect(set.ok && [set.config.host, set.config.ageLabelYears]).toEqual(['netlify', 3]);
    const overridden = resolveSiteSettings(
      { ...minimal, host: 'netlify', ageLabelYears: 3 },
      { WARTA_HOST: 'github-pages', WARTA_AGE_LABEL_YEARS: '0' },
    );
    expect(overridden.ok && [overridden.config.host, overridden.config.ageLabelYears]).toEqual(['github-pages', 0]);
    const none = resolveSiteSettings({ ...minimal, host: 'netlify' }, { WARTA_HOST: 'none' });
    expect(none.ok && none.config.host).toBeUndefined();
  });

  it('names an unknown host and an age that is not a whole number, and the variable that set it', () => {
    expect(lines({ ...minimal, host: 'github' })).toEqual([
      'warta({ host }): "github" is not a host Warta knows; use one of github-pages, gitlab-pages, cloudflare-pages, cloudflare-pages-paid, netlify, s3, or none',
    ]);
    expect(lines(minimal, { WARTA_AGE_LABEL_YEARS: '1.5' })).toEqual([
      'WARTA_AGE_LABEL_YEARS (overrides warta({ ageLabelYears })): 1.5 must be a whole number, e.g. 1',
    ]);
  });

  it('formats the problems one a line, after a count that says where settings live', () => {
    expect(formatSettingProblems(problemsOf({ ...minimal, pageSize: 2.5 }))).toBe(
      "Warta's settings have 1 problem (warta({ … }) in astro.config.mjs, or the WARTA_* environment variables):\n" +
        '  warta({ pageSize }): 2.5 must be a whole number, e.g. 10',
    );
  });
});

describe('the guard rails’ tests of the environment', () => {
  it('knows the sample’s address and the domains reserved for examples', () => {
    expect(isExampleSiteUrl('https://warta.example.org')).toBe(true);
    expect(isExampleSiteUrl('https://arsip.example.com/')).toBe(true);
    expect(isExampleSiteUrl('https://arsip.koran.id')).toBe(false);
    expect(isExampleSiteUrl('https://myexample.org')).toBe(false);
  });

  it('takes CI as set unless it is empty, "false" or "0"', () => {
    expect(isContinuousIntegration({ CI: 'true' })).toBe(true);
    expect(isContinuousIntegration({ CI: '1' })).toBe(true);
    expect(isContinuousIntegration({ CI: 'false' })).toBe(false);
    expect(isContinuousIntegration({ CI: '' })).toBe(false);
    expect(isContinuousIntegration({})).toBe(false);
  });
});
