import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** Options for {@link rehypeEmbeds}. */
export interface RehypeEmbedsOptions {
  /** Hosts whose pages may be embedded with `<iframe>`. */
  hosts?: readonly string[];
}

/** The hosts whose players articles may embed by default; the Content-Security-Policy allows the same. */
export const EMBED_HOSTS: readonly string[] = [
  'www.youtube-nocookie.com',
  'www.youtube.com',
  'player.vimeo.com',
  'www.openstreetmap.org',
];

function allowedSource(src: unknown, hosts: readonly string[]): boolean {
  if (typeof src !== 'string') return false;
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && hosts.includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Keeps only `<iframe>` embeds from an allow-list of hosts, over https, and makes the ones kept
 * lazy, sandboxed and titled; every other iframe is removed.
 */
export function rehypeEmbeds(options: RehypeEmbedsOptions = {}) {
  const hosts = options.hosts ?? EMBED_HOSTS;
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'iframe') return;
      if (!allowedSource(node.properties['src'], hosts)) {
        if (parent && index !== undefined) {
          parent.children.splice(index, 1);
          return [SKIP, index];
        }
        return;
      }
      node.properties = {
        ...node.properties,
        loading: 'lazy',
        sandbox: ['allow-scripts', 'allow-same-origin', 'allow-presentation', 'allow-popups'],
        referrerPolicy: 'strict-origin-when-cross-origin',
        title:
          typeof node.properties['title'] === 'string' && node.properties['title'] !== ''
            ? node.properties['title']
            : 'Embedded media',
      };
      return undefined;
    });
  };
}
