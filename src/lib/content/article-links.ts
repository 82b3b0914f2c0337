/**
 * Links between articles written as relative paths to their Markdown files (`[kemarin](tetangga.md)`,
 * `[x](../08/korut.md#latar)`), the way editors link files in Git: which article file such a link
 * names, and the permalinks the build puts in their place.
 */
import path from 'node:path';
import { findMarkdownReferences } from './markdown-references';

/** A link split into its path and what follows it (`?query`, `#fragment`), e.g. `a.md` + `#latar`. */
export function splitLink(url: string): { path: string; suffix: string } {
  const index = url.search(/[?#]/);
  return index === -1 ? { path: url, suffix: '' } : { path: url.slice(0, index), suffix: url.slice(index) };
}

/**
 * The article file (a path below the content folder) that a relative `.md` link in `fromFile`
 * names, or `undefined` when the link is not a relative Markdown link or leaves the content folder.
 */
export function resolveMarkdownFileLink(fromFile: string, url: string): string | undefined {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(url)) return undefined;
  let target: string;
  try {
    target = decodeURIComponent(splitLink(url).path);
  } catch {
    return undefined;
  }
  if (!/\.md$/i.test(target)) return undefined;
  const file = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), target));
  return file.startsWith('../') ? undefined : file;
}

const MAY_NAME_MARKDOWN_FILE = /\.md|%[0-9a-f]{2}/i;

/**
 * Maps each relative `.md` link path in an article body (as written) to the address that replaces
 * it: the linked article's permalink, as `addressOf` gives it. Links to no known article are left out.
 */
export function mapArticleFileLinks(
  file: string,
  body: string,
  addressOf: (articleFile: string) => string | undefined,
): Record<string, string> {
  const links: Record<string, string> = {};
  // Only a body that writes ".md", or escapes a character that could spell it, can link a file;
  // most bodies are not parsed at all.
  if (!MAY_NAME_MARKDOWN_FILE.test(body)) return links;
  for (const reference of findMarkdownReferences(body)) {
    if (reference.kind !== 'link') continue;
    const target = resolveMarkdownFileLink(file, reference.url);
    const address = target === undefined ? undefined : addressOf(target);
    if (address !== undefined) links[splitLink(reference.url).path] = address;
  }
  return links;
}
