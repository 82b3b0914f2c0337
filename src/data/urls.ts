/**
 * Site URLs with the base path applied, for links in pages and components.
 */
import { withBase } from '../lib/permalinks';

/** Turns a site-relative path (`/2022/09/`) into a link that works under the configured base path. */
export function url(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}
