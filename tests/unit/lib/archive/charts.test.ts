import { describe, expect, it } from 'vitest';
import { buildArchiveOverview, type ArchivePeriod } from '../../../../src/lib/archive/archive-groups';
import {
  layoutBarList,
  layoutColumnChart,
  listArchiveMonths,
  niceTicks,
  type ChartDatum,
} from '../../../../src/lib/archive/charts';

const datum = (key: string, value: number): ChartDatum => ({ key, label: key, value });

describe('niceTicks', () => {
  it('steps in whole, round numbers up to a top at or above the maximum', () => {
    expect(niceTicks(9)).toEqual([0, 5, 10]);
    expect(niceTicks(2)).toEqual([0, 1, 2]);
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(120)).toEqual([0, 50, 100, 150]);
  });

  it('still draws a scale for an archive without articles', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('layoutColumnChart', () => {
  const chart = layoutColumnChart([datum('2022', 4), datum('2023', 0), datum('2024', 10)], {
    width: 340,
    height: 120,
    left: 40,
    bottom: 20,
    top: 0,
    fill: 0.5,
  });

  it('gives each value an equal slot, left to right, with the column centred in it', () => {
    // Plot from x=40 to x=336: three slots of 98.67, columns half as wide.
    expect(chart.columns.map((column) => column.x)).toEqual([64.67, 163.33, 262]);
    expect(new Set(chart.columns.map((column) => column.width))).toEqual(new Set([49.33]));
  });

  it('scales heights to the top grid line, so the largest column reaches it and zero stays flat', () => {
    expect(chart.baseline).toBe(100);
    expect(chart.ticks.map((tick) => [tick.value, tick.y])).toEqual([
      [0, 100],
      [5, 50],
      [10, 0],
    ]);
    expect(chart.columns.map((column) => [column.y, column.height])).toEqual([
      [60, 40],
      [100, 0],
      [0, 100],
    ]);
  });
});

describe('layoutBarList', () => {
  it('draws the largest value across the whole bar area and the others in proportion, one row each', () => {
    const list = layoutBarList([datum('Jakarta', 8), datum('Politik', 2)], {
      width: 500,
      labelWidth: 100,
      countWidth: 0,
      rowHeight: 20,
    });
    expect(list.height).toBe(40);
    expect(list.rows.map((row) => [row.y, row.barWidth])).toEqual([
      [0, 400],
      [20, 100],
    ]);
  });
});

describe('listArchiveMonths', () => {
  const period = (path: string, count: number): ArchivePeriod<number> => {
    const [year = '', month] = path.split('/').filter(Boolean);
    return {
      kind: month ? 'month' : 'year',
      year,
      ...(month ? { month } : {}),
      path,
      start: new Date(`${year}-${month ?? '01'}-01T00:00:00Z`),
      items: Array.from({ length: count }, (_, index) => index),
    };
  };

  it('lists every month from the first article to the last, oldest first, gaps included', () => {
    const overview = buildArchiveOverview({
      years: [period('/2024/', 1), period('/2023/', 3)],
      months: [period('/2024/02/', 1), period('/2023/12/', 1), period('/2023/11/', 2)],
    });
    const months = listArchiveMonths(overview);
    expect(months.map((month) => `${month.year}-${month.month}:${month.count}`)).toEqual([
      '2023-11:2',
      '2023-12:1',
      '2024-1:0',
      '2024-2:1',
    ]);
    expect(months[2]?.path).toBeUndefined();
    expect(months[3]?.path).toBe('/2024/02/');
  });

  it('is empty for an archive without articles', () => {
    expect(listArchiveMonths(buildArchiveOverview({ years: [], months: [] }))).toEqual([]);
  });
});
