import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { formatHeldBack } from '../../../../src/lib/report/held-back';
import {
  findRedirect,
  listRedirects,
  redirectFilePath,
  renderRedirectPage,
  renderRedirectsFile,
} from '../../../../src/lib/syndication/redirects';

const redirects = listRedirects([
  {
    title: 'Banjir <Jakarta> & "Bogor"',
    lang: 'id',
    permalink: '/2024/01/02/banjir/',
    aliases: ['/lama/9/', '/a.html'],
  },
  { title: '東京', lang: 'en', permalink: '/2024/01/03/東京/', aliases: ['/旧/'] },
]);

describe('listRedirects', () => {
  it('lists every alias of every article, sorted by old path', () => {
    expect(redirects.map((r) => [r.from, r.to])).toEqual([
      ['/a.html', '/2024/01/02/banjir/'],
      ['/lama/9/', '/2024/01/02/banjir/'],
      ['/旧/', '/2024/01/03/東京/'],
    ]);
  });
});

describe('redirectFilePath', () => {
  it('serves a folder path from its index.html and a file path from the file itself', () => {
    expect(redirectFilePath('/lama/9/')).toBe('lama/9/index.html');
    expect(redirectFilePath('/news/old.html')).toBe('news/old.html');
  });
});

describe('renderRedirectPage', () => {
  it('sends readers on at once, names the canonical page, keeps itself out of search engines, and links the article', () => {
    const html = renderRedirectPage(redirects[1]!, { site: 'https://arsip.example.org', base: '/arsip/' });
    const { document } = parseHTML(html);
    expect(document.documentElement.getAttribute('lang')).toBe('id');
    expect(document.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
      '0; url=/arsip/2024/01/02/banjir/',
    );
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://arsip.example.org/arsip/2024/01/02/banjir/',
    );
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    const link = document.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/arsip/2024/01/02/banjir/');
    expect(link?.textContent).toBe('Banjir <Jakarta> & "Bogor"');
    expect(document.querySelector('title')?.textContent).toBe('Halaman dipindahkan: Banjir <Jakarta> & "Bogor"');
  });

  it('encodes a permalink in another script', () => {
    const { document } = parseHTML(renderRedirectPage(redirects[2]!, { site: 'https://x.org', base: '/' }));
    expect(document.querySelector('a')?.getAttribute('href')).toBe('/2024/01/03/%E6%9D%B1%E4%BA%AC/');
    expect(document.querySelector('p')?.textContent).toBe('This article has moved to 東京.');
  });
});

describe('renderRedirectsFile', () => {
  it('writes one permanent redirect a line, with the base path applied', () => {
    expect(renderRedirectsFile(redirects, '/arsip/').split('\n').slice(1)).toEqual([
      '/arsip/a.html /arsip/2024/01/02/banjir/ 301',
      '/arsip/lama/9/ /arsip/2024/01/02/banjir/ 301',
      '/arsip/%E6%97%A7/ /arsip/2024/01/03/%E6%9D%B1%E4%BA%AC/ 301',
      '',
    ]);
  });
});

describe('formatHeldBack', () => {
  it('says how many drafts and scheduled articles a build left out', () => {
    expect(formatHeldBack(1, 2, false)).toBe(
      'held back 1 draft and 2 scheduled articles; WARTA_INCLUDE_FUTURE=1 publishes scheduled articles now',
    );
    expect(formatHeldBack(2, 0, false)).toBe('held back 2 drafts and 0 scheduled articles');
    expect(formatHeldBack(0, 0, true)).toBe(
      'held back 0 drafts and 0 scheduled articles; articles dated in the future are published (WARTA_INCLUDE_FUTURE=1)',
    );
  });
});

describe('findRedirect', () => {
  const oldPaths = listRedirects([
    { title: 'Banjir', lang: 'id', permalink: '/2022/09/06/banjir/', aliases: ['/lama/123/', '/berita/banjir.html'] },
  ]);

  it('finds the old path as a static host serves it: itself, or a folder path without its slash', () => {
    expect(findRedirect(oldPaths, '/lama/123/', '/')?.to).toBe('/2022/09/06/banjir/');
    expect(findRedirect(oldPaths, '/lama/123?utm=x', '/')?.to).toBe('/2022/09/06/banjir/');
    expect(findRedirect(oldPaths, '/berita/banjir.html', '/')?.to).toBe('/2022/09/06/banjir/');
    expect(findRedirect(oldPaths, '/berita/banjir.html/', '/')).toBeUndefined();
    expect(findRedirect(oldPaths, '/lama/1234/', '/')).toBeUndefined();
  });

  it('reads the path below the base path, %-decoded', () => {
    const spaced = listRedirects([{ title: 'A', lang: 'id', permalink: '/a/', aliases: ['/lama/ä/'] }]);
    expect(findRedirect(spaced, '/arsip/lama/%C3%A4/', '/arsip/')?.to).toBe('/a/');
    expect(findRedirect(spaced, '/lama/%C3%A4/', '/arsip/')).toBeUndefined();
    expect(findRedirect(spaced, '/lama/%E0%A4%A/', '/')).toBeUndefined();
  });
});
