import { afterEach, describe, expect, it, vi } from 'vitest';

async function loadConfig() {
  vi.resetModules();
  return (await import('../../src/site.config')).siteConfig;
}

describe('siteConfig from the environment of a CI run', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('takes a variable that is set but empty as not set, as CI passes a missing optional value', async () => {
    vi.stubEnv('WARTA_SITE_URL', '');
    vi.stubEnv('WARTA_BASE', ' ');
    vi.stubEnv('WARTA_TIME_ZONE', '');
    const config = await loadConfig();
    expect(config.url).toBe('https://warta.example.org');
    expect(config.base).toBe('/');
    expect(config.timeZone).toBe('Asia/Jakarta');
  });

  it('takes the address and sub-path that GitHub Pages hands to the build', async () => {
    vi.stubEnv('WARTA_SITE_URL', 'https://redaksi.github.io');
    vi.stubEnv('WARTA_BASE', '/warta');
    const config = await loadConfig();
    expect(config.url).toBe('https://redaksi.github.io');
    expect(config.base).toBe('/warta/');
  });

  it('stops at the first setting read when a variable is wrong, naming every problem', async () => {
    vi.stubEnv('WARTA_PAGE_SIZE', 'ten');
    vi.stubEnv('WARTA_TIME_ZONE', 'Jakarta');
    const config = await loadConfig();
    expect(() => config.pageSize).toThrow(
      "Warta's settings have 2 problems (warta({ … }) in astro.config.mjs, or the WARTA_* environment variables):\n" +
        "  WARTA_TIME_ZONE (overrides warta({ timeZone })): \"Jakarta\" is not an IANA time zone: use a name such as 'Asia/Jakarta', 'Asia/Makassar' or 'Europe/Amsterdam'\n" +
        '  WARTA_PAGE_SIZE (overrides warta({ pageSize })): must be a whole number, e.g. 10, not "ten"',
    );
  });
});

describe('siteConfig from astro.config.mjs', () => {
  it('holds the settings of warta({ … }) in astro.config.mjs, every one of them', async () => {
    const { siteConfig, getRegisteredSiteOptions, resolveOrThrow } = await import('../../src/site.config');
    const resolved = resolveOrThrow(getRegisteredSiteOptions(), {});
    expect({ ...siteConfig }).toEqual(resolved);
    expect(siteConfig.sections.map((section) => section.slug)).toEqual(['politik', 'ekonomi', 'lingkungan', 'budaya']);
    expect(siteConfig.tagMappings).toContainEqual(['Ekonomi', 'Economy']);
  });
});
