import { describe, expect, it } from 'vitest';
import { buildSearchFacets, type SearchFacetInput } from '../../../../src/lib/search/search-facets';

const options = {
  timeZone: 'Asia/Jakarta',
  tagName: (tag: string) => (tag.toLowerCase() === 'korea utara' ? 'Korea Utara' : tag),
  authorName: (author: string) => author,
};

const article: SearchFacetInput = {
  date: new Date('2023-12-31T23:30:00Z'),
  datePrecision: 'instant',
  lang: 'id',
  tags: ['korea utara', 'Rusia', 'Korea Utara'],
  authors: ['Rina Hartono'],
};

describe('buildSearchFacets', () => {
  it('files an article under its topics, authors, year and language', () => {
    expect(buildSearchFacets(article, options).filters).toEqual({
      tag: ['Korea Utara', 'Rusia'],
      author: ['Rina Hartono'],
      // 23:30 UTC on 31 December is already 2024 in Jakarta.
      year: ['2024'],
      language: ['Bahasa Indonesia'],
    });
  });

  it('names the language in its own words', () => {
    expect(buildSearchFacets({ ...article, lang: 'en' }, options).filters.language).toEqual(['English']);
  });

  it('gives results a dateline in the article’s language and a sortable timestamp', () => {
    const facets = buildSearchFacets(article, options);
    expect(facets.meta['date']).toBe('Senin, 1 Januari 2024');
    expect(facets.meta['published']).toBe('2023-12-31T23:30:00Z');
    expect(facets.sort.date).toBe(facets.meta['published']);
    const english = buildSearchFacets({ ...article, lang: 'en', datePrecision: 'day' }, options);
    expect(english.meta['date']).toBe('Monday, 1 January 2024');
  });

  it('sorts by time whatever offset the editor wrote', () => {
    const earlier = buildSearchFacets({ ...article, date: new Date('2022-09-06T10:30:00+07:00') }, options);
    const later = buildSearchFacets({ ...article, date: new Date('2022-09-06T05:00:00+00:00') }, options);
    expect(earlier.sort.date < later.sort.date).toBe(true);
  });

  it('shows a month-precision date without a day', () => {
    const facets = buildSearchFacets({ ...article, datePrecision: 'month' }, options);
    expect(facets.meta['date']).toBe('Januari 2024');
  });

  it('records an image only when it has an address a result can show', () => {
    const remote = { src: 'https://images.example.org/a.jpg', alt: 'Dua diplomat' };
    expect(buildSearchFacets({ ...article, image: remote }, options).meta).toMatchObject({
      image: remote.src,
      image_alt: 'Dua diplomat',
    });
    const local = buildSearchFacets({ ...article, image: { src: 'foto.jpg', alt: 'x' } }, options);
    expect(local.meta['image']).toBeUndefined();
  });
});
