/**
 * Redirects from the old paths of articles (their `aliases`) to their permalinks: a small HTML page
 * at each old path for any static host (meta refresh, canonical link, `noindex`, and a link a reader
 * can follow), and a `_redirects` file for hosts that read one (Netlify, Cloudflare Pages).
 */
import type { Lang } from '../../site.config';
import { t } from '../../i18n/ui';
import { withBase } from '../core/permalinks';

/** What a redirect needs to know about the article it points to. */
export interface RedirectedArticle {
  /** Headline, shown in the link. */
  title: string;
  /** Language of the article, for the redirect page's text. */
  lang: Lang;
  /** Site-relative permalink. */
  permalink: string;
  /** Old site-relative paths. */
  aliases: readonly string[];
}

/** One redirect from an old path to an article. */
export interface Redirect {
  /** The old site-relative path (`/lama/123/`, `/news/old.html`), decoded. */
  from: string;
  /** The article's site-relative permalink. */
  to: string;
  /** The article's headline. */
  title: string;
  /** The article's language. */
  lang: Lang;
}

/** Lists the redirects of a set of articles, sorted by old path. */
export function listRedirects(articles: readonly RedirectedArticle[]): Redirect[] {
  return articles
    .flatMap((article) =>
      article.aliases.map((from) => ({ from, to: article.permalink, title: article.title, lang: article.lang })),
    )
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The file, relative to the output folder, that serves an old path: `lama/123/index.html` or `news/old.html`. */
export function redirectFilePath(from: string): string {
  const relative = from.replace(/^\/+/, '');
  return from.endsWith('/') ? `${relative}index.html` : relative;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

/** Where the site is served: its origin and base path. */
export interface SiteLocation {
  /** Absolute origin, e.g. `https://arsip.example.org`. */
  site: string;
  /** Base path, `/` or e.g. `/arsip/`. */
  base: string;
}

/** The HTML page served at an old path, sending readers and search engines on to the article. */
export function renderRedirectPage(redirect: Redirect, location: SiteLocation): string {
  const target = encodeURI(withBase(location.base, redirect.to));
  const canonical = new URL(target, location.site).href;
  const title = escapeHtml(redirect.title);
  return `<!doctype html>
<html lang="${redirect.lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(t(redirect.lang, 'redirectTitle'))}: ${title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeHtml(canonical)}">
<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">
</head>
<body>
<p>${escapeHtml(t(redirect.lang, 'redirectText'))} <a href="${escapeHtml(target)}">${title}</a>.</p>
</body>
</html>
`;
}

/** The `_redirects` file: one permanent (301) redirect per line, paths with the base path applied. */
export function renderRedirectsFile(redirects: readonly Redirect[], base: string): string {
  const lines = redirects.map(
    (redirect) => `${encodeURI(withBase(base, redirect.from))} ${encodeURI(withBase(base, redirect.to))} 301`,
  );
  return `# Old article paths (frontmatter "aliases"), written by the build.\n${lines.join('\n')}\n`;
}

/**
 * The redirect that serves a requested path (with the site's base path, still %-encoded) in
 * `npm run dev`, matching as a static host would: the old path itself, or it without the trailing
 * slash of an old folder path (`/lama/123` for `/lama/123/`).
 */
export function findRedirect(redirects: readonly Redirect[], requestPath: string, base: string): Redirect | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split(/[?#]/, 1)[0] ?? '');
  } catch {
    return undefined;
  }
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  if (!decoded.startsWith(`${prefix}/`)) return undefined;
  const sitePath = decoded.slice(prefix.length);
  return redirects.find((redirect) => redirect.from === sitePath || redirect.from === `${sitePath}/`);
}
