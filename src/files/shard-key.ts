/**
 * The key of a shard's inputs (`npm run -s build -- --shard-key i/n`), for a CI cache that restores a
 * shard's output instead of building it when none of its inputs changed. A shard's pages show every
 * article's frontmatter (listings, related articles, feeds), its own articles' bodies, and the bodies
 * that full-text feeds carry, which every shard writes (src/lib/core/shards.ts); the key is a digest
 * of exactly those, the pictures of the content folder, the settings and the build clock. The
 * code, dependencies and public/ are the workflow's to add (hashFiles).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { publishedArticles } from '../lib/content/publishing';
import { resolveBuildTime } from '../lib/core/build-time';
import { planShardsOfArticles, type Shard } from '../lib/core/shards';
import { sortNewestFirst } from '../lib/archive/sorting';
import { readBuildSettings } from '../integrations/build-context';
import { siteConfig } from '../site.config';
import { readContentFolder, resolveContentDir } from './content-folder';

// Bumped when what a shard's pages are made of changes in a way the inputs below do not show.
const KEY_FORMAT = '1';

/** The hex digest of everything shard `shard` of a build of the content folder is made from. */
export async function shardKey(shard: Shard, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const directory = resolveContentDir(env);
  const settings = readBuildSettings(env);
  const folder = await readContentFolder(directory, {
    defaultLang: siteConfig.defaultLang,
    timeZone: siteConfig.timeZone,
  });
  const now = resolveBuildTime(env);
  const published = publishedArticles(folder.articles, { now, includeFuture: settings.includeFuture });
  const plan = planShardsOfArticles(published, shard.count, {
    timeZone: siteConfig.timeZone,
    partPages: settings.searchPartPages,
  });
  // Bodies every shard shows: those of the full-text feeds' newest articles, or all of them.
  const shown = new Set<string>();
  if (siteConfig.tagFeedContent === 'full') for (const data of published) shown.add(data.permalink);
  else if (siteConfig.feedContent === 'full') {
    for (const data of sortNewestFirst(published).slice(0, siteConfig.feedItems)) shown.add(data.permalink);
  }
  const hash = createHash('sha256');
  const add = (label: string, text: string | Buffer) => hash.update(`${label}\0`).update(text).update('\0');
  add('format', KEY_FORMAT);
  add('shard', `${shard.index}/${shard.count}`);
  add('settings', JSON.stringify(siteConfig));
  add('build', JSON.stringify({ ...settings, now: now.toISOString() }));
  add('parts', JSON.stringify(plan.parts[shard.index - 1] ?? []));
  for (const article of folder.articles) {
    add('file', article.file);
    add('frontmatter', JSON.stringify(article.frontmatter));
    const owner = plan.articleShard.get(article.permalink) ?? 1;
    if (owner === shard.index || shown.has(article.permalink)) add('body', article.body);
  }
  // Pictures next to the articles (their copies are made by the shard that shows them).
  const pictures = (await glob(['**/*', '!**/*.md'], { cwd: directory, onlyFiles: true })).sort();
  for (const file of pictures) add(`picture ${file}`, await readFile(path.join(directory, file)));
  return hash.digest('hex');
}
