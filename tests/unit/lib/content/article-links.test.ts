import { fromMarkdown } from 'mdast-util-from-markdown';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { mapArticleFileLinks, resolveMarkdownFileLink, splitLink } from '../../../../src/lib/content/article-links';
import { remarkArticleLinks } from '../../../../src/markdown/remark-article-links';

describe('splitLink', () => {
  it('separates the path from a query or fragment', () => {
    expect(splitLink('a.md#latar')).toEqual({ path: 'a.md', suffix: '#latar' });
    expect(splitLink('/x/?q=1#y')).toEqual({ path: '/x/', suffix: '?q=1#y' });
    expect(splitLink('a.md')).toEqual({ path: 'a.md', suffix: '' });
  });
});

describe('resolveMarkdownFileLink', () => {
  it('resolves a relative .md link against the linking file', () => {
    expect(resolveMarkdownFileLink('2023/01/a.md', 'b.md')).toBe('2023/01/b.md');
    expect(resolveMarkdownFileLink('2023/01/a.md', '../../2022/09/korut.md#latar')).toBe('2022/09/korut.md');
    expect(resolveMarkdownFileLink('2023/01/a.md', './sub%20dir/c.md')).toBe('2023/01/sub dir/c.md');
  });

  it('ignores site paths, addresses, other files and links that leave the content folder', () => {
    expect(resolveMarkdownFileLink('2023/01/a.md', '/2023/01/05/b/')).toBeUndefined();
    expect(resolveMarkdownFileLink('2023/01/a.md', 'https://example.org/b.md')).toBeUndefined();
    expect(resolveMarkdownFileLink('2023/01/a.md', 'peta.png')).toBeUndefined();
    expect(resolveMarkdownFileLink('a.md', '../luar.md')).toBeUndefined();
  });
});

describe('mapArticleFileLinks', () => {
  it('maps each .md link of a body to the linked article address, leaving unknown files out', () => {
    const addresses = new Map([['2023/01/b.md', '/arsip/2023/01/05/b/']]);
    const body = 'Lihat [b](b.md#kutipan), [lagi][r] dan [hilang](c.md).\n\n[r]: ./b.md';
    expect(mapArticleFileLinks('2023/01/a.md', body, (file) => addresses.get(file))).toEqual({
      'b.md': '/arsip/2023/01/05/b/',
      './b.md': '/arsip/2023/01/05/b/',
    });
  });
});

describe('remarkArticleLinks', () => {
  // Astro hands the plugin the frontmatter the loader wrote in the file's data.
  function render(markdown: string, articleLinks?: Record<string, string>): string {
    const tree = fromMarkdown(markdown);
    const file = new VFile({ value: markdown, data: articleLinks ? { astro: { frontmatter: { articleLinks } } } : {} });
    remarkArticleLinks()(tree, file);
    return toMarkdown(tree);
  }

  it('puts the article address in place of the file, keeping the fragment', () => {
    expect(render('[b](b.md#kutipan) [c](c.md) [r][r]\n\n[r]: b.md\n', { 'b.md': '/2023/01/05/b/' })).toBe(
      '[b](/2023/01/05/b/#kutipan) [c](c.md) [r][r]\n\n[r]: /2023/01/05/b/\n',
    );
  });

  it('leaves every link alone when the loader sent no map', () => {
    expect(render('[b](b.md)\n')).toBe('[b](b.md)\n');
  });
});
