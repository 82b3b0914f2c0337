import { describe, expect, it } from 'vitest';
import { fixedBuildClock, resolveBuildTime } from '../../../../src/lib/core/build-time';

const now = new Date('2025-05-05T05:05:05Z');

describe('resolveBuildTime', () => {
  it('reads SOURCE_DATE_EPOCH as seconds since 1970', () => {
    expect(resolveBuildTime({ SOURCE_DATE_EPOCH: '1700000000' }, now).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(resolveBuildTime({ SOURCE_DATE_EPOCH: '0' }, now).toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });

  it('uses the given now when SOURCE_DATE_EPOCH is unset or blank', () => {
    expect(resolveBuildTime({}, now)).toBe(now);
    expect(resolveBuildTime({ SOURCE_DATE_EPOCH: '' }, now)).toBe(now);
    expect(resolveBuildTime({ SOURCE_DATE_EPOCH: '  ' }, now)).toBe(now);
  });

  it('refuses a value that is not a whole number of seconds, quoting it', () => {
    for (const raw of ['abc', '-1', '1.5', '2025-01-01']) {
      expect(() => resolveBuildTime({ SOURCE_DATE_EPOCH: raw }, now)).toThrow(
        `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got "${raw}"`,
      );
    }
  });

  it('refuses a value too large to be a date', () => {
    expect(() => resolveBuildTime({ SOURCE_DATE_EPOCH: '9999999999999999' }, now)).toThrow(/SOURCE_DATE_EPOCH/);
  });

  it('refuses hex and exponent notation', () => {
    expect(() => resolveBuildTime({ SOURCE_DATE_EPOCH: '0x10' }, now)).toThrow(/SOURCE_DATE_EPOCH/);
    expect(() => resolveBuildTime({ SOURCE_DATE_EPOCH: '1e9' }, now)).toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe('fixedBuildClock', () => {
  const now = new Date('2026-12-03T18:24:31.750Z');

  it('fixes an unset clock at the whole second now', () => {
    expect(fixedBuildClock({}, now)).toBe('1796322271');
    expect(resolveBuildTime({ SOURCE_DATE_EPOCH: fixedBuildClock({}, now) })).toEqual(new Date('2026-12-03T18:24:31Z'));
  });

  it('keeps a clock that is set, and refuses one that is not a clock', () => {
    expect(fixedBuildClock({ SOURCE_DATE_EPOCH: ' 1767225600 ' }, now)).toBe('1767225600');
    expect(() => fixedBuildClock({ SOURCE_DATE_EPOCH: 'yesterday' }, now)).toThrow(/SOURCE_DATE_EPOCH/);
  });
});
