import { describe, expect, it } from 'vitest';
import { buildSeriesSlugTable, listingPagePath, parseSitePath, seriesPath } from '../../../../src/lib/core/routes';

describe('the routes of series', () => {
  it('merge names that differ in case and spacing, and give each series one slug', () => {
    const parts = [
      { series: 'Korea Utara–Rusia' },
      { series: 'korea  utara–rusia' },
      {},
      { series: 'Korea Utara–Rusia' },
    ];
    const table = buildSeriesSlugTable(parts, (part) => part.series);
    expect([...table.values()].map((entry) => [entry.name, entry.slug, entry.items.length])).toEqual([
      ['Korea Utara–Rusia', 'korea-utara-rusia', 3],
    ]);
  });

  it('page a timeline by a bare number and read its paths back', () => {
    expect(seriesPath('korea-utara-rusia', 2)).toBe('/series/korea-utara-rusia/2/');
    expect(parseSitePath('/series/')).toEqual({ kind: 'series-index' });
    expect(parseSitePath('/series/korea-utara-rusia/2/')).toEqual({
      kind: 'series',
      slug: 'korea-utara-rusia',
      page: 2,
      listing: '/series/korea-utara-rusia/',
    });
    expect(listingPagePath('/series/korea-utara-rusia/2/', 3)).toBe('/series/korea-utara-rusia/3/');
  });
});
