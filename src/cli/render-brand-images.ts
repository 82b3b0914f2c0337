/**
 * `npm run brand`: renders the SVG sources in `src/brand/` to the PNG files in `public/` that link
 * previews (`social-card.png`) and structured data (`logo.png`) point at. Run it after editing an
 * SVG and commit both; the build only copies the PNGs.
 */
// First: astro.config.mjs registers the site's settings before anything reads them.
import './load-settings';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { siteConfig, type SiteImage } from '../site.config';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function render(source: string, image: SiteImage): Promise<void> {
  const target = path.join(root, 'public', image.path);
  await mkdir(path.dirname(target), { recursive: true });
  // Link previews and search engines do not read SVG, so the images ship as PNG at their exact size.
  const info = await sharp(path.join(root, 'src', 'brand', source))
    .resize(image.width, image.height)
    .png({ compressionLevel: 9 })
    .toFile(target);
  console.log(`${path.relative(root, target)}: ${info.width}×${info.height}, ${info.size} bytes`);
}

await render('social-card.svg', siteConfig.socialImage);
await render('logo.svg', siteConfig.logo);
