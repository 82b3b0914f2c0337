/**
 * Finds what could run code in a reader's browser in built HTML: script elements that are not
 * data or bundled files, event-handler attributes, `javascript:`/`vbscript:`/`data:` addresses,
 * `srcdoc`, refresh redirects, inline styles and plugin or base elements. Tests over the hostile
 * fixture assert that every page, feed entry and structured-data block yields nothing.
 */
import { parseHTML } from 'linkedom';

/** What `findScriptRisks` needs to know about the site. */
export interface SafetyOptions {
  /** Hosts a page may frame (the embed allow-list). */
  frameHosts: readonly string[];
  /** Path prefix of the bundled script and style files, e.g. `/_astro/`. */
  assetPrefix?: string;
  /** The site's own script files outside the bundle, e.g. `/theme.js` (the theme switch). */
  siteScripts?: readonly string[];
}

// Attributes that hold an address a browser may navigate to, load or submit to.
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'cite'];

/** Whether an address would run script or carry a whole document (`javascript:`, `data:`, …). */
export function isDangerousUrl(value: string): boolean {
  // Browsers drop ASCII whitespace and control characters anywhere in a scheme before reading it.
  // eslint-disable-next-line no-control-regex -- control characters are what browsers drop here
  const squeezed = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /^(javascript|vbscript|data|livescript):/.test(squeezed);
}

function describe(element: Element): string {
  const html = element.outerHTML;
  return html.length > 120 ? `${html.slice(0, 120)}…` : html;
}

/** Lists every risky element or attribute in an HTML document or fragment; empty when the page is safe. */
export function findScriptRisks(html: string, options: SafetyOptions): string[] {
  const assetPrefix = options.assetPrefix ?? '/_astro/';
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`);
  const risks: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'script') {
      const type = (element.getAttribute('type') ?? '').trim().toLowerCase();
      const src = element.getAttribute('src');
      if (type === 'application/ld+json') {
        const text = element.textContent ?? '';
        if (/<\/script|<!--/i.test(text)) risks.push(`structured data that can end its element: ${describe(element)}`);
        try {
          JSON.parse(text);
        } catch {
          risks.push(`structured data that is not JSON: ${describe(element)}`);
        }
      } else if (src === null || !(src.startsWith(assetPrefix) || (options.siteScripts ?? []).includes(src))) {
        risks.push(`script: ${describe(element)}`);
      }
    }
    if (['style', 'object', 'embed', 'applet', 'base', 'frameset', 'frame'].includes(tag)) {
      risks.push(`<${tag}> element: ${describe(element)}`);
    }
    if (tag === 'meta') {
      const equiv = (element.getAttribute('http-equiv') ?? '').toLowerCase();
      if (equiv !== '' && equiv !== 'content-security-policy') risks.push(`meta http-equiv: ${describe(element)}`);
    }
    if (tag === 'link' && /stylesheet|import|preload|modulepreload/i.test(element.getAttribute('rel') ?? '')) {
      const href = element.getAttribute('href') ?? '';
      if (!href.startsWith(assetPrefix)) risks.push(`stylesheet or preload from elsewhere: ${describe(element)}`);
    }
    if (tag === 'iframe') {
      let host: string;
      try {
        const url = new URL(element.getAttribute('src') ?? '');
        host = url.protocol === 'https:' ? url.hostname : '';
      } catch {
        host = '';
      }
      if (!options.frameHosts.includes(host)) risks.push(`iframe outside the embed allow-list: ${describe(element)}`);
    }
    for (const { name, value } of [...element.attributes]) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith('on')) risks.push(`event handler ${attribute}: ${describe(element)}`);
      if (attribute === 'srcdoc') risks.push(`srcdoc: ${describe(element)}`);
      if (attribute === 'style') risks.push(`style attribute: ${describe(element)}`);
      if (URL_ATTRIBUTES.includes(attribute) && isDangerousUrl(value)) {
        risks.push(`${attribute}="${value.slice(0, 40)}": ${describe(element)}`);
      }
      if (attribute === 'srcset' && value.split(',').some((candidate) => isDangerousUrl(candidate.trim()))) {
        risks.push(`srcset with a script address: ${describe(element)}`);
      }
    }
  }
  return risks;
}
