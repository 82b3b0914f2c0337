import { describe, expect, it } from 'vitest';
import { checkSiteUrl, describeEmptyArchive, warta } from '../../../src/integrations/warta';

describe('warta()', () => {
  it('returns Warta’s integrations, framed by the build’s first and last', () => {
    const names = warta({
      name: { id: 'Warta', en: 'Warta' },
      description: { id: 'Arsip.', en: 'Archive.' },
      url: 'https://arsip.koran.id',
      timeZone: 'Asia/Jakarta',
    }).map((integration) => integration.name);
    expect(names[0]).toBe('warta:build-start');
    expect(names[1]).toBe('warta:site');
    expect(names.at(-1)).toBe('warta:build-finish');
  });

  it('throws on wrong options, listing every problem', () => {
    expect(() =>
      warta({ name: { id: 'Warta' }, description: { id: '' }, url: 'ftp://x', timeZone: 'Mars/Olympus' }),
    ).toThrow(
      /5 problems[^]*warta\(\{ description\.id \}\)[^]*warta\(\{ url \}\)[^]*warta\(\{ timeZone \}\)[^]*warta\(\{ name \}\): has no English text[^]*warta\(\{ description \}\): has no English text/,
    );
  });
});

describe('checkSiteUrl', () => {
  it('fails a build for deployment with the sample’s address, naming where it was set', () => {
    expect(checkSiteUrl('https://warta.example.org', { CI: 'true' })).toEqual({
      fatal: true,
      message: expect.stringMatching(/^warta\(\{ url \}\) in astro.config.mjs is "https:\/\/warta.example.org"/),
    });
    expect(
      checkSiteUrl('https://warta.example.org', { CI: 'true', WARTA_SITE_URL: 'https://warta.example.org' }),
    ).toEqual({
      fatal: true,
      message: expect.stringMatching(/^WARTA_SITE_URL is/),
    });
  });

  it('only warns locally, and says nothing of a newsroom’s own address or a sample built on purpose', () => {
    expect(checkSiteUrl('https://warta.example.org', {})?.fatal).toBe(false);
    expect(checkSiteUrl('https://arsip.koran.id', { CI: 'true' })).toBeUndefined();
    expect(checkSiteUrl('https://warta.example.org', { CI: 'true', WARTA_ALLOW_EXAMPLE_URL: '1' })).toBeUndefined();
  });
});

describe('describeEmptyArchive', () => {
  it('says what was held back and how to publish an empty archive on purpose', () => {
    expect(describeEmptyArchive(2, 1)).toBe(
      'the archive publishes no article (held back: 2 drafts, 1 scheduled for later): add an article to the ' +
        'content folder, or set warta({ allowEmptyArchive: true }) in astro.config.mjs (or WARTA_ALLOW_EMPTY=1) ' +
        'to publish an empty archive on purpose',
    );
    expect(describeEmptyArchive(0, 0)).toMatch(/^the archive publishes no article: /);
  });
});
