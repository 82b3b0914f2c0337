/**
 * The newsroom's tag mappings (`tagMappings` of `warta({ … })`) applied to an article's tags: the
 * term index, the search filters, the front page's topics and the cache keys all read the tags of
 * an article through here, so a mapped topic is one entry everywhere.
 */
import { createTopicResolver } from '../lib/core/tags';
import { siteConfig } from '../site.config';

let resolve: ((tag: string) => string) | undefined;

/** The topic a tag belongs to: `Economy` → `Ekonomi / Economy` when mapped, any other tag as it is. */
export function getTopic(tag: string): string {
  resolve ??= createTopicResolver(siteConfig.tagMappings);
  return resolve(tag);
}

/** The topics of a list of tags, in order, each once. */
export function getTopics(tags: readonly string[]): string[] {
  return [...new Set(tags.map(getTopic))];
}
