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
  // sampled from the frame's top corners, so the pad reads as plain background, not a black bar.
  ctx.fillStyle = backgroundColour(frame);
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

function backgroundColour(frame: ImageBitmap): string {
  const probe = new OffscreenCanvas(8, 1);
  const ctx = probe.getContext('2d');
  if (!ctx) return '#ccc';
  ctx.drawImage(frame, 0, 0, frame.width, Math.max(1, frame.height * 0.05), 0, 0, 8, 1);
  const d = ctx.getImageData(0, 0, 8, 1).data;
  const avg = (o: number) => Math.round(((d[o] ?? 0) + (d[o + 4] ?? 0) + (d[o + 24] ?? 0) + (d[o + 28] ?? 0)) / 4);
  return `rgb(${avg(0)}, ${avg(1)}, ${avg(2)})`;
}
