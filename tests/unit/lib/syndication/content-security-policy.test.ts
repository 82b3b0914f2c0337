import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, getCspMetaContent, getHeadersFile } from '../../../../src/data/security';
import {
  createContentSecurityPolicy,
  extendPolicy,
  formatHeadersFile,
  serializePolicy,
} from '../../../../src/lib/syndication/content-security-policy';
import { EMBED_HOSTS } from '../../../../src/markdown/rehype-embeds';

describe('the archive policy', () => {
  it('runs only script files from the archive itself, never inline code or eval', () => {
    const sources = Object.values(contentSecurityPolicy).flat();
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'unsafe-hashes'");
    expect(contentSecurityPolicy['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(contentSecurityPolicy['style-src']).toEqual(["'self'"]);
    expect(contentSecurityPolicy['object-src']).toEqual(["'none'"]);
    expect(contentSecurityPolicy['base-uri']).toEqual(["'none'"]);
  });

  it('frames exactly the players that articles may embed', () => {
    expect(contentSecurityPolicy['frame-src']).toEqual(EMBED_HOSTS.map((host) => `https://${host}`));
    expect(serializePolicy(createContentSecurityPolicy({ frameHosts: [] }), 'header')).toContain("frame-src 'none';");
  });

  it('leaves header-only directives out of the meta tag', () => {
    expect(getCspMetaContent()).not.toContain('frame-ancestors');
    expect(serializePolicy(contentSecurityPolicy, 'header')).toContain("frame-ancestors 'self'");
    expect(getCspMetaContent()).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/);
  });
});

describe('extending the policy', () => {
  it('adds sources once, to existing or new directives, without changing the original', () => {
    const base = { 'style-src': ["'self'"] };
    const extended = extendPolicy(base, { 'style-src': ["'self'", "'unsafe-inline'"], 'connect-src': ['ws:'] });
    expect(extended).toEqual({ 'style-src': ["'self'", "'unsafe-inline'"], 'connect-src': ['ws:'] });
    expect(base).toEqual({ 'style-src': ["'self'"] });
  });
});

describe('the _headers file', () => {
  it('sends the policy and nosniff for every page under the base path', () => {
    expect(getHeadersFile('/arsip/').split('\n').slice(0, 4)).toEqual([
      '/arsip/*',
      `  Content-Security-Policy: ${serializePolicy(contentSecurityPolicy, 'header')}`,
      '  X-Content-Type-Options: nosniff',
      '  Referrer-Policy: strict-origin-when-cross-origin',
    ]);
  });

  it('writes each rule as a path with its headers indented below, rules apart', () => {
    expect(
      formatHeadersFile([
        { path: '/*', headers: { A: '1' } },
        { path: '/x/*', headers: { B: '2', C: '3' } },
      ]),
    ).toBe('/*\n  A: 1\n\n/x/*\n  B: 2\n  C: 3\n');
  });
});
