import { describe, expect, it } from 'vitest';
import { mergeTags, tagKey } from '../../../../src/lib/core/tags';

describe('tagKey', () => {
  it('is the same for spellings that differ only in case, spacing or width', () => {
    expect(tagKey('Korea Utara')).toBe(tagKey('  korea   UTARA '));
    expect(tagKey('Ｐｏｌｉｔｉｋ')).toBe(tagKey('politik'));
    expect(tagKey('Korea Utara')).not.toBe(tagKey('Korea Selatan'));
  });
});

describe('mergeTags', () => {
  it('trims tags and collapses inner spaces', () => {
    expect(mergeTags(['  Politik ', 'Ekonomi   Makro'])).toEqual(['Politik', 'Ekonomi Makro']);
  });

  it('keeps the first spelling of a tag and drops later ones that differ only in case or spacing', () => {
    expect(mergeTags(['Korea Utara', 'korea  utara', 'KOREA UTARA', 'Asia'])).toEqual(['Korea Utara', 'Asia']);
  });

  it('drops empty tags', () => {
    expect(mergeTags(['', '   ', 'Asia'])).toEqual(['Asia']);
  });

  it('keeps the order tags were written in', () => {
    expect(mergeTags(['Zeta', 'alfa', 'Beta'])).toEqual(['Zeta', 'alfa', 'Beta']);
  });
});
