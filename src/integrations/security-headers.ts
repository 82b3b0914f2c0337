/**
 * Writes the `_headers` file (Content-Security-Policy and friends, see `src/data/security.ts`) into
 * the finished output, after any `_headers` copied from `public/`, which is kept.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getHeadersFile } from '../data/security';

/** The integration that writes `_headers`. */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'warta:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const file = fileURLToPath(new URL('_headers', dir));
        const existing = await readFile(file, 'utf8').catch(() => '');
        const separator = existing === '' ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
        await writeFile(file, `${existing}${separator}${getHeadersFile()}`);
        logger.info('_headers written with the Content-Security-Policy');
      },
    },
  };
}
