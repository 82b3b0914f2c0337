/**
 * Checks of the language versions of stories, for `npm run check` and the build alike: a
 * `translations:` entry that names no article file, the article itself, or an article in the same
 * language; and links or `story:` keys that join two versions in one language into one story (A
 * names B, B names C); and, as warnings, a version that is still a draft and a `story:` key no other
 * article has. Every problem names the file, line and field, and how to fix it.
 */
import path from 'node:path';
import type { Lang } from '../../site.config';
import type { Problem } from '../core/problems';
import type { ArticleRecord } from './article-file';
import { groupLanguageVersions, resolveTranslationPath, storyKey } from './translations';

/** Options for {@link findTranslationProblems}. */
export interface TranslationCheckOptions {
  /** How problems name an article file, given its path below the content folder. */
  label: (file: string) => string;
  /** Every Markdown file of the folder, readable or not, so a link to a broken one says so. */
  files?: readonly string[];
}

// Languages are named in English, as every other message of `npm run check` is written.
const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { id: 'Indonesian', en: 'English' };

/** One `translations:` entry that names another article in another language. */
interface Link {
  from: ArticleRecord;
  to: ArticleRecord;
  index: number;
}

/** Finds every problem with the `translations:` and `story:` fields of a folder's articles. */
export function findTranslationProblems(
  articles: readonly ArticleRecord[],
  options: TranslationCheckOptions,
): Problem[] {
  const { label } = options;
  const allFiles = new Set(options.files ?? articles.map((article) => article.file));
  const byFile = new Map(articles.map((article) => [article.file, article]));
  const problems: Problem[] = [];
  const links: Link[] = [];

  for (const article of articles) {
    article.frontmatter.translations.forEach((written, index) => {
      const report = (message: string) =>
        problems.push({
          file: label(article.file),
          line: article.lineOf(['translations', index]) ?? 1,
          field: 'translations',
          message: `${written} ${message}`,
          severity: 'error',
        });
      const target = resolveTranslationPath(article.file, written);
      const linked = target === undefined ? undefined : byFile.get(target);
      if (target === undefined) {
        report(
          'points outside the content folder; give the path of the other version from the content folder, starting with "/" (e.g. /2022/09/story.md)',
        );
      } else if (target === article.file) {
        report('is this article itself; name the file of its version in the other language');
      } else if (!linked) {
        report(
          allFiles.has(target)
            ? `points to ${label(target)}, which has errors of its own; the versions are paired once they are fixed`
            : `points to no article file (looked for ${label(target)})${suggestPath(article.file, written, allFiles)}`,
        );
      } else if (linked.frontmatter.lang === article.frontmatter.lang) {
        const language = LANGUAGE_NAMES[article.frontmatter.lang];
        report(
          `(${label(target)}) is in ${language} too (lang: ${article.frontmatter.lang}); a translation is the same story in another language: correct "lang:" in the one that is not ${language}, or remove this entry`,
        );
      } else {
        links.push({ from: article, to: linked, index });
        // A draft that names a draft is fine: they are likely to be published together.
        if (linked.frontmatter.draft && !article.frontmatter.draft) {
          problems.push({
            file: label(article.file),
            line: article.lineOf(['translations', index]) ?? 1,
            field: 'translations',
            message: `${written} is a draft (${label(target)}); the two versions are linked once it is published`,
            severity: 'warning',
          });
        }
      }
    });
  }

  problems.push(...findLonelyStories(articles, label));
  problems.push(...findConflictingStories(articles, links, label));
  return problems;
}

