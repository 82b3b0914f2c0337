/**
 * `npm run new -- --title "…" [--tags a,b] [--lang id|en] [--date …] [--series "…"]
 * [--translation-of <file>]`: creates `content/YYYY/MM/<slug>.md` with complete frontmatter, prints
 * its path, and never overwrites. A translation is linked both ways (or shares the other version's
 * `story:` key), and is written only when the translation checks of `npm run check` accept it.
 */
// First: astro.config.mjs registers the site's settings before anything reads them.
import './load-settings';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readArticle, type ArticleRecord } from '../lib/content/article-file';
import { findTagNearMissProblems } from '../lib/content/tag-near-misses';
import { findTranslationProblems } from '../lib/content/translation-checks';
import { displayPath, labelFromCwd, readContentFolder, resolveContentDir } from '../files/content-folder';
import { parseArticleDate, type ArticleDate } from '../lib/core/dates';
import { addTranslationLink } from '../lib/editorial/article-writer';
import {
  createNewArticle,
  matchSeriesName,
  otherLanguage,
  translationEntry,
  type TranslationSource,
} from '../lib/editorial/new-article';
import { formatProblem, type Problem } from '../lib/core/problems';
import { languages, siteConfig, type Lang } from '../site.config';

const HELP = `Usage: npm run new -- --title "…" [--tags a,b] [--authors a,b] [--lang id|en] [--date …]
                      [--summary "…"] [--slug …] [--series "…"] [--translation-of <file>]
                      [--no-draft] [--dir <folder>]

Creates content/YYYY/MM/<slug>.md (or below WARTA_CONTENT_DIR, or --dir) with complete
frontmatter, including a summary: "" line to fill in, and prints its path. The slug comes from the title; the month folder from the date in
the site time zone (${siteConfig.timeZone}). An existing file is never overwritten.

The article starts as a draft (draft: true), shown by npm run dev and left out of npm run build;
set "draft: false" when it is ready, or pass --no-draft.

Options:
  --title <text>    headline (required)
  --tags <a,b>      tags, separated by commas
  --authors <a,b>   byline names, separated by commas
  --lang <l>        language of the article: ${languages.join(' or ')} (default ${siteConfig.defaultLang})
  --date <date>     2025-01-05, 2025-01 (month only) or 2025-01-05T14:30 (site time) or with an
                    offset (…+07:00); default: now, to the minute, in the site time zone
  --summary <text>  one or two sentences for lists and previews
  --slug <text>     URL slug, instead of one made from the title
  --series <name>   the running story it is a part of (series:); written as the archive already
                    spells that series, whatever the case or spacing given
  --translation-of <file>
                    the article (its .md file, from here or from the content folder) that this one
                    is the other language's version of: writes translations: naming it (or its
                    story: key, when it has one) and adds translations: naming the new file to it
                    when it has neither; --lang defaults to the other language
  --no-draft        create the article ready to publish
  --dir <path>      create it below this folder instead of the content folder
  -h, --help        show this help`;

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    allowNegative: true,
    options: {
      title: { type: 'string' },
      tags: { type: 'string' },
      authors: { type: 'string' },
      lang: { type: 'string' },
      date: { type: 'string' },
      summary: { type: 'string' },
      slug: { type: 'string' },
      series: { type: 'string' },
      'translation-of': { type: 'string' },
      draft: { type: 'boolean', default: true },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!values.title || values.title.trim() === '')
    throw new Error('--title is required, e.g. --title "Banjir di Jakarta"');
  if (values.series !== undefined && values.series.trim() === '')
    throw new Error('--series needs the name of the series, e.g. --series "Korea Utara–Rusia"');
  const { timeZone } = siteConfig;
  const dir = values.dir ? path.resolve(values.dir) : resolveContentDir();
  const label = labelFromCwd(dir);
  const readOptions = { timeZone, defaultLang: siteConfig.defaultLang };
  // The folder's articles, for the series' spelling and the translation checks.
  const folder =
    values.series !== undefined || values['translation-of'] !== undefined
      ? await readContentFolder(dir, { ...readOptions, label })
      : undefined;
  const other = values['translation-of'] === undefined ? undefined : await readOther(values['translation-of'], dir);

  const lang = (values.lang ??
    (other && otherLanguage(other.record.frontmatter.lang, languages)) ??
    siteConfig.defaultLang) as Lang;
  if (!languages.includes(lang)) throw new Error(`--lang must be one of: ${languages.join(', ')}`);
  if (other && other.record.frontmatter.lang === lang) {
    throw new Error(
      `--lang ${lang} is the language of ${label(other.record.file)} itself; its other version is in another language`,
    );
  }

  let date: ArticleDate;
  if (values.date === undefined) {
    const now = new Date();
    // To the minute: seconds in a dateline are noise.
    now.setUTCSeconds(0, 0);
    date = { date: now, precision: 'instant' };
  } else {
    const parsed = parseArticleDate(values.date, timeZone);
    if (!parsed.ok) throw new Error(`--date ${parsed.reason}`);
    date = parsed.value;
  }

  const article = createNewArticle({
    title: values.title,
    date,
    timeZone,
    lang,
    tags: list(values.tags),
    authors: list(values.authors),
    ...(values.summary === undefined ? {} : { summary: values.summary }),
    ...(values.slug === undefined ? {} : { slug: values.slug }),
    ...(values.series === undefined
      ? {}
      : { series: matchSeriesName(values.series, seriesNames(folder?.articles ?? [])) }),
    ...(other ? { translationOf: other.source } : {}),
    draft: values.draft,
  });
  if (article.slug === '') throw new Error('the title has no letters or digits to make a URL slug from; pass --slug');

  // The new file must pass the build's own validation before it is written.
  const checked = readArticle(article.file, article.text, { timeZone, defaultLang: siteConfig.defaultLang });
  if (checked.problems.length > 0) {
    for (const problem of checked.problems) console.error(formatProblem(problem));
    return 1;
  }

  // The other version names the new one too, unless it already has links or a story key.
  const linked =
    other && other.source.story === undefined
      ? addTranslationLink(other.text, translationEntry(other.record.file, article.file))
      : undefined;
  if (folder && checked.article) {
    const otherRecord =
      linked === undefined ? other?.record : readArticle(other!.record.file, linked, readOptions).article;
    const records = [
      ...folder.articles.filter((record) => record.file !== other?.record.file && record.file !== article.file),
      ...(otherRecord ? [otherRecord] : []),
      checked.article,
    ];
    const concerned = new Set([label(article.file), ...(other ? [label(other.record.file)] : [])]);
    const problems: Problem[] = [
      ...findTranslationProblems(records, { label, files: [...folder.files, article.file] }),
      ...findTagNearMissProblems(records, label, 'series'),
    ].filter((problem) => concerned.has(problem.file));
    for (const problem of problems) console.error(formatProblem(problem));
    if (problems.some((problem) => problem.severity === 'error')) {
      console.error('new: nothing written; the new version would break the story above');
      return 1;
    }
  }

  const target = path.join(dir, article.file);
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(target, article.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${displayPath(target)} already exists; choose another title or pass --slug`, {
        cause: error,
      });
    }
    throw error;
  }
  console.log(displayPath(target));
  if (other && linked !== undefined) {
    await writeFile(other.path, linked);
    console.error(
      `Linked from ${label(other.record.file)} (translations: ${translationEntry(other.record.file, article.file)})`,
    );
  } else if (other) {
    console.error(
      `${label(other.record.file)} left as it is: it ${other.source.story === undefined ? 'names its versions already' : `shares story: ${other.source.story}`}, and one side of a link is enough`,
    );
  }
  console.error(
    `Permalink: ${checked.article?.permalink}${values.draft ? ' (draft: set "draft: false" to publish)' : ''}`,
  );
  return 0;
}

function seriesNames(articles: readonly ArticleRecord[]): string[] {
  return articles.flatMap((record) => (record.frontmatter.series === undefined ? [] : [record.frontmatter.series]));
}

/** Reads the article named by --translation-of: a path from here, or from the content folder. */
async function readOther(
  written: string,
  dir: string,
): Promise<{ path: string; text: string; record: ArticleRecord; source: TranslationSource }> {
  const candidates = [path.resolve(written), path.resolve(dir, written.replace(/^\/+/, ''))];
  for (const candidate of candidates) {
    const file = path.relative(dir, candidate).split(path.sep).join('/');
    if (file.startsWith('..') || path.isAbsolute(file)) continue;
    let text: string;
    try {
      text = await readFile(candidate, 'utf8');
    } catch {
      continue;
    }
    const read = readArticle(file, text, { timeZone: siteConfig.timeZone, defaultLang: siteConfig.defaultLang });
    if (!read.article) {
      for (const problem of read.problems) console.error(formatProblem({ ...problem, file: displayPath(candidate) }));
      throw new Error(`--translation-of ${written}: fix the problems of that article first`);
    }
    const { frontmatter } = read.article;
    return {
      path: candidate,
      text,
      record: read.article,
      source: { file, lang: frontmatter.lang, story: frontmatter.story, translations: frontmatter.translations },
    };
  }
  throw new Error(
    `--translation-of ${written}: no article file there, from here or from the content folder (${displayPath(dir)}); give the path of its .md file`,
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`new: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
