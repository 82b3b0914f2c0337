import { describe, expect, it } from 'vitest';
import { correctionAnchor, listCorrections } from '../../../../src/lib/archive/corrections';
import { correctionsPath, listingPagePath, parseSitePath } from '../../../../src/lib/core/routes';

const day = (text: string) => new Date(`${text}T00:00:00Z`);

function article(title: string, date: string, ...corrections: [string, string][]) {
  return {
    title,
    date: day(date),
    corrections: corrections.map(([when, text]) => ({ date: day(when), datePrecision: 'day' as const, text })),
  };
}

describe('listCorrections', () => {
  it('lists every correction newest first, each numbered within its article as its anchor is', () => {
    const korut = article(
      'Korut',
      '2022-09-06',
      ['2022-09-08', 'Judul diperbaiki.'],
      ['2022-10-01', 'Angka diperbaiki.'],
    );
    const banjir = article('Banjir', '2021-02-08', ['2022-09-08', 'Lokasi diperbaiki.']);
    const none = article('Tanpa koreksi', '2023-01-01');
    const listed = listCorrections([banjir, none, korut]);
    expect(listed.map((entry) => [entry.text, entry.article.title, entry.number])).toEqual([
      ['Angka diperbaiki.', 'Korut', 2],
      // Two corrections of one day: the newer article first.
      ['Judul diperbaiki.', 'Korut', 1],
      ['Lokasi diperbaiki.', 'Banjir', 1],
    ]);
    expect(correctionAnchor(2)).toBe('correction-2');
  });

  it('lists nothing for an archive without corrections', () => {
    expect(listCorrections([article('A', '2022-01-01')])).toEqual([]);
  });
});

describe('the routes of the corrections log', () => {
  it('pages by a bare number and reads its paths back', () => {
    expect(correctionsPath()).toBe('/corrections/');
    expect(correctionsPath(3)).toBe('/corrections/3/');
    expect(parseSitePath('/corrections/3/')).toEqual({ kind: 'corrections', page: 3, listing: '/corrections/' });
    expect(listingPagePath('/corrections/3/', 2)).toBe('/corrections/2/');
    expect(parseSitePath('/corrections/rss.xml')).toEqual({ kind: 'feed', format: 'rss', folder: '/corrections/' });
    expect(parseSitePath('/corrections/x/')).toBeUndefined();
  });
});
