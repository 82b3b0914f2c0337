import { describe, expect, it } from 'vitest';
import { mergeByKeyDescending, type ItemLoader } from '../../../../src/lib/search/lazy-merge';

interface Item {
  id: string;
  date: string;
}

function list(items: Item[], loads: string[]): ItemLoader<Item>[] {
  return items.map((item) => async () => {
    loads.push(item.id);
    return item;
  });
}

const indonesian = [
  { id: 'id-2024', date: '2024-05-02' },
  { id: 'id-2023', date: '2023-03-10' },
  { id: 'id-2022', date: '2022-09-06' },
];
const english = [
  { id: 'en-2023', date: '2023-11-20' },
  { id: 'en-2021', date: '2021-01-01' },
];

describe('mergeByKeyDescending', () => {
  it('merges lists that are each newest first into one newest-first list', async () => {
    const merge = mergeByKeyDescending([list(indonesian, []), list(english, [])], (item) => item.date);
    expect((await merge.take(10)).map((item) => item.id)).toEqual([
      'id-2024',
      'en-2023',
      'id-2023',
      'id-2022',
      'en-2021',
    ]);
    expect(merge.remaining).toBe(0);
  });

  it('hands out pages that continue where the last one stopped', async () => {
    const merge = mergeByKeyDescending([list(indonesian, []), list(english, [])], (item) => item.date);
    expect((await merge.take(2)).map((item) => item.id)).toEqual(['id-2024', 'en-2023']);
    expect(merge.remaining).toBe(3);
    expect((await merge.take(2)).map((item) => item.id)).toEqual(['id-2023', 'id-2022']);
    expect((await merge.take(2)).map((item) => item.id)).toEqual(['en-2021']);
    expect(await merge.take(2)).toEqual([]);
  });

  it('loads no more of each list than a page can need, and nothing twice', async () => {
    const loads: string[] = [];
    const merge = mergeByKeyDescending([list(indonesian, loads), list(english, loads)], (item) => item.date);
    await merge.take(1);
    expect(loads.sort()).toEqual(['en-2023', 'id-2024']);
    await merge.take(1);
    expect(loads.sort()).toEqual(['en-2023', 'id-2023', 'id-2024']);
  });

  it('keeps the order of a single list as it is, such as relevance order', async () => {
    const byRelevance = [indonesian[2]!, indonesian[0]!, indonesian[1]!];
    const merge = mergeByKeyDescending([list(byRelevance, [])], () => '');
    expect((await merge.take(3)).map((item) => item.id)).toEqual(['id-2022', 'id-2024', 'id-2023']);
  });
});
