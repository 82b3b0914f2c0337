import { describe, expect, it } from 'vitest';
import {
  ARTICLE_PAGE_WEIGHT,
  formatShard,
  parseShard,
  planShards,
  planShardsOfArticles,
  shardOfRoute,
} from '../../../../src/lib/core/shards';
import type { SearchPartPlan } from '../../../../src/lib/search/search-plan';

function part(key: string, pages: number): SearchPartPlan {
  return {
    key,
    language: key.slice(0, 2),
    from: '2020-01',
    to: '2020-12',
    pages,
    paths: Array.from({ length: pages }, (_, i) => `/${key}/${i}/`),
  };
}

describe('parseShard', () => {
  it('reads i/n and names the fix for anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(formatShard({ index: 3, count: 8 })).toBe('3/8');
    for (const bad of ['0/2', '3/2', '2', 'a/b', '1/0', '-1/2', '1.5/2']) {
      expect(() => parseShard(bad), bad).toThrow(/--shard must be i\/n with 1 ≤ i ≤ n/);
    }
    expect(() => parseShard('5/4', 'WARTA_SHARD')).toThrow(/^WARTA_SHARD must be/);
  });
});

describe('planShards', () => {
  it('gives every article page to exactly one shard, whole parts of the search index at a time', () => {
    const parts = [part('id-a', 20), part('id-b', 20), part('id-c', 5), part('en-a', 20), part('en-b', 15)];
    const plan = planShards(parts, 4);
    expect(plan.articleShard.size).toBe(80);
    expect(plan.parts.flat().sort()).toEqual(parts.map((p) => p.key).sort());
    for (const p of parts) {
      const owners = new Set(p.paths.map((path) => plan.articleShard.get(path)));
      expect(owners.size, p.key).toBe(1);
      expect(plan.parts[[...owners][0]! - 1]).toContain(p.key);
    }
    // Largest first to the least loaded: four parts of 20 and 15 go one to each shard... and the 5 joins the 15.
    expect(plan.parts.map((keys) => keys.length).sort()).toEqual([1, 1, 1, 2]);
  });

  it('gives the shards with fewer article pages a larger share of the other pages', () => {
    const plan = planShards([part('id', 65), part('en', 35)], 2);
    expect(plan.otherShare.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    const idShard = plan.articleShard.get('/id/0/')!;
    expect(plan.otherShare[idShard - 1]).toBeLessThan(plan.otherShare[2 - idShard]!);
    // The estimated work is even: article pages at their weight plus the share of the other pages.
    const work = [0, 1].map((at) => (at + 1 === idShard ? 65 : 35) * ARTICLE_PAGE_WEIGHT + plan.otherShare[at]! * 100);
    expect(work[0]).toBeCloseTo(work[1]!);
  });

  it('leaves a shard without articles the listings, and one shard everything', () => {
    const many = planShards([part('id', 10)], 3);
    expect(many.parts.filter((keys) => keys.length === 0)).toHaveLength(2);
    expect(many.otherShare[many.articleShard.get('/id/0/')! - 1]).toBe(0);
    const one = planShards([part('id', 10), part('en', 4)], 1);
    expect(new Set(one.articleShard.values())).toEqual(new Set([1]));
    expect(one.otherShare).toEqual([1]);
  });

  it('plans the same shards from the articles as the search index plans its parts', () => {
    const articles = Array.from({ length: 12 }, (_, i) => ({
      permalink: `/2020/0${(i % 6) + 1}/0${(i % 9) + 1}/a-${i}/`,
      lang: i % 3 === 0 ? 'en' : 'id',
      // 22:00 UTC on the last day of a month is the first of the next month in Jakarta.
      date: new Date(Date.UTC(2020, (i % 6) + 1, 0, 22)),
    }));
    const plan = planShardsOfArticles(articles, 2, { timeZone: 'Asia/Jakarta', partPages: 3 });
    expect(plan.articleShard.size).toBe(12);
    expect(plan.parts.flat().every((key) => /^(id|en)-x-2020\d\d$/.test(key))).toBe(true);
    // English articles: 31 January and 30 April (UTC), filed in February and May.
    expect(plan.parts.flat().filter((key) => key.startsWith('en'))).toEqual(
      expect.arrayContaining(['en-x-202002', 'en-x-202005']),
    );
  });
});

describe('shardOfRoute', () => {
  it('puts every route in one shard, the same one every time, in proportion to the shares', () => {
    const plan = { count: 3, otherShare: [0.2, 0.3, 0.5] };
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i += 1) {
      const key = `tags/[slug]/[page] tag-${i}/2`;
      const shard = shardOfRoute(key, plan);
      expect(shardOfRoute(key, plan)).toBe(shard);
      counts[shard - 1]! += 1;
    }
    expect(counts[0]! / 30_000).toBeCloseTo(0.2, 1);
    expect(counts[1]! / 30_000).toBeCloseTo(0.3, 1);
    expect(counts[2]! / 30_000).toBeCloseTo(0.5, 1);
  });

  it('never gives a route to a shard with no share', () => {
    const plan = { count: 2, otherShare: [1, 0] };
    for (let i = 0; i < 1000; i += 1) expect(shardOfRoute(`page/[page] ${i}`, plan)).toBe(1);
  });
});
