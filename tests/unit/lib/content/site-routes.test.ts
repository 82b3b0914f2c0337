import { describe, expect, it } from 'vitest';
import { sectionPath } from '../../../../src/lib/core/routes';
import { createSiteRoutes, type RoutedArticle } from '../../../../src/lib/content/site-routes';

function article(permalink: string, extra: Partial<RoutedArticle> = {}): RoutedArticle {
  return { permalink, precision: 'day', tags: [], authors: [], aliases: [], ...extra };
}

const articles = [
  article('/2022/09/06/korut/', { tags: ['Korea Utara'], authors: ['Rina Hartono'] }),
  article('/2022/09/07/rusia/', { tags: ['korea utara', 'Rusia'], aliases: ['/lama/1/'] }),
  article('/2022/10/arsip/', { precision: 'month' }),
];
const routes = createSiteRoutes(articles, { pageSize: 2, staticPaths: ['/tentang/'] });

describe('createSiteRoutes', () => {
  it('knows articles, fixed pages and redirects', () => {
    expect(routes.find('/2022/09/06/korut/')).toBe('article');
    expect(routes.find('/tentang/')).toBe('static');
    expect(routes.find('/lama/1/')).toBe('alias');
    expect(routes.find('/2022/09/06/tidak-ada/')).toBeUndefined();
  });

  it('knows the listings the URL design promises, for periods and terms that have articles', () => {
    for (const path of ['/', '/archive/', '/tags/', '/authors/', '/search/', '/2022/', '/2022/09/', '/2022/10/']) {
      expect(routes.find(path), path).toBe('listing');
    }
    expect(routes.find('/2022/09/06/')).toBe('listing');
    expect(routes.find('/tags/korea-utara/')).toBe('listing');
    expect(routes.find('/authors/rina-hartono/')).toBe('listing');
    expect(routes.find('/2021/')).toBeUndefined();
    expect(routes.find('/2022/10/01/')).toBeUndefined();
    expect(routes.find('/tags/jepang/')).toBeUndefined();
  });

  it('knows how many pages a listing has, and that page 1 is the listing itself', () => {
    expect(routes.find('/page/2/')).toBe('listing');
    expect(routes.find('/page/3/')).toBeUndefined();
    expect(routes.find('/page/1/')).toBeUndefined();
    expect(routes.find('/tags/korea-utara/page/2/')).toBeUndefined();
  });

  it('knows no day or author listing when the archive turns those pages off', () => {
    const lean = createSiteRoutes(articles, { pageSize: 2, pages: { dayArchives: false, authorPages: false } });
    expect(lean.find('/2022/09/06/')).toBeUndefined();
    expect(lean.find('/authors/')).toBeUndefined();
    expect(lean.find('/authors/rina-hartono/')).toBeUndefined();
    expect(lean.find('/2022/09/')).toBe('listing');
    expect(lean.find('/tags/korea-utara/')).toBe('listing');
    expect(lean.find('/2022/09/06/korut/')).toBe('article');
  });

  it('pages tag and author listings at <slug>/N/, as the tag and author routes do', () => {
    const small = createSiteRoutes(articles, { pageSize: 1 });
    expect(small.find('/tags/korea-utara/2/')).toBe('listing');
    expect(small.find('/tags/korea-utara/3/')).toBeUndefined();
    expect(small.find('/tags/korea-utara/page/2/')).toBeUndefined();
    expect(small.find('/authors/rina-hartono/2/')).toBeUndefined();
  });

  it('puts a real page before a redirect at the same path', () => {
    const clash = createSiteRoutes([article('/2022/09/06/a/', { aliases: ['/tags/'] })], { pageSize: 10 });
    expect(clash.find('/tags/')).toBe('listing');
  });
});

describe('createSiteRoutes with sections', () => {
  const withSections = createSiteRoutes(articles, {
    pageSize: 1,
    sections: [
      { slug: 'asia', tags: ['Korea Utara'] },
      { slug: 'kosong', tags: ['Jepang'] },
    ],
  });

  it('knows each section page and its later pages at <slug>/N/, as the section routes do', () => {
    expect(withSections.find(sectionPath('asia'))).toBe('listing');
    expect(withSections.find(sectionPath('asia', 2))).toBe('listing');
    expect(withSections.find(sectionPath('asia', 3))).toBeUndefined();
    expect(withSections.find('/sections/asia/page/2/')).toBeUndefined();
    // A configured section without articles still has its (empty) first page.
    expect(withSections.find(sectionPath('kosong'))).toBe('listing');
    expect(withSections.find(sectionPath('lain'))).toBeUndefined();
  });
});
