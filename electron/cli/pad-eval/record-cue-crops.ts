// Records the real frames behind the screen-cue unit tests (renderer/src/liveness/screenCues.test.ts):
// one frame of a shared clip or photo, live (as the bona fide media) or made into a screen replay or a
// print by the pad:media recipes, with and without camera noise (ffmpeg). The face's landmarks come
// from the recorded fixtures (the real pipeline on the same source, letterboxed), carried through
// each recipe's geometry (a few pixels off where the recipe adds perspective). The two cuts the
// worker makes are stored, grey, deflated: the 64x64 native-resolution patch at the face centre and
// the 160x120 copy of the frame (4x4 box average here, kept at 6 bits; the worker's canvas resamples bilinearly).
//   npx tsx electron/cli/pad-eval/record-cue-crops.ts [faces-dir]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PROJECT_ROOT } from './page';
import { cameraNoise, recipes } from './media-recipes';

const W = 640;
const H = 480;
const OUT = join(PROJECT_ROOT, 'renderer/src/liveness/fixtures/cues');

const recipe = (out: string) => {
  const r = recipes().find((x) => x.out === out);
  if (!r) throw new Error(`no recipe ${out}`);
  return r;
};

type Frame = [number, number, number, number, number, string, number[] | 0];
type Map2 = (x: number, y: number) => [number, number];

/** Landmarks [box x0,y0,x1,y1, eyeR, eyeL, nose] of a fixture's frame nearest `ms` after its first. */
function landmarks(fixture: string, ms: number): number[] {
  const frames = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'renderer/src/liveness/fixtures', fixture), 'utf8')) as { frames: Frame[] }).frames;
  const t0 = frames[0]?.[0] ?? 0;
  const withFace = frames.filter((f) => f[6] !== 0);
  const best = withFace.reduce((a, f) => (Math.abs(f[0] - t0 - ms) < Math.abs(a[0] - t0 - ms) ? f : a));
  return (best[6] as number[]).slice(0, 10);
}

// The fixtures letterbox a square source to 480x480 at x = 80: back to source pixels, then into each recipe.
const fromLetterbox = (size: number): Map2 => (x, y) => [((x - 80) * size) / 480, (y * size) / 480];
const into = (ox: number, oy: number, k: number): Map2 => (x, y) => [ox + x * k, oy + y * k];
// cameraNoise(8) at its first frame: crop at (8, 10), scaled back from 624x468 to 640x480.
const noisyMap: Map2 = (x, y) => [((x - 8) * 640) / 624, ((y - 10) * 480) / 468];

const CASES: { name: string; recipe: string; noisy: boolean; kind: 'live' | 'screen' | 'print'; fixture: string; size: number; place: Map2 }[] = [
  { name: 'live-d12', recipe: 'bona_fide/liveportrait_d12-plain.mp4', noisy: false, kind: 'live', fixture: 'genuine-d12.json', size: 512, place: into(80, 0, 480 / 512) },
  { name: 'live-d12-noisy', recipe: 'bona_fide/liveportrait_d12-plain.mp4', noisy: true, kind: 'live', fixture: 'genuine-d12.json', size: 512, place: into(80, 0, 480 / 512) },
  { name: 'live-d12-dim-noisy', recipe: 'bona_fide/liveportrait_d12-dim.mp4', noisy: true, kind: 'live', fixture: 'genuine-d12.json', size: 512, place: into(80, 0, 480 / 512) },
  { name: 'live-d3-noisy', recipe: 'attack/looped_second/liveportrait_d3.mp4', noisy: true, kind: 'live', fixture: 'genuine-d3.json', size: 512, place: into(80, 0, 480 / 512) },
  { name: 'screen-d12', recipe: 'attack/screen_replay/liveportrait_d12.mp4', noisy: false, kind: 'screen', fixture: 'genuine-d12.json', size: 512, place: into(140, 60, 360 / 512) },
  { name: 'screen-d12-noisy', recipe: 'attack/screen_replay/liveportrait_d12.mp4', noisy: true, kind: 'screen', fixture: 'genuine-d12.json', size: 512, place: into(140, 60, 360 / 512) },
  { name: 'screen-close-d3-noisy', recipe: 'attack/screen_replay_close/liveportrait_d3.mp4', noisy: true, kind: 'screen', fixture: 'genuine-d3.json', size: 512, place: into(80, 0, 480 / 512) },
  { name: 'print-biden-noisy', recipe: 'attack/print_in_hand/biden2.mp4', noisy: true, kind: 'print', fixture: 'still-biden.json', size: 1200, place: into(170, 90, 300 / 1200) },
];

