/**
 * Renders the console's app icons (admin/public/icons/*.png: 192 and 512 px, and a maskable 512 px whose picture sits
 * inside the 80% safe zone on a full-bleed background) from admin/public/icons/capaian.svg with Chromium, offline.
 * Run once after changing the SVG: `CHROMIUM_PATH=/usr/bin/chromium npx tsx scripts/render-icons.ts`; the PNGs are
 * committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const DIR = join(__dirname, '..', 'admin', 'public', 'icons');

async function main() {
  const svg = readFileSync(join(DIR, 'capaian.svg'), 'utf8');
  const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const icons: { file: string; size: number; maskable?: boolean }[] = [
      { file: 'icon-192.png', size: 192 },
      { file: 'icon-512.png', size: 512 },
      { file: 'icon-maskable-512.png', size: 512, maskable: true },
      { file: 'apple-touch-icon.png', size: 180, maskable: true },
    ];
    for (const { file, size, maskable } of icons) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      // Maskable: the theme blue to every edge, the picture shrunk to 80% so that any mask keeps it whole.
      const inner = maskable ? Math.round(size * 0.8) : size;
      await page.setContent(
        `<html><body style="margin:0;width:${size}px;height:${size}px;display:flex;align-items:center;` +
          `justify-content:center;background:${maskable ? '#1d4f91' : 'transparent'}">` +
          `<img src="${data}" width="${inner}" height="${inner}"></body></html>`,
      );
      await page.locator('img').evaluate((img: any) => img.decode());
      const png = await page.screenshot({ omitBackground: !maskable, type: 'png' });
      writeFileSync(join(DIR, file), png);
      console.log(`${file}: ${size} × ${size}, ${png.length} bytes`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
