import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { rehypeAbsoluteUrls, rehypeBasePath } from '../../../src/markdown/index';

function run(html: string, transform: (tree: ReturnType<typeof fromHtml>) => void): string {
  const tree = fromHtml(html, { fragment: true });
  transform(tree);
  return toHtml(tree);
}

const links =
  '<a href="/2022/09/06/a/">a</a><a href="//cdn.example/x">b</a><a href="lain/">c</a><a href="#f">d</a>' +
  '<a href="https://example.org/x">e</a><img src="/img/a.png" srcset="/img/a.png 1x, b.png 2x" alt="">';

describe('rehypeBasePath', () => {
  it('puts the base path before site paths and leaves every other address alone', () => {
    expect(run(links, rehypeBasePath({ base: '/arsip/' }))).toBe(
      '<a href="/arsip/2022/09/06/a/">a</a><a href="//cdn.example/x">b</a><a href="lain/">c</a><a href="#f">d</a>' +
        '<a href="https://example.org/x">e</a><img src="/arsip/img/a.png" srcset="/arsip/img/a.png 1x, b.png 2x" alt="">',
    );
  });

  it('changes nothing at the root', () => {
    expect(run(links, rehypeBasePath({ base: '/' }))).toBe(run(links, () => undefined));
  });

  it('is in the pipeline every article goes through', async () => {
    const { rehypePlugins } = await import('../../../src/markdown/index');
    expect(rehypePlugins.some((plugin) => Array.isArray(plugin) && plugin[0] === rehypeBasePath)).toBe(true);
  });
});

describe('rehypeAbsoluteUrls', () => {
  it('resolves every address against the page it came from', () => {
    const html = run(links, rehypeAbsoluteUrls({ baseUrl: 'https://example.org/arsip/2022/09/06/a/' }));
    expect(html).toBe(
      '<a href="https://example.org/2022/09/06/a/">a</a><a href="https://cdn.example/x">b</a>' +
        '<a href="https://example.org/arsip/2022/09/06/a/lain/">c</a><a href="https://example.org/arsip/2022/09/06/a/#f">d</a>' +
        '<a href="https://example.org/x">e</a><img src="https://example.org/img/a.png" srcset="https://example.org/img/a.png 1x, https://example.org/arsip/2022/09/06/a/b.png 2x" alt="">',
    );
  });

  it('leaves an address the URL parser refuses as it was', () => {
    expect(run('<a href="http://[bad">x</a>', rehypeAbsoluteUrls({ baseUrl: 'https://example.org/' }))).toBe(
      '<a href="http://[bad">x</a>',
    );
  });
});