function main(): void {
  const faces = process.argv[2] ?? `${PROJECT_ROOT}../shared/faces`;
  mkdirSync(OUT, { recursive: true });
  for (const c of CASES) {
    const r = recipe(c.recipe);
    const vf = [r.vf, ...(c.noisy ? [cameraNoise(8)] : [])].join(',');
    // Photos start at their first frame; clips at 2 s (the looped-second recipe trims from 1.5 s).
    const at = r.pre ? 0 : r.type === 'looped_second' ? 1500 : 2000;
    const seek = r.pre ? [] : ['-ss', String(r.type === 'looped_second' ? 0 : 2)];
    const gray = execFileSync('ffmpeg', ['-loglevel', 'error', ...seek, ...(r.pre ?? []), '-i', join(faces, r.src), '-vf', `${vf},format=gray`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'], { maxBuffer: 4 << 20 });
    if (gray.length !== W * H) throw new Error(`${c.name}: got ${gray.length} bytes`);
    const lm = landmarks(c.fixture, at);
    const src = fromLetterbox(c.size);
    const pt = (i: number): [number, number] => {
      const p = c.place(...src(lm[i] ?? 0, lm[i + 1] ?? 0));
      return c.noisy ? noisyMap(...p) : p;
    };
    const [bx0, by0] = pt(0);
    const [bx1, by1] = pt(2);
    const [erx, ery] = pt(4);
    const [elx, ely] = pt(6);
    const [nx, ny] = pt(8);
    const px = Math.round((elx + erx + 2 * nx) / 4 - 32);
    const py = Math.round((ely + ery + 2 * ny) / 4 - 32);
    const patch = Buffer.alloc(64 * 64);
    for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) patch[y * 64 + x] = gray[Math.min(H - 1, Math.max(0, py + y)) * W + Math.min(W - 1, Math.max(0, px + x))] ?? 0;
    const small = Buffer.alloc(160 * 120);
    for (let y = 0; y < 120; y++) {
      for (let x = 0; x < 160; x++) {
        let s = 0;
        for (let dy = 0; dy < 4; dy++) for (let dx = 0; dx < 4; dx++) s += gray[(y * 4 + dy) * W + x * 4 + dx] ?? 0;
        // 6 bits are enough for the bezel cue (its gradient threshold is 10 levels) and halve the fixture.
        small[y * 160 + x] = (Math.round(s / 16) >> 2) << 2;
      }
    }
    const fixture = {
      source: `${r.src} at ${at} ms, pad:media recipe ${r.out}${c.noisy ? ' + cameraNoise(8)' : ''}; face from ${c.fixture}`,
      kind: c.kind,
      box: [bx0 / 4, by0 / 4, bx1 / 4, by1 / 4].map((v) => Math.round(v * 10) / 10),
      patch: deflateSync(patch, { level: 9 }).toString('base64'),
      frame: deflateSync(small, { level: 9 }).toString('base64'),
    };
    writeFileSync(join(OUT, `${c.name}.json`), JSON.stringify(fixture) + '\n');
    console.log(`${c.name}: box ${fixture.box.join(',')}, patch at ${px},${py}`);
  }
}

main();
