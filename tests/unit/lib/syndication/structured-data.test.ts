import { describe, expect, it } from 'vitest';
import {
  buildArticleCrumbs,
  buildBreadcrumbList,
  buildDateCrumbs,
  buildNewsArticle,
  serializeJsonLd,
  type NewsArticleInput,
} from '../../../../src/lib/syndication/structured-data';

const SITE = 'https://example.org/arsip';
const toUrl = (path: string) => `${SITE}${path}`;
const jakarta = { lang: 'id', timeZone: 'Asia/Jakarta' } as const;

const input: NewsArticleInput = {
  url: `${SITE}/2022/09/06/korut/`,
  headline: 'Korea Utara Jual Peluru ke Rusia',
  description: 'Ringkasan.',
  published: new Date('2022-09-06T03:30:00Z'),
  modified: new Date('2022-09-07T17:00:00Z'),
  authors: ['Rina Hartono', 'Arif Nugroho'],
  lang: 'id',
  tags: ['Korea Utara', 'Rusia'],
  images: [`${SITE}/social-card.png`],
  corrections: [{ date: new Date('2022-09-07T17:00:00Z'), text: 'Judul diperbaiki.' }],
  basedOn: 'https://example.org/desk',
  publisher: { name: 'Warta', url: `${SITE}/`, logo: { url: `${SITE}/logo.png` } },
  timeZone: 'Asia/Jakarta',
};

describe('buildNewsArticle', () => {
  const article = buildNewsArticle(input);

  it('is a schema.org NewsArticle about the page', () => {
    expect(article['@context']).toBe('https://schema.org');
    expect(article['@type']).toBe('NewsArticle');
    expect(article).toMatchObject({ url: input.url, mainEntityOfPage: { '@type': 'WebPage', '@id': input.url } });
  });

  it('gives headline, language, keywords, image and dates with the site offset', () => {
    expect(article).toMatchObject({
      headline: input.headline,
      description: 'Ringkasan.',
      inLanguage: 'id',
      keywords: ['Korea Utara', 'Rusia'],
      image: [`${SITE}/social-card.png`],
      datePublished: '2022-09-06T10:30:00+07:00',
      dateModified: '2022-09-08T00:00:00+07:00',
      isBasedOn: 'https://example.org/desk',
    });
  });

  it('names each author as a Person and the publisher as an Organization with its logo', () => {
    expect(article).toMatchObject({
      author: [
        { '@type': 'Person', name: 'Rina Hartono' },
        { '@type': 'Person', name: 'Arif Nugroho' },
      ],
      publisher: {
        '@type': 'Organization',
        name: 'Warta',
        url: `${SITE}/`,
        logo: { '@type': 'ImageObject', url: `${SITE}/logo.png` },
      },
    });
  });

  it('lists the corrections log as CorrectionComment entries', () => {
    expect(article).toMatchObject({
      correction: [
        { '@type': 'CorrectionComment', text: 'Judul diperbaiki.', datePublished: '2022-09-08T00:00:00+07:00' },
      ],
    });
  });

  it('uses the publication date as dateModified of an article never updated, and omits what is missing', () => {
    const plain = buildNewsArticle({
      ...input,
      modified: undefined,
      authors: [],
      tags: [],
      corrections: [],
      basedOn: undefined,
    });
    expect(plain).toMatchObject({ dateModified: '2022-09-06T10:30:00+07:00' });
    for (const key of ['author', 'keywords', 'correction', 'isBasedOn']) expect(plain).not.toHaveProperty(key);
  });
});

describe('breadcrumbs', () => {
  it('files a dated article under year, month and day', () => {
    const crumbs = buildArticleCrumbs(
      {
        title: 'Korut',
        date: new Date('2022-09-06T03:30:00Z'),
        datePrecision: 'instant',
        permalink: '/2022/09/06/korut/',
      },
      { name: 'Beranda', path: '/' },
      jakarta,
    );
    expect(crumbs).toEqual([
      { name: 'Beranda', path: '/' },
      { name: '2022', path: '/2022/' },
      { name: 'September 2022', label: 'September', path: '/2022/09/' },
      { name: 'Selasa, 6 September 2022', label: '6 September', path: '/2022/09/06/' },
      { name: 'Korut', path: '/2022/09/06/korut/' },
    ]);
  });

  it('reads the calendar in the site time zone, not UTC', () => {
    const crumbs = buildDateCrumbs(new Date('2023-12-31T23:30:00Z'), 'instant', jakarta);
    expect(crumbs.map((crumb) => crumb.path)).toEqual(['/2024/', '/2024/01/', '/2024/01/01/']);
    expect(buildDateCrumbs(new Date('2023-12-31T23:30:00Z'), 'instant', { ...jakarta, lang: 'en' })[2]?.name).toBe(
      'Monday, 1 January 2024',
    );
  });

  it('stops at the month when the archive has no day pages', () => {
    const crumbs = buildDateCrumbs(new Date('2022-09-06T03:30:00Z'), 'instant', { ...jakarta, days: false });
    expect(crumbs.map((crumb) => crumb.path)).toEqual(['/2022/', '/2022/09/']);
  });

  it('stops at the month for an article known only to the month', () => {
    const crumbs = buildDateCrumbs(new Date('2023-08-31T17:00:00Z'), 'month', jakarta);
    expect(crumbs).toEqual([
      { name: '2023', path: '/2023/' },
      { name: 'September 2023', label: 'September', path: '/2023/09/' },
    ]);
  });

  it('becomes a BreadcrumbList with positions and absolute items', () => {
    const list = buildBreadcrumbList(
      [
        { name: 'Beranda', path: '/' },
        { name: '2022', path: '/2022/' },
      ],
      toUrl,
    );
    expect(list).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Beranda', item: `${SITE}/` },
        { '@type': 'ListItem', position: 2, name: '2022', item: `${SITE}/2022/` },
      ],
    });
  });
});

describe('serializeJsonLd', () => {
  const hostile = { headline: 'Tag </script><script>alert(1)</script> & <!-- komentar -->\u2028baris' };

  it('cannot be closed early by text in the data', () => {
    const text = serializeJsonLd(hostile);
    expect(text).not.toMatch(/<\/script/i);
    expect(text).not.toContain('<!--');
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('reads back exactly as the data was', () => {
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
    expect(JSON.parse(serializeJsonLd(buildNewsArticle(input)))).toEqual(buildNewsArticle(input));
  });
});
