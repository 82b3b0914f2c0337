/**
 * Reads what Pagefind stored for each page of a built archive's search index, so integration tests
 * can check what is searchable without a browser.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** What the index holds for one page. */
export interface IndexedPage {
  /** Site-relative URL of the page. */
  url: string;
  /** The searchable text of the page. */
  content: string;
  /** Filter values by filter name. */
  filters: Record<string, string[]>;
  /** Result metadata. */
  meta: Record<string, string>;
}

// Pagefind's files are gzip-compressed and start with this signature once decompressed.
const SIGNATURE = 'pagefind_dcd';

/** Every page in the search index of the archive built into `outDir`, sorted by URL. */
export async function readIndexedPages(outDir: string): Promise<IndexedPage[]> {
  const dir = path.join(outDir, 'pagefind', 'fragment');
  const pages = await Promise.all(
    (await readdir(dir)).map(async (file) => {
      const raw = gunzipSync(await readFile(path.join(dir, file))).toString('utf8');
      if (!raw.startsWith(SIGNATURE)) throw new Error(`${file} is not a Pagefind fragment`);
      return JSON.parse(raw.slice(SIGNATURE.length)) as IndexedPage;
    }),
  );
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}
