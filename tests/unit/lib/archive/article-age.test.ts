import { describe, expect, it } from 'vitest';
import { getArticleAge } from '../../../../src/lib/archive/article-age';
import { atWallClock } from '../../../../src/lib/core/dates';

const JAKARTA = 'Asia/Jakarta';
const published = atWallClock(JAKARTA, 2022, 9, 6, 10, 30);

describe('getArticleAge', () => {
  it('counts whole years on the site calendar, from the threshold on', () => {
    expect(getArticleAge(published, atWallClock(JAKARTA, 2023, 9, 6, 10, 29), JAKARTA, 1)).toBeUndefined();
    expect(getArticleAge(published, atWallClock(JAKARTA, 2023, 9, 6, 10, 30), JAKARTA, 1)).toBe(1);
    expect(getArticleAge(published, atWallClock(JAKARTA, 2025, 9, 5, 23, 0), JAKARTA, 1)).toBe(2);
    expect(getArticleAge(published, atWallClock(JAKARTA, 2026, 1, 1), JAKARTA, 1)).toBe(3);
  });

  it('labels only from the newsroom threshold on, and never with 0', () => {
    const now = atWallClock(JAKARTA, 2026, 1, 1);
    expect(getArticleAge(published, now, JAKARTA, 4)).toBeUndefined();
    expect(getArticleAge(published, now, JAKARTA, 3)).toBe(3);
    expect(getArticleAge(published, now, JAKARTA, 0)).toBeUndefined();
  });

  it('gives no age to an article dated after the build clock', () => {
    expect(getArticleAge(published, atWallClock(JAKARTA, 2020, 1, 1), JAKARTA, 1)).toBeUndefined();
  });
});
