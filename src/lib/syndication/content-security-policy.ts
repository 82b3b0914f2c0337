/**
 * The archive's Content-Security-Policy, defined once and written two ways: as a `<meta>` tag in
 * every page and as a header in the `_headers` file static hosts read. The policy lets a page run
 * only script files from the archive itself, so even markup that slipped past the sanitizer could
 * not run an inline script, an event handler or a `javascript:` link.
 */
/** A policy: each directive with its sources, e.g. `{ 'script-src': ["'self'"] }`. */
export type ContentSecurityPolicy = Readonly<Record<string, readonly string[]>>;

/** What the archive's policy depends on. */
export interface PolicyOptions {
  /** Hosts of the players articles may embed (`rehypeEmbeds` keeps only these). */
  frameHosts: readonly string[];
}

/**
 * The archive's policy. Scripts, styles, fonts and data come from the archive's own origin only;
 * there is no `'unsafe-inline'` anywhere, so inline scripts, event-handler attributes, `javascript:`
 * URLs, `<style>` elements and `style` attributes are all refused by the browser.
 */
export function createContentSecurityPolicy({ frameHosts }: PolicyOptions): ContentSecurityPolicy {
  return {
    'default-src': ["'self'"],
    // Pagefind compiles its search engine from WebAssembly, which needs 'wasm-unsafe-eval' (it
    // allows compiling WebAssembly only, not JavaScript's eval).
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'style-src': ["'self'"],
    // Articles show images from anywhere on the web, as the sanitizer allows (http and https only).
    'img-src': ["'self'", 'https:', 'http:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'frame-src': frameHosts.map((host) => `https://${host}`),
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    // Header only (browsers ignore it in a meta tag): no other site may frame the archive's pages.
    'frame-ancestors': ["'self'"],
  };
}

/** Adds sources to a policy's directives (the development server's inline styles, an image host). */
export function extendPolicy(
  policy: ContentSecurityPolicy,
  additions: Readonly<Record<string, readonly string[]>>,
): ContentSecurityPolicy {
  const merged: Record<string, readonly string[]> = { ...policy };
  for (const [directive, sources] of Object.entries(additions)) {
    merged[directive] = [...new Set([...(merged[directive] ?? []), ...sources])];
  }
  return merged;
}

// Directives a policy delivered in a <meta> element may not carry (the browser ignores them there
// and warns in the console), per the CSP specification.
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

/** Writes a policy as the value of a header (`header`) or of a `<meta http-equiv>` tag (`meta`). */
export function serializePolicy(policy: ContentSecurityPolicy, delivery: 'header' | 'meta'): string {
  return (
    Object.entries(policy)
      .filter(([directive]) => delivery === 'header' || !HEADER_ONLY_DIRECTIVES.has(directive))
      // A directive without sources allows nothing, which the policy language spells 'none'.
      .map(([directive, sources]) => `${directive} ${sources.length > 0 ? sources.join(' ') : "'none'"}`)
      .join('; ')
  );
}

/** One rule of a `_headers` file: a path pattern and the headers sent for it. */
export interface HeaderRule {
  /** Path pattern, e.g. `/*` or `/arsip/*`. */
  path: string;
  /** Header names and values. */
  headers: Readonly<Record<string, string>>;
}

/**
 * Writes the `_headers` file that Netlify and Cloudflare Pages read: each path pattern on a line of
 * its own, its headers indented below it.
 */
export function formatHeadersFile(rules: readonly HeaderRule[]): string {
  return rules
    .map(({ path, headers }) =>
      [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
    )
    .join('\n\n')
    .concat('\n');
}
