import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDigits, groupSeparatorOf } from '../../../../src/lib/core/group-digits';
import { formatNumber } from '../../../../src/i18n/ui';

describe('groupDigits', () => {
  it('groups thousands as the archive formats numbers in Indonesian and English', () => {
    for (const lang of ['id', 'en'] as const) {
      const separator = groupSeparatorOf(formatNumber(lang, 1000));
      fc.assert(
        fc.property(fc.integer({ min: -1e12, max: 1e12 }), (value) => {
          expect(groupDigits(value, separator)).toBe(formatNumber(lang, value));
        }),
      );
    }
  });

  it('leaves small numbers alone', () => {
    expect(groupDigits(0, '.')).toBe('0');
    expect(groupDigits(999, '.')).toBe('999');
    expect(groupDigits(6408, '.')).toBe('6.408');
    expect(groupDigits(1234567, ',')).toBe('1,234,567');
  });
});
