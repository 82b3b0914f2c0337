import { describe, expect, it } from 'vitest';
import { buildPermalink, withBase } from '../../../../src/lib/core/permalinks';

const JAKARTA = 'Asia/Jakarta';

describe('buildPermalink', () => {
  it('puts a day-dated article under /YYYY/MM/DD/<slug>/', () => {
    // 2022-09-06 at midnight in Jakarta.
    expect(buildPermalink(new Date('2022-09-05T17:00:00Z'), 'day', 'korut', JAKARTA)).toBe('/2022/09/06/korut/');
  });

  it('puts an instant-dated article under the day it is in the site zone', () => {
    expect(buildPermalink(new Date('2022-09-06T07:30:00Z'), 'instant', 'korut', JAKARTA)).toBe('/2022/09/06/korut/');
    // 20:00 UTC on the 6th is 03:00 on the 7th in Jakarta.
    expect(buildPermalink(new Date('2022-09-06T20:00:00Z'), 'instant', 'korut', JAKARTA)).toBe('/2022/09/07/korut/');
  });

  it('puts a month-precision article under /YYYY/MM/<slug>/, with no day', () => {
    expect(buildPermalink(new Date('2023-08-31T17:00:00Z'), 'month', 'arsip-lama', JAKARTA)).toBe(
      '/2023/09/arsip-lama/',
    );
  });

  it('moves 23:30 UTC on New Year’s Eve into the next year in Jakarta', () => {
    const date = new Date('2023-12-31T23:30:00Z');
    expect(buildPermalink(date, 'instant', 'tahun-baru', JAKARTA)).toBe('/2024/01/01/tahun-baru/');
    expect(buildPermalink(date, 'instant', 'tahun-baru', 'UTC')).toBe('/2023/12/31/tahun-baru/');
  });
});

describe('withBase', () => {
  it('leaves paths alone when the site is served from the root', () => {
    expect(withBase('/', '/2024/01/')).toBe('/2024/01/');
    expect(withBase('/', '/')).toBe('/');
  });

  it('prefixes the sub-path the site is served under, with one slash between', () => {
    expect(withBase('/arsip/', '/2024/01/')).toBe('/arsip/2024/01/');
    expect(withBase('/arsip/', '/')).toBe('/arsip/');
    expect(withBase('/arsip', '/2024/01/')).toBe('/arsip/2024/01/');
    expect(withBase('/arsip/', '2024/01/')).toBe('/arsip/2024/01/');
  });
});
