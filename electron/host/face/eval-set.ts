/**
 * Pairs for the face comparison's evaluation and tests, made from the shared faces folder
 * (../shared/faces: four talking-head videos and three photos of named people). Chip-like
 * portraits are an ID-style 3:4 crop, downscaled and recompressed as a card holds them (JPEG at
 * 300×400 q50 and 180×240 q35; JPEG 2000 at 300×400 turned into the PNG the store keeps — about
 * 3.8 bit/pixel: this OpenJPEG build's rate settings have no effect, so that variant tests the
 * J2K → PNG path, not heavy J2K compression); live-like portraits are other frames letterboxed to 640×480 and saved as JPEG, as the
 * portrait step does. Frames are extracted with ffmpeg.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { decodeJ2kToPng } from '../card/icao/lds/dg2-image';
import { openJpeg } from '../card/icao/lds/openjpeg';
import { decodePortrait, fitWithin, type RgbImage } from './decode';

export const DEFAULT_FACES_DIR = new URL('../../../../shared/faces', import.meta.url).pathname;

export type ChipVariant = 'jpeg300' | 'jpeg180' | 'j2k300';
export const CHIP_VARIANTS: readonly ChipVariant[] = ['jpeg300', 'jpeg180', 'j2k300'];

export interface Sample {
  /** Who is pictured (one name per person). */
  person: string;
  /** Where it came from, e.g. "video/liveportrait_d3.mp4@2.0s". */
  source: string;
  bytes: Uint8Array;
}

/** Identities: the videos (one person each) and the photos. */
const VIDEOS: Record<string, string> = {
  aoc: 'video/WDA_AlexandriaOcasioCortez_000.mp4',
  hill: 'video/WDA_KatieHill_000.mp4',
  d3: 'video/liveportrait_d3.mp4',
  d12: 'video/liveportrait_d12.mp4',
};
/** The chip's frame, then the live frames (seconds): none the same. */
const CHIP_AT = 0.5;
const LIVE_AT = [2, 3.5, 5, 6.5];

/** One video frame (or a photo) as JPEG bytes, letterboxed to 640×480 like the camera's picture. */
export function liveFrame(file: string, at: number | null): Uint8Array {
  const seek = at === null ? [] : ['-ss', String(at)];
  return new Uint8Array(
    execFileSync('ffmpeg', ['-v', 'error', ...seek, '-i', file, '-frames:v', '1', '-vf', 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2', '-q:v', '3', '-f', 'image2pipe', '-vcodec', 'mjpeg', '-'], { maxBuffer: 20e6 }),
  );
}

function rawFrame(file: string, at: number): RgbImage {
  const bytes = execFileSync('ffmpeg', ['-v', 'error', '-ss', String(at), '-i', file, '-frames:v', '1', '-q:v', '2', '-f', 'image2pipe', '-vcodec', 'mjpeg', '-'], { maxBuffer: 20e6 });
  return decodePortrait(new Uint8Array(bytes));
}

/** The centred 3:4 crop an ID photo has (the whole height of a square frame, or the whole width of a tall photo). */
function idCrop(img: RgbImage): RgbImage {
  const w = Math.min(img.width, Math.round((img.height * 3) / 4));
  const h = Math.min(img.height, Math.round((w * 4) / 3));
  const x0 = Math.floor((img.width - w) / 2);
  const y0 = Math.floor((img.height - h) / 2);
  const rgb = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) rgb.set(img.rgb.subarray(((y0 + y) * img.width + x0) * 3, ((y0 + y) * img.width + x0 + w) * 3), y * w * 3);
  return { width: w, height: h, rgb };
}

function encodeJpeg(img: RgbImage, quality: number): Uint8Array {
  const rgba = new Uint8Array(img.width * img.height * 4);
  for (let i = 0; i < img.width * img.height; i++) rgba.set([img.rgb[i * 3]!, img.rgb[i * 3 + 1]!, img.rgb[i * 3 + 2]!, 255], i * 4);
  return new Uint8Array(jpeg.encode({ width: img.width, height: img.height, data: rgba }, quality).data);
}

/** JPEG 2000 (about 3.8 bits per pixel: the encoder's rate settings do not take), then the PNG the store keeps for it. */
async function j2kAsStored(img: RgbImage): Promise<Uint8Array> {
  const oj = await openJpeg();
  const enc = new oj.J2KEncoder();
  try {
    enc.getDecodedBuffer({ width: img.width, height: img.height, bitsPerSample: 8, componentCount: 3, isSigned: false, isUsingColorTransform: true }).set(img.rgb);
    enc.setDecompositions(5);
    enc.setQuality(false, 18);
    enc.encode();
    return (await decodeJ2kToPng(new Uint8Array(enc.getEncodedBuffer()))).bytes;
  } finally {
    enc.delete?.();
  }
}

/** A chip-like portrait of a picture in one of the variants. */
export async function chipVersion(img: RgbImage, variant: ChipVariant): Promise<Uint8Array> {
  const crop = idCrop(img);
  if (variant === 'jpeg300') return encodeJpeg(fitWithin(crop, 400), 50);
  if (variant === 'jpeg180') return encodeJpeg(fitWithin(crop, 240), 35);
  return j2kAsStored(fitWithin(crop, 400));
}

export interface EvalSet {
  chips: Array<Sample & { variant: ChipVariant }>;
  lives: Sample[];
}

/** Every chip-like and live-like sample the folder gives. */
export async function buildEvalSet(dir = DEFAULT_FACES_DIR, variants: readonly ChipVariant[] = CHIP_VARIANTS): Promise<EvalSet> {
  if (!existsSync(dir)) throw new Error(`no faces folder at ${dir}`);
  const chips: EvalSet['chips'] = [];
  const lives: Sample[] = [];
  for (const [person, rel] of Object.entries(VIDEOS)) {
    const file = join(dir, rel);
    const still = rawFrame(file, CHIP_AT);
    for (const variant of variants) chips.push({ person, source: `${rel}@${CHIP_AT}s`, variant, bytes: await chipVersion(still, variant) });
    for (const at of LIVE_AT) lives.push({ person, source: `${rel}@${at}s`, bytes: liveFrame(file, at) });
  }
  // Photos: Obama's official portrait is the chip, the small crop the live one; Biden's portrait is
  // a chip and (as another's live face) an impostor; the printed photo in a hand is one more person.
  const photo = (f: string) => join(dir, 'photos', f);
  const obama = decodePortrait(readFileSync(photo('obama.jpg')));
  const biden = decodePortrait(readFileSync(photo('biden2.jpg')));
  for (const variant of variants) {
    chips.push({ person: 'obama', source: 'photos/obama.jpg', variant, bytes: await chipVersion(obama, variant) });
    chips.push({ person: 'biden', source: 'photos/biden2.jpg', variant, bytes: await chipVersion(biden, variant) });
  }
  lives.push({ person: 'obama', source: 'photos/obama_small.jpg', bytes: liveFrame(photo('obama_small.jpg'), null) });
  lives.push({ person: 'biden', source: 'photos/biden2.jpg', bytes: liveFrame(photo('biden2.jpg'), null) });
  lives.push({ person: 's11', source: 'photos/liveportrait_s11_printed_photo_in_hand.jpg', bytes: liveFrame(photo('liveportrait_s11_printed_photo_in_hand.jpg'), null) });
  return { chips, lives };
}
