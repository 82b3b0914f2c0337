/**
 * `npm run sample-images`: renders the SVG drawings in `src/sample-images/` to the pictures that
 * sample articles in `content/` carry (made by us, so the samples ship no one else's photos). Run it
 * after editing a drawing and commit both; the build reads the rendered files like any editor's.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Each drawing and where its picture goes, below content/, in the format a newsroom would use.
const targets = [
  { source: 'banjir-jakarta.svg', target: '2021/02/banjir-jakarta.jpg' },
  { source: 'lrt-jabodebek.svg', target: '2023/08/lrt-jabodebek.png' },
  { source: 'antrean-tps.svg', target: '2024/02/antrean-tps.jpg' },
  { source: 'pakta-teken.svg', target: '2024/06/pakta-teken.jpg' },
] as const;

for (const { source, target } of targets) {
  const image = sharp(path.join(root, 'src', 'sample-images', source));
  const file = path.join(root, 'content', target);
  const info = await (
    target.endsWith('.png')
      ? image.png({ compressionLevel: 9, palette: true })
      : image.jpeg({ quality: 82, mozjpeg: true })
  ).toFile(file);
  console.log(`content/${target}: ${info.width}×${info.height}, ${info.size} bytes`);
}
