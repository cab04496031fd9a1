// Records the eye-closure time series (eyeBlinkLeft/Right, yaw) of the shared clips, EVERY source
// frame (videos played 5x slower, record-clip.ts), through the real pipeline, for the blink
// detector's unit tests (renderer/src/liveness/blink.test.ts decimates them to 15, 12 and 10 fps).
// Run once; the output is committed (a few KB per clip: only what the detector reads).
//   npx tsx electron/cli/pad-eval/record-blink-fixtures.ts [faces-dir]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './page';
import { recordEach } from './record-clip';

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

function compact(frames: EncodedFrame[]): BlinkFrame[] {
  const t0 = frames[0]?.[0] ?? 0;
  return frames.map(([t, , , , , , face]) => (face === 0 ? [t - t0] : [t - t0, r3(face[17] ?? 0), r3(face[18] ?? 0), Math.round((face[14] ?? 0) * 10) / 10]));
}

void recordEach(CLIPS, (c, { recorded, loop }) => {
  const frames = compact(recorded as unknown as EncodedFrame[]);
  const out = join(PROJECT_ROOT, 'renderer/src/liveness/fixtures', `${c.name}.json`);
  const source = c.preFilter ? `${c.file} + ${c.preFilter}` : c.file;
  writeFileSync(out, JSON.stringify({ source, note: c.note, fps: c.fps, slow: c.slow ?? 1, loop, columns: ['t', 'blinkL', 'blinkR', 'yaw'], frames }) + '\n');
  console.log(JSON.stringify({ name: c.name, frames: frames.length, loop }));
});
