/**
 * Entries of the `articles` collection as `getCollection` returns them, for unit tests of
 * src/data that replace `astro:content` with a mock.
 */
import type { ArticleEntry } from '../../src/data/articles';

/** What a test says about an entry; everything else gets a plain default. */
export interface EntryDraft {
  /** Headline; the id by default. */
  title?: string;
  /** Day of January 2024 the article is dated (in UTC); the 1st by default. */
  day?: number;
  /** Tags as written. */
  tags?: string[];
  /** Authors as written. */
  authors?: string[];
  /** Digest of the entry, which stands for its body; `body-<id>` by default. */
  digest?: string;
  /** Whether it is a draft. */
  draft?: boolean;
}

/** An article entry with the id `id`, dated in January 2024. */
export function articleEntry(id: string, draft: EntryDraft = {}): ArticleEntry {
  const { title = id, day = 1, tags = [], authors = [], digest = `body-${id}` } = draft;
  return {
    id,
    collection: 'articles',
    digest,
    data: {
      title,
      date: new Date(Date.UTC(2024, 0, day)),
      datePrecision: 'day',
      tags,
      authors,
      lang: 'id',
      draft: draft.draft ?? false,
      slug: id,
      permalink: `/2024/01/${String(day).padStart(2, '0')}/${id}/`,
      aliases: [],
      corrections: [],
    },
  } as unknown as ArticleEntry;
}
