import { describe, expect, it } from 'vitest';
import { countRecentTopics, getRecentWindowStart, pickLeadStory } from '../../../../src/lib/archive/front-page';

const plain = { featured: false, hasImage: false };

describe('pickLeadStory', () => {
  it('leads with the newest article an editor marked featured', () => {
    const items = [plain, { ...plain, hasImage: true }, { ...plain, featured: true }, { ...plain, featured: true }];
    expect(pickLeadStory(items)).toBe(2);
  });

  it('else with the newest article that has a picture', () => {
    expect(pickLeadStory([plain, plain, { ...plain, hasImage: true }, { ...plain, hasImage: true }])).toBe(2);
  });

  it('else with the newest article, and with nothing when there is none', () => {
    expect(pickLeadStory([plain, plain])).toBe(0);
    expect(pickLeadStory([])).toBe(-1);
  });
});

describe('countRecentTopics', () => {
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
  // Newest first, as every listing is.
  const articles = [
    { date: day('2025-07-15'), tags: ['Pangan', 'Ekonomi'] },
    { date: day('2025-07-10'), tags: ['ekonomi', 'Iklim'] },
    { date: day('2025-07-01'), tags: ['Iklim', 'Ekonomi'] },
    { date: day('2025-06-16'), tags: ['Pangan'] },
    // 31 days before the newest: outside the window.
    { date: day('2025-06-14'), tags: ['Pemilu', 'Pemilu'] },
  ];
  const count = (options?: { days?: number; limit?: number }) =>
    countRecentTopics(
      articles,
      (article) => article.date,
      (article) => article.tags,
      options,
    );

  it('counts the tags of the 30 days up to the newest article, spellings merged, most first', () => {
    expect(count()).toEqual([
      { key: 'ekonomi', count: 3 },
      // Equal counts: the tag used most recently first.
      { key: 'pangan', count: 2 },
      { key: 'iklim', count: 2 },
    ]);
  });

  it('measures the window from the newest article, not from the clock', () => {
    expect(getRecentWindowStart([{ date: day('2025-07-15') }])).toEqual(day('2025-06-15'));
    expect(count({ days: 40 }).map((topic) => topic.key)).toContain('pemilu');
    expect(count({ days: 40 }).find((topic) => topic.key === 'pemilu')?.count).toBe(1);
  });

  it('keeps to the limit, and has no topics without articles', () => {
    expect(count({ limit: 1 })).toEqual([{ key: 'ekonomi', count: 3 }]);
    expect(
      countRecentTopics(
        [],
        () => new Date(0),
        () => [],
      ),
    ).toEqual([]);
  });
});