/** A hint for a path that names no file: the same path from the content folder, or a file of that name. */
function suggestPath(fromFile: string, written: string, files: ReadonlySet<string>): string {
  const bare = written.trim().replace(/^\.\//, '');
  if (!bare.startsWith('/') && files.has(path.posix.normalize(bare))) {
    return `; a path from the content folder starts with "/": /${path.posix.normalize(bare)}`;
  }
  const name = path.posix.basename(bare);
  const sameName = [...files].filter((file) => path.posix.basename(file) === name);
  if (sameName.length === 1) {
    return `; did you mean ${path.posix.relative(path.posix.dirname(fromFile), sameName[0]!)}?`;
  }
  return '; give the path of the other version relative to this file, or from the content folder starting with "/"';
}

/** Warns about a `story:` key no other article has: most likely a misspelt key, or a version not written yet. */
function findLonelyStories(articles: readonly ArticleRecord[], label: (file: string) => string): Problem[] {
  const counts = new Map<string, number>();
  for (const article of articles) {
    const story = article.frontmatter.story;
    if (story !== undefined) counts.set(storyKey(story), (counts.get(storyKey(story)) ?? 0) + 1);
  }
  return articles
    .filter((article) => article.frontmatter.story !== undefined)
    .filter((article) => counts.get(storyKey(article.frontmatter.story!)) === 1)
    .map((article) => ({
      file: label(article.file),
      line: article.lineOf(['story']) ?? 1,
      field: 'story',
      message: `no other article has story "${article.frontmatter.story!}"; check that its other version spells the key the same way`,
      severity: 'warning' as const,
    }));
}

/**
 * Finds stories that the links and keys join with two versions in one language, and reports it in
 * every article whose `translations:` or `story:` takes part, with the links that join them, so the
 * editor can tell which one is wrong.
 */
function findConflictingStories(
  articles: readonly ArticleRecord[],
  links: readonly Link[],
  label: (file: string) => string,
): Problem[] {
  const linksFrom = new Map<string, string[]>();
  for (const link of links) {
    linksFrom.set(link.from.file, [...(linksFrom.get(link.from.file) ?? []), link.to.file]);
  }
  const versioned = articles.map((article) => ({
    file: article.file,
    lang: article.frontmatter.lang,
    article,
    translations: linksFrom.get(article.file) ?? [],
    story: article.frontmatter.story,
  }));
  const groups = new Set(groupLanguageVersions(versioned).values());
  const problems: Problem[] = [];
  for (const group of groups) {
    const byLang = new Map<Lang, typeof group>();
    for (const member of group) byLang.set(member.lang, [...(byLang.get(member.lang) ?? []), member]);
    const doubled = [...byLang.entries()].filter(([, members]) => members.length > 1);
    if (doubled.length === 0) continue;
    const clash = doubled
      .map(
        ([lang, members]) =>
          `${members.length} ${LANGUAGE_NAMES[lang]} versions (${members.map((m) => label(m.file)).join(', ')})`,
      )
      .join(' and ');
    const how = describeJoins(group, label);
    for (const member of group) {
      const firstLink = links.find((link) => link.from === member.article);
      const key = member.story === undefined ? undefined : storyKey(member.story);
      const hasStory = group.some((m) => m !== member && m.story !== undefined && storyKey(m.story) === key);
      if (!firstLink && !hasStory) continue;
      problems.push({
        file: label(member.file),
        line: (firstLink ? member.article.lineOf(['translations', firstLink.index]) : member.article.lineOf(['story'])) ?? 1,
        field: firstLink ? 'translations' : 'story',
        message: `joins this article into one story with ${clash}: ${how}; a story has one version per language, so correct or remove the link or key that joins the wrong article`,
        severity: 'error',
      });
    }
  }
  return problems;
}

/** Says how the members of a story are joined: `a.md names b.md; a.md and c.md share story "x"`. */
function describeJoins(
  group: readonly { file: string; translations: readonly string[]; story?: string | undefined }[],
  label: (file: string) => string,
): string {
  const parts: string[] = [];
  for (const member of group) {
    for (const target of member.translations) parts.push(`${label(member.file)} names ${label(target)}`);
  }
  const byStory = new Map<string, { story: string; files: string[] }>();
  for (const member of group) {
    if (member.story === undefined) continue;
    const entry = byStory.get(storyKey(member.story)) ?? { story: member.story, files: [] };
    entry.files.push(label(member.file));
    byStory.set(storyKey(member.story), entry);
  }
  for (const { story, files } of byStory.values()) {
    if (files.length > 1) parts.push(`${files.join(', ')} share story "${story}"`);
  }
  return parts.join('; ');
}
