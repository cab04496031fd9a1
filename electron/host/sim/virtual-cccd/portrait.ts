/**
 * The virtual citizen's portrait: a synthetic face-like picture with texture, so its JPEG is about
 * the size of a real CCCD portrait (~20 KB at 240x320) and DG2 takes as many APDUs to read as on
 * a real card. Deterministic (seeded noise), so a card's SOD is reproducible within a run.
 */
import jpeg from 'jpeg-js';

function texturedPixels(width: number, height: number, seed: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  let s = seed >>> 0 || 1;
  const noise = () => {
    // xorshift32: cheap, deterministic, good enough to defeat JPEG's smooth-area savings.
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) % 48) - 24;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x - width / 2) / (width * 0.3);
      const dy = (y - height * 0.45) / (height * 0.36);
      const face = dx * dx + dy * dy < 1;
      const base = face ? [214, 176, 150] : [200, 205, 215];
      const n = noise();
      const o = (y * width + x) * 4;
      rgba.set([(base[0] ?? 0) + n, (base[1] ?? 0) + n, (base[2] ?? 0) + n, 255], o);
    }
  }
  return rgba;
}

export interface Portrait {
  bytes: Uint8Array;
  width: number;
  height: number;
}

export function makePortraitJpeg(width = 240, height = 320, seed = 1990, quality = 75): Portrait {
  const data = texturedPixels(width, height, seed);
  return { bytes: new Uint8Array(jpeg.encode({ width, height, data }, quality).data), width, height };
}
