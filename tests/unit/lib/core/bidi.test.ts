import { describe, expect, it } from 'vitest';
import { isolateBidi, needsBidiIsolation } from '../../../../src/lib/core/bidi';

describe('isolateBidi', () => {
  it('wraps right-to-left headlines and direction overrides in a first-strong isolate', () => {
    expect(isolateBidi('خبر عاجل')).toBe('\u2068خبر عاجل\u2069');
    expect(isolateBidi('שלום')).toBe('\u2068שלום\u2069');
    expect(isolateBidi('invoice\u202Etxt.exe')).toBe('\u2068invoice\u202Etxt.exe\u2069');
  });

  it('leaves left-to-right text of any script as it is', () => {
    for (const text of ['Korea Utara Jual Peluru', 'Ёлка', '東京', '🎉 Tahun Baru']) {
      expect(needsBidiIsolation(text)).toBe(false);
      expect(isolateBidi(text)).toBe(text);
    }
  });
});
