import { describe, expect, it } from 'vitest';
import {
  buildPreviewMeta,
  resolveImageUrl,
  type MetaTag,
  type PreviewInput,
} from '../../../../src/lib/syndication/page-meta';

const page: PreviewInput = {
  siteName: 'Warta',
  title: 'Korea Utara Jual Peluru',
  description: 'Ringkasan.',
  url: 'https://example.org/arsip/2022/09/06/korut/',
  lang: 'id',
  image: { url: 'https://example.org/arsip/social-card.png', alt: 'Warta', width: 1200, height: 630 },
  timeZone: 'Asia/Jakarta',
};

function content(tags: MetaTag[], key: string): string[] {
  return tags.filter((tag) => ('property' in tag ? tag.property : tag.name) === key).map((tag) => tag.content);
}

describe('buildPreviewMeta', () => {
  it('gives Open Graph and Twitter card tags for any page', () => {
    const tags = buildPreviewMeta(page);
    expect(content(tags, 'og:type')).toEqual(['website']);
    expect(content(tags, 'og:title')).toEqual([page.title]);
    expect(content(tags, 'og:description')).toEqual(['Ringkasan.']);
    expect(content(tags, 'og:url')).toEqual([page.url]);
    expect(content(tags, 'og:site_name')).toEqual(['Warta']);
    expect(content(tags, 'og:locale')).toEqual(['id_ID']);
    expect(content(tags, 'og:image')).toEqual([page.image.url]);
    expect(content(tags, 'og:image:width')).toEqual(['1200']);
    expect(content(tags, 'og:image:height')).toEqual(['630']);
    expect(content(tags, 'twitter:card')).toEqual(['summary_large_image']);
    expect(content(tags, 'twitter:image')).toEqual([page.image.url]);
    expect(content(tags, 'twitter:image:alt')).toEqual(['Warta']);
    expect(content(tags, 'article:published_time')).toEqual([]);
  });

  it('marks an article page with its dates (site offset) and tags', () => {
    const tags = buildPreviewMeta({
      ...page,
      lang: 'en',
      article: {
        published: new Date('2022-09-06T03:30:00Z'),
        modified: new Date('2022-09-07T17:00:00Z'),
        tags: ['Korea Utara', 'Rusia'],
      },
    });
    expect(content(tags, 'og:type')).toEqual(['article']);
    expect(content(tags, 'og:locale')).toEqual(['en_GB']);
    expect(content(tags, 'article:published_time')).toEqual(['2022-09-06T10:30:00+07:00']);
    expect(content(tags, 'article:modified_time')).toEqual(['2022-09-08T00:00:00+07:00']);
    expect(content(tags, 'article:tag')).toEqual(['Korea Utara', 'Rusia']);
  });

  it('gives no og:url to a page without a canonical address, and no size for an image of unknown size', () => {
    const tags = buildPreviewMeta({ ...page, url: undefined, image: { url: 'https://cdn.example/x.jpg', alt: 'X' } });
    expect(content(tags, 'og:url')).toEqual([]);
    expect(content(tags, 'og:image:width')).toEqual([]);
  });
});

describe('resolveImageUrl', () => {
  it('resolves an image next to the article against the article address', () => {
    expect(resolveImageUrl('foto.jpg', 'https://example.org/arsip/2022/09/06/korut/')).toBe(
      'https://example.org/arsip/2022/09/06/korut/foto.jpg',
    );
  });

  it('keeps a full address', () => {
    expect(resolveImageUrl('https://cdn.example/x.jpg', 'https://example.org/arsip/')).toBe(
      'https://cdn.example/x.jpg',
    );
  });
});
