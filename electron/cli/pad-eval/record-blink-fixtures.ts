// Records the eye-closure time series (eyeBlinkLeft/Right, yaw) of the shared clips, EVERY source
// frame, through the real pipeline, for the blink detector's unit tests (renderer/src/liveness/
// blink.test.ts decimates them to 15, 12 and 10 fps). On a loaded machine Chromium's fake camera
// skips frames, so videos are played `slow` times slower (setpts) and the recorded times divided
// back: FaceLandmarker's output for a frame does not depend on the wall clock. Run once; the
// output is committed (a few KB per clip: only what the detector reads).
//   npx tsx electron/cli/pad-eval/record-blink-fixtures.ts [faces-dir]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPadPage, PROJECT_ROOT, runPad, Y4M_CACHE } from './page';
import { serveStatic } from './serve';
import { toY4m } from './y4m';

/** renderer/src/liveness/fixtureCodec.ts's frame: [t, width, height, faceCount, frameDiff, signature, face | 0];
 *  in face, yaw is at 14, eyeBlinkLeft at 17, eyeBlinkRight at 18. */
type EncodedFrame = [number, number, number, number, number, string, number[] | 0];

interface Clip { file: string; name: string; fps: number; ms: number; note: string; preFilter?: string; stillSeconds?: number; slow?: number }

const CLIPS: Clip[] = [
  { file: 'video/WDA_AlexandriaOcasioCortez_000.mp4', name: 'blink-aoc', slow: 5, fps: 25, ms: 8000, note: 'talking head, frequent spontaneous blinks' },
  { file: 'video/liveportrait_d12.mp4', name: 'blink-d12', slow: 5, fps: 25, ms: 7300, note: 'man with glasses, 4 blinks among head turns' },
  { file: 'video/liveportrait_d3.mp4', name: 'blink-d3', slow: 5, fps: 30, ms: 11800, note: 'woman, blinks, a wink, a long slow closure, turns' },
  { file: 'video/WDA_KatieHill_000.mp4', name: 'blink-hill', slow: 5, fps: 25, ms: 8000, note: 'talking head, partial and full blinks, yaw excursions' },
  { file: 'photos/biden2.jpg', name: 'blink-still-noise-biden', fps: 30, ms: 4000, stillSeconds: 8, preFilter: 'noise=alls=6:allf=t', note: 'still photo with temporal sensor noise (never repeats a frame)' },
  { file: 'photos/liveportrait_s11_printed_photo_in_hand.jpg', name: 'blink-still-noise-printed', fps: 30, ms: 4000, stillSeconds: 8, preFilter: 'noise=alls=6:allf=t', note: 'print held in a hand, still, with temporal sensor noise' },
];

/** [t ms, blinkL, blinkR, yaw] per analysed frame with a face; [t] for a frame without one. */
export type BlinkFrame = [number, number, number, number] | [number];

const r3 = (v: number) => Math.round(v * 1000) / 1000;

function compact(frames: EncodedFrame[], slow: number): BlinkFrame[] {
  const t0 = frames[0]?.[0] ?? 0;
  return frames.map(([t, , , , , , face]) => (face === 0 ? [Math.round((t - t0) / slow)] : [Math.round((t - t0) / slow), r3(face[17] ?? 0), r3(face[18] ?? 0), Math.round((face[14] ?? 0) * 10) / 10]));
}

async function main(): Promise<void> {
  const faces = process.argv[2] ?? `${PROJECT_ROOT}../shared/faces`;
  const only = process.argv[3];
  const srv = await serveStatic(await buildPadPage());
  try {
    for (const c of CLIPS) {
      if (only && c.name !== only) continue;
      const slow = c.slow ?? 1;
      const preFilter = [c.preFilter, slow > 1 ? `setpts=${slow}*PTS` : undefined].filter(Boolean).join(',');
      const y4m = await toY4m(join(faces, c.file), Y4M_CACHE, { fps: c.fps / slow, tag: `${c.fps}fps-slow${slow}`, ...(preFilter ? { preFilter } : {}), ...(c.stillSeconds ? { stillSeconds: c.stillSeconds } : {}) });
      const r = await runPad(srv.url, y4m, { seed: 1, maxMs: c.ms * slow, record: true, full: true });
      const loop = (r as unknown as { loop?: { received: number; dropped: number; maxGapMs: number } }).loop;
      const frames = compact(r.recorded as EncodedFrame[], slow);
      const out = join(PROJECT_ROOT, 'renderer/src/liveness/fixtures', `${c.name}.json`);
      const source = c.preFilter ? `${c.file} + ${c.preFilter}` : c.file;
      writeFileSync(out, JSON.stringify({ source, note: c.note, fps: c.fps, slow, loop, columns: ['t', 'blinkL', 'blinkR', 'yaw'], frames }) + '\n');
      console.log(JSON.stringify({ name: c.name, frames: frames.length, loop }));
    }
  } finally {
    await srv.close();
  }
}

void main();
