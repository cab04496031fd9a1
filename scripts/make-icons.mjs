// Draws the app icon (a chip ID card on a red tile, a yellow star) at every size electron-builder
// uses, into resources/build/. Run once after changing the design: node scripts/make-icons.mjs
// The PNGs are committed; nothing at build or run time depends on this script.
import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const RED = [179, 38, 30];
const WHITE = [255, 255, 255];
const GOLD = [255, 205, 0];
const CHIP = [201, 162, 39];
const INK = [120, 120, 120];

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

/** Five-pointed star centred at (cx, cy) with outer radius R: point-in-polygon by crossings. */
const starPoly = (cx, cy, R) =>
  Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? R * 0.382 : R;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
const inPoly = (x, y, poly) => {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const STAR = starPoly(0.33, 0.5, 0.13);

/** Colour (or null) of a point in unit coordinates. */
function shade(u, v) {
  if (!inRoundRect(u, v, 0.02, 0.02, 0.98, 0.98, 0.18)) return null;
  if (inRoundRect(u, v, 0.1, 0.24, 0.9, 0.76, 0.06)) {
    if (inPoly(u, v, STAR)) return GOLD;
    if (inRoundRect(u, v, 0.56, 0.34, 0.8, 0.5, 0.03)) return CHIP;
    for (const y of [0.58, 0.65]) if (u > 0.56 && u < 0.84 && Math.abs(v - y) < 0.018) return INK;
    return WHITE;
  }
  return RED;
}

function draw(size) {
  const png = new PNG({ width: size, height: size });
  const ss = 4; // supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let j = 0; j < ss; j++) {
        for (let i = 0; i < ss; i++) {
          const c = shade((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const k = (y * size + x) * 4;
      png.data[k] = a ? r / a : 0;
      png.data[k + 1] = a ? g / a : 0;
      png.data[k + 2] = a ? b / a : 0;
      png.data[k + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  return PNG.sync.write(png);
}

const out = new URL('../resources/build/', import.meta.url);
mkdirSync(new URL('icons/', out), { recursive: true });
for (const s of [16, 24, 32, 48, 64, 128, 256, 512]) writeFileSync(new URL(`icons/${s}x${s}.png`, out), draw(s));
writeFileSync(new URL('icon.png', out), draw(1024));
console.log('icons written to resources/build/');
