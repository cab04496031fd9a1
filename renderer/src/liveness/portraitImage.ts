// Renders the ICAO token portrait (480x640 JPEG) from a captured frame.
import type { FaceObservation } from './types';
import { icaoCrop, PORTRAIT_H, PORTRAIT_W } from './crop';

export const PORTRAIT_JPEG_QUALITY = 0.92;

export async function renderPortrait(frame: ImageBitmap, face: FaceObservation): Promise<Blob> {
  const c = icaoCrop(face);
  const canvas = new OffscreenCanvas(PORTRAIT_W, PORTRAIT_H);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas context unavailable');
  // Where the crop runs past the frame (headroom, shoulders) fill with the background colour
  // sampled along the frame's top edge above the head, so the pad reads as background, not a bar.
  const x0 = Math.max(0, c.cx - c.w / 2);
  const x1 = Math.min(frame.width, c.cx + c.w / 2);
  ctx.fillStyle = backgroundColour(frame, x0, Math.max(x0 + 1, x1));
  ctx.fillRect(0, 0, PORTRAIT_W, PORTRAIT_H);
  ctx.imageSmoothingQuality = 'high';
  // Output pixel p maps to source point: centre + R(angle) * (p - outCentre) * scale.
  ctx.translate(PORTRAIT_W / 2, PORTRAIT_H / 2);
  ctx.scale(1 / c.scale, 1 / c.scale);
  ctx.rotate(-c.angle);
  ctx.translate(-c.cx, -c.cy);
  ctx.drawImage(frame, 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: PORTRAIT_JPEG_QUALITY });
}

function backgroundColour(frame: ImageBitmap, x0: number, x1: number): string {
  const probe = new OffscreenCanvas(8, 1);
  const ctx = probe.getContext('2d');
  if (!ctx) return '#ccc';
  ctx.drawImage(frame, x0, 0, x1 - x0, Math.max(1, frame.height * 0.04), 0, 0, 8, 1);
  const d = ctx.getImageData(0, 0, 8, 1).data;
  const avg = (o: number) => Math.round([0, 1, 2, 3, 4, 5, 6, 7].reduce((a, i) => a + (d[i * 4 + o] ?? 0), 0) / 8);
  return `rgb(${avg(0)}, ${avg(1)}, ${avg(2)})`;
}
