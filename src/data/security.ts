/**
 * The archive's security policy as pages and the build use it: the Content-Security-Policy for the
 * `<meta>` tag of every page and the `_headers` file written next to the pages. A feature that needs
 * more (an inline script's hash, another embed host) extends the policy here, once, and both
 * deliveries follow.
 */
import {
  createContentSecurityPolicy,
  extendPolicy,
  formatHeadersFile,
  serializePolicy,
  type ContentSecurityPolicy,
} from '../lib/syndication/content-security-policy';
import { API_PATH } from '../lib/core/routes';
import { withBase } from '../lib/core/permalinks';
import { EMBED_HOSTS } from '../markdown/rehype-embeds';
import { siteConfig } from '../site.config';

/** The policy every page of the archive is served with. */
export const contentSecurityPolicy: ContentSecurityPolicy = createContentSecurityPolicy({ frameHosts: EMBED_HOSTS });

/**
 * The policy of `npm run dev` only: Vite injects each stylesheet as an inline `<style>` and talks to
 * the page over a WebSocket for live reload, which the built site's policy forbids. Scripts stay as
 * strict as on the built site, so a script a feature inlines by mistake still fails in development.
 */
export const devContentSecurityPolicy: ContentSecurityPolicy = extendPolicy(contentSecurityPolicy, {
  'style-src': ["'unsafe-inline'"],
  'connect-src': ['ws:', 'wss:'],
});

/**
 * The policy as the content of the `<meta http-equiv="Content-Security-Policy">` tag; `dev` gives
 * the development server's policy.
 */
export function getCspMetaContent({ dev = false }: { dev?: boolean } = {}): string {
  return serializePolicy(dev ? devContentSecurityPolicy : contentSecurityPolicy, 'meta');
}

/**
 * The `_headers` file for hosts that read one: the policy as a real header (which can also forbid
 * framing), and `nosniff` so no file is ever run as a type it was not served as. With the JSON API
 * on, its files may also be read by scripts on other sites (`Access-Control-Allow-Origin: *`): they
 * are public, and a researcher's page or notebook in a browser can then fetch them.
 */
export function getHeadersFile(base: string = siteConfig.base, api: boolean = siteConfig.api): string {
  return formatHeadersFile([
    {
      path: withBase(base, '/*'),
      headers: {
        'Content-Security-Policy': serializePolicy(contentSecurityPolicy, 'header'),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
      },
    },
    ...(api ? [{ path: withBase(base, `${API_PATH}*`), headers: { 'Access-Control-Allow-Origin': '*' } }] : []),
  ]);
}
