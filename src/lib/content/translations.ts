/**
 * Language versions of one story: which article files an article names as its versions in other
 * languages (`translations:`, paths of Markdown files), and which articles belong together, by those
 * links and by a shared `story:` key. One link is enough: if A names B, B is A's version too.
 */
import path from 'node:path';
import type { Lang } from '../../site.config';
import { tagKey } from '../core/tags';

/**
 * The article file (a path below the content folder) that a `translations:` entry of `fromFile`
 * names: relative to the article's own file, as a Markdown link is (`korut-en.md`,
 * `../../2022/09/korut-en.md`), or from the content folder when it starts with `/`
 * (`/2022/09/korut-en.md`). `undefined` when the path leaves the content folder.
 */
export function resolveTranslationPath(fromFile: string, written: string): string | undefined {
  const target = written.trim().replaceAll('\\', '/');
  const joined = target.startsWith('/')
    ? path.posix.normalize(target.slice(1))
    : path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), target));
  return joined === '..' || joined.startsWith('../') || joined.startsWith('/') ? undefined : joined;
}

/** What grouping language versions needs to know of an article. */
export interface VersionedArticle {
  /** Path of the file below the content folder, e.g. `2022/09/korut.md`. */
  file: string;
  /** Language of the article. */
  lang: Lang;
  /** Files it names as its versions, already resolved with {@link resolveTranslationPath}. */
  translations?: readonly string[] | undefined;
  /** Its story key, as written. */
  story?: string | undefined;
}

/** The key a `story:` value is matched by: case and spacing do not count, as with tags. */
export function storyKey(story: string): string {
  return tagKey(story);
}

/**
 * Groups articles into stories: each article's group holds every article joined to it by a
 * `translations:` link in either direction or by an equal `story:` key, itself included, in the
 * order of `articles`. Links to files not among `articles` are ignored. Articles with no link share
 * no group (they are left out of the map).
 */
export function groupLanguageVersions<T extends VersionedArticle>(articles: readonly T[]): Map<string, T[]> {
  const byFile = new Map(articles.map((article) => [article.file, article]));
  // Union-find over files: each file points towards its group's first file.
  const parent = new Map<string, string>();
  const find = (file: string): string => {
    let root = file;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(file, root);
    return root;
  };
  const join = (a: string, b: string) => {
    const [rootA, rootB] = [find(a), find(b)];
    if (rootA !== rootB) parent.set(rootB, rootA);
  };
  const storyOwners = new Map<string, string>();
  for (const article of articles) {
    for (const target of article.translations ?? []) {
      if (byFile.has(target) && target !== article.file) join(article.file, target);
    }
    if (article.story !== undefined) {
      const key = storyKey(article.story);
      const owner = storyOwners.get(key);
      if (owner === undefined) storyOwners.set(key, article.file);
      else join(owner, article.file);
    }
  }
  const groups = new Map<string, T[]>();
  for (const article of articles) {
    if (!parent.has(article.file)) continue;
    const root = find(article.file);
    const group = groups.get(root) ?? [];
    group.push(article);
    groups.set(root, group);
  }
  const byMember = new Map<string, T[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const article of group) byMember.set(article.file, group);
  }
  return byMember;
}

/**
 * The other-language versions of `article` among `articles`, in the order of `languages`: its group
 * without itself, one per language. A group that holds two versions in one language (which
 * `npm run check` and the build reject) gives the first of them.
 */
export function findLanguageVersions<T extends VersionedArticle>(
  article: VersionedArticle,
  groups: ReadonlyMap<string, readonly T[]>,
  languages: readonly Lang[],
): T[] {
  const group = groups.get(article.file) ?? [];
  return languages
    .filter((lang) => lang !== article.lang)
    .map((lang) => group.find((member) => member.lang === lang))
    .filter((member): member is T => member !== undefined);
}
