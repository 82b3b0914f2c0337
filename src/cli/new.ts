/**
 * `npm run new -- --title "…" [--tags a,b] [--lang id|en] [--date …]`: creates
 * `content/YYYY/MM/<slug>.md` with complete frontmatter, prints its path, and never overwrites.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readArticle } from '../lib/content/article-file';
import { displayPath, resolveContentDir } from '../files/content-folder';
import { parseArticleDate, type ArticleDate } from '../lib/core/dates';
import { createNewArticle } from '../lib/editorial/new-article';
import { formatProblem } from '../lib/core/problems';
import { languages, siteConfig, type Lang } from '../site.config';

const HELP = `Usage: npm run new -- --title "…" [--tags a,b] [--authors a,b] [--lang id|en] [--date …]
                      [--summary "…"] [--slug …] [--no-draft] [--dir <folder>]

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
  const lang = (values.lang ?? siteConfig.defaultLang) as Lang;
  if (!languages.includes(lang)) throw new Error(`--lang must be one of: ${languages.join(', ')}`);

  const { timeZone } = siteConfig;
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
    draft: values.draft,
  });
  if (article.slug === '') throw new Error('the title has no letters or digits to make a URL slug from; pass --slug');

  // The new file must pass the build's own validation before it is written.
  const checked = readArticle(article.file, article.text, { timeZone, defaultLang: siteConfig.defaultLang });
  if (checked.problems.length > 0) {
    for (const problem of checked.problems) console.error(formatProblem(problem));
    return 1;
  }

  const dir = values.dir ? path.resolve(values.dir) : resolveContentDir();
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
  console.error(
    `Permalink: ${checked.article?.permalink}${values.draft ? ' (draft: set "draft: false" to publish)' : ''}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`new: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
