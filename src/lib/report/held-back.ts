/**
 * The build's note on what it did not publish: how many drafts and scheduled articles it held
 * back, so an editor who misses an article in `dist/` knows why.
 */

/** Says how many drafts and scheduled articles a build held back, and how to publish the latter. */
export function formatHeldBack(drafts: number, scheduled: number, includeFuture: boolean): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `held back ${plural(drafts, 'draft')} and ${plural(scheduled, 'scheduled article')}`;
  if (includeFuture) return `${summary}; articles dated in the future are published (WARTA_INCLUDE_FUTURE=1)`;
  return scheduled > 0 ? `${summary}; WARTA_INCLUDE_FUTURE=1 publishes scheduled articles now` : summary;
}
