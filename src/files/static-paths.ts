/**
 * The site paths of a project's fixed pages (`src/pages/about.astro` → `/about/`) and public files
 * (`public/favicon.svg` → `/favicon.svg`), read from disk so that `npm run check` knows them as
 * link targets without building the site.
 */
import path from 'node:path';
import { glob } from 'tinyglobby';

const PAGE_EXTENSIONS = /\.(astro|md|mdx|html|ts|js)$/;

/** Turns a file below `src/pages/` into the site path it is served at, or `undefined` for a dynamic route. */
export function pagePathFromFile(file: string): string | undefined {
  // Dynamic routes ([slug]) stand for many paths, and "_" files are private to Astro.
  if (file.includes('[') || file.split('/').some((part) => part.startsWith('_'))) return undefined;
  const match = PAGE_EXTENSIONS.exec(file);
  if (!match) return undefined;
  const stem = file.slice(0, -match[0].length);
  // An endpoint keeps its own extension (`rss.xml.ts` → `/rss.xml`); a page is a folder.
  if (match[1] === 'ts' || match[1] === 'js') return /\.[a-z0-9]+$/i.test(stem) ? `/${stem}` : undefined;
  const folder = stem === 'index' ? '' : stem.endsWith('/index') ? stem.slice(0, -'index'.length) : `${stem}/`;
  return `/${folder}`;
}

/** Lists the site paths of the fixed pages in `<root>/src/pages` and the files in `<root>/public`. */
export async function listStaticPaths(root: string): Promise<string[]> {
  const [pages, publicFiles] = await Promise.all([
    glob('**/*', { cwd: path.join(root, 'src', 'pages'), onlyFiles: true }),
    glob('**/*', { cwd: path.join(root, 'public'), onlyFiles: true, dot: true }),
  ]);
  const paths = pages.map(pagePathFromFile).filter((p): p is string => p !== undefined);
  return [...paths, ...publicFiles.map((file) => `/${file}`)].sort();
}
