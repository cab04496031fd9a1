// Records compact landmark/observation sequences from ../shared/faces-style media through the
// real pipeline, for the unit tests in renderer/src/liveness. Run once; the output is committed.
//   npx tsx electron/cli/pad-eval/record-fixtures.ts <faces-dir>
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPadPage, PROJECT_ROOT, runPad, Y4M_CACHE } from './page';
import { serveStatic } from './serve';
import { toY4m } from './y4m';

const CLIPS: { file: string; name: string; ms: number; note: string; preFilter?: string }[] = [
  { file: 'video/liveportrait_d12.mp4', name: 'genuine-d12', ms: 11000, note: 'genuine, 7.3 s clip: turns left(+yaw) ~1.5 s, right ~3.3 s, left ~6.6 s; the clip loops at ~7.3 s' },
  { file: 'video/liveportrait_d3.mp4', name: 'genuine-d3', ms: 7000, note: 'genuine, blinks and slow turns, larger face' },
  { file: 'video/WDA_KatieHill_000.mp4', name: 'genuine-hill', ms: 6000, note: 'genuine talking head, pitch and yaw excursions' },
  { file: 'photos/biden2.jpg', name: 'still-biden', ms: 2500, note: 'a still photo presented as video' },
  { file: 'photos/liveportrait_s11_printed_photo_in_hand.jpg', name: 'still-printed', ms: 2500, note: 'printed photo in hand, still' },
  { file: 'photos/obama.jpg', name: 'still-obama-small', ms: 2000, note: 'face too small: move closer' },
  {
    file: 'video/liveportrait_d12.mp4', name: 'occluded-mask', ms: 4000, note: 'occluded lower face',
    // A light-blue box over nose-to-chin: a surgical-mask stand-in (no masked media in the shared set).
    preFilter: 'drawbox=x=176:y=300:w=190:h=115:color=0x9fc5e8@1:t=fill',
  },
];

async function main(): Promise<void> {
  const faces = process.argv[2] ?? `${PROJECT_ROOT}../shared/faces`;
  const srv = await serveStatic(await buildPadPage());
  try {
    for (const c of CLIPS) {
      const y4m = await toY4m(join(faces, c.file), Y4M_CACHE, c.preFilter ? { preFilter: c.preFilter } : {});
      const r = await runPad(srv.url, y4m, { seed: 1, maxMs: c.ms, record: true, full: true });
      const out = join(PROJECT_ROOT, 'renderer/src/liveness/fixtures', `${c.name}.json`);
      writeFileSync(out, JSON.stringify({ source: c.preFilter ? `${c.file} + ${c.preFilter}` : c.file, note: c.note, frames: r.recorded }) + '\n');
      console.log(`${c.name}: ${r.recorded.length} frames -> ${out}`);
    }
  } finally {
    await srv.close();
  }
}

void main();
