// Converts a photo or a video into the y4m file Chromium's fake camera plays (and loops).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';

const PHOTO = new Set(['.jpg', '.jpeg', '.png', '.bmp', '.webp']);

export function isPhoto(file: string): boolean {
  return PHOTO.has(extname(file).toLowerCase());
}

export interface Y4mOptions {
  /** Seconds of video for a photo (a still looped as a video). */
  stillSeconds?: number;
  /** Extra ffmpeg filter inserted before the letterbox (e.g. "scale=iw*0.4:-2" to shrink). */
  preFilter?: string;
  /** Shrink the letterboxed picture to this fraction, padded back to 640x480 (a face far away). */
  shrink?: number;
  /** Frame rate of the file (default 30): the fake camera delivers it at this rate. */
  fps?: number;
  /** Name suffix for the cached output. */
  tag?: string;
  /** At least this many seconds of output: the source is looped (before `preFilter`) up to it. With
   *  camera noise this keeps any frame from repeating within a session: Chromium's fake camera loops a
   *  short file, and a noisy file replayed from its start repeats its frames bit for bit. */
  minSeconds?: number;
}

/** Letterboxes to 640x480 at 30 fps (or `fps`); caches by name + mtime under `cacheDir`. */
export async function toY4m(input: string, cacheDir: string, opts: Y4mOptions = {}): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  // The input's path is in the key: files of one name in different folders (attack/<type>/x.mp4) are different media.
  const key = createHash('sha256').update(JSON.stringify({ input: resolve(input), ...opts, tag: undefined })).digest('hex').slice(0, 8);
  const out = join(cacheDir, `${basename(input, extname(input))}${opts.tag ? `-${opts.tag}` : ''}-${key}.y4m`);
  if (existsSync(out) && statSync(out).mtimeMs > statSync(input).mtimeMs) return out;
  const vf = [
    opts.preFilter,
    'scale=640:480:force_original_aspect_ratio=decrease',
    'pad=640:480:(ow-iw)/2:(oh-ih)/2',
    ...(opts.shrink ? [`scale=${even(640 * opts.shrink)}:${even(480 * opts.shrink)}`, 'pad=640:480:(ow-iw)/2:(oh-ih)/2'] : []),
    `fps=${opts.fps ?? 30}`,
    'format=yuv420p',
  ].filter(Boolean).join(',');
  const still = opts.stillSeconds ?? 8;
  const pre = isPhoto(input) ? ['-loop', '1', '-t', String(Math.max(still, opts.minSeconds ?? 0))] : opts.minSeconds ? ['-stream_loop', '-1'] : [];
  const length = !isPhoto(input) && opts.minSeconds ? ['-t', String(opts.minSeconds)] : [];
  await run('ffmpeg', ['-y', '-loglevel', 'error', ...pre, '-i', input, '-an', '-vf', vf, ...length, '-f', 'yuv4mpegpipe', out]);
  return out;
}

const even = (v: number) => 2 * Math.round(v / 2);

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed (${code}): ${err}`))));
  });
}
