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
});
