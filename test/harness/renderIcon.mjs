// Renders media/icon.svg to media/icon.png (the marketplace icon, 128×128, transparent corners)
// with Debian's Chromium. Run it after editing the SVG: node test/harness/renderIcon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';

const SIZE = 128;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = path.join(root, 'media', 'icon.svg');
const target = path.join(root, 'media', 'icon.png');

const svg = fs.readFileSync(source, 'utf8');
const browser = await launchBrowser();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: SIZE, height: SIZE });
  // The SVG is sized by CSS so the PNG is exactly SIZE pixels whatever its width/height attributes say.
  await page.setContent(`<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent;overflow:hidden}svg{display:block;width:${SIZE}px;height:${SIZE}px}</style></head><body>${svg}</body></html>`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
  // Check the PNG header: IHDR width and height are big-endian at bytes 16 and 20.
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width !== SIZE || height !== SIZE) throw new Error(`expected ${SIZE}×${SIZE}, got ${width}×${height}`);
  fs.writeFileSync(target, png);
  console.log(`wrote ${path.relative(root, target)} (${width}×${height}, ${png.length} bytes)`);
} finally {
  await browser.close();
}
