// Records compact landmark/observation sequences from ../shared/faces-style media through the
// real pipeline, for the unit tests in renderer/src/liveness. Run once; the output is committed.
//   npx tsx electron/cli/pad-eval/record-fixtures.ts <faces-dir> [fixture name]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './page';
import { recordEach } from './record-clip';

// `fps` and `slow`: the y4m's frame rate, played `slow` times slower (fps/slow must be a whole number: the fake camera rounds it) so that even a loaded machine
// analyses every frame (FaceLandmarker's output does not depend on the wall clock); the recorded times
// are divided back.
const CLIPS: { file: string; name: string; ms: number; note: string; preFilter?: string; fps?: number; slow?: number }[] = [
  { file: 'video/liveportrait_d12.mp4', name: 'genuine-d12', ms: 11000, note: 'genuine, 7.3 s clip: turns left(+yaw) ~1.5 s, right ~3.3 s, left ~6.6 s; the clip loops at ~7.3 s' },
  { file: 'video/liveportrait_d3.mp4', name: 'genuine-d3', ms: 7000, note: 'genuine, blinks and slow turns, larger face' },
  { file: 'video/WDA_KatieHill_000.mp4', name: 'genuine-hill', ms: 6000, note: 'genuine talking head, pitch and yaw excursions' },
  { file: 'photos/biden2.jpg', name: 'still-biden', ms: 2500, note: 'a still photo presented as video' },
  { file: 'photos/liveportrait_s11_printed_photo_in_hand.jpg', name: 'still-printed', ms: 2500, note: 'printed photo in hand, still' },
  { file: 'photos/obama.jpg', name: 'still-obama-small', ms: 2000, note: 'face too small: move closer' },
  {
    file: 'video/liveportrait_d12.mp4', name: 'genuine-d12-15fps', ms: 7300, fps: 15, slow: 5,
    note: 'genuine, every frame of the e2e tests\' 15 fps camera: turns left ~1.3 s, blinks ~2.0 s, right ~3.2 s, opens the mouth ~4.7 s, blinks ~5.5 s, left ~6.5 s',
  },
  {
    file: 'video/liveportrait_d12.mp4', name: 'occluded-mask', ms: 4000, note: 'occluded lower face',
    // A light-blue box over nose-to-chin: a surgical-mask stand-in (no masked media in the shared set).
    preFilter: 'drawbox=x=176:y=300:w=190:h=115:color=0x9fc5e8@1:t=fill',
  },
];

void recordEach(CLIPS, (c, r) => {
  const out = join(PROJECT_ROOT, 'renderer/src/liveness/fixtures', `${c.name}.json`);
  writeFileSync(out, JSON.stringify({ source: c.preFilter ? `${c.file} + ${c.preFilter}` : c.file, note: c.note, frames: r.recorded }) + '\n');
  console.log(`${c.name}: ${r.recorded.length} frames -> ${out}`);
});
