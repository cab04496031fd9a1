// Portrait/liveness benchmark: prints JSON lines.
//   inference: per-frame FaceLandmarker time on 640x480 (median, p90), analysed fps, worker vs main thread
//   cues:      per-frame time of the screen/print cues (screenCues.ts) in the same worker (median, p90)
//   verdict:   time from the first face to the liveness verdict on the bona fide clip (d12), with the seed
//              whose plan is what its subject does (found by simulation over the clip's recording, as
//              pad:eval labels by `actions` do: the clip keeps working whatever the planner)
//   loaded:    the same with both cores busy (stress-ng --cpu 2) and a 15 fps and a 30 fps camera: per-frame
//              inference, analysed frames per second, frames the camera delivered and its longest gap
//   npx tsx electron/cli/bench-portrait.ts [faces-dir]
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildPadPage, runPad, Y4M_CACHE, type PadOutcome } from './pad-eval/page';
import { serveStatic } from './pad-eval/serve';
import { toY4m } from './pad-eval/y4m';
import { PROJECT_ROOT } from './pad-eval/page';
import { findActionSeeds, pickSeed } from './pad-eval/actions';
import { BONA_FIDE_ACTIONS, BONA_FIDE_CLIP } from './pad-eval/media-recipes';

/** The seed whose plan the bona fide clip acts out at this camera rate (printed as its own line). */
async function actionSeed(url: string, faces: string, fps: number): Promise<number> {
  const found = await findActionSeeds(url, join(faces, BONA_FIDE_CLIP), Y4M_CACHE, { file: BONA_FIDE_CLIP, actions: BONA_FIDE_ACTIONS, fps });
  const best = pickSeed(BONA_FIDE_CLIP, BONA_FIDE_ACTIONS, found);
  console.log(JSON.stringify({ kind: 'seed', clip: BONA_FIDE_CLIP, actions: BONA_FIDE_ACTIONS, cameraFps: fps, seed: best.seed, margin: Math.round(best.margin * 100) / 100 }));
  return best.seed;
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN) : NaN;
};

function line(kind: string, engine: string, r: PadOutcome, extra: Record<string, unknown> = {}): void {
  // The first inference pays graph set-up; it is warmed up before the camera opens, so keep all.
  console.log(JSON.stringify({
    kind, engine: r.engine ?? engine, frames: r.frames,
    inferMedianMs: Math.round(quantile(r.inferMs, 0.5) * 10) / 10,
    inferP90Ms: Math.round(quantile(r.inferMs, 0.9) * 10) / 10,
    cueMedianMs: Math.round(quantile(r.cues.map((c) => c[2] ?? NaN), 0.5) * 100) / 100,
    cueP90Ms: Math.round(quantile(r.cues.map((c) => c[2] ?? NaN), 0.9) * 100) / 100,
    fps: Math.round(r.fps * 10) / 10,
    verdict: r.verdict, reason: r.reason, faceToVerdictMs: r.faceToVerdictMs, ...extra,
  }));
}

/** Both cores busy with stress-ng while the worker analyses a 15 and a 30 fps camera. */
async function underLoad(url: string, faces: string, clip30: string, seed30: number): Promise<void> {
  if (spawnSync('stress-ng', ['--version']).status !== 0) {
    console.log(JSON.stringify({ kind: 'verdict+inference (loaded)', skipped: 'stress-ng not installed (scripts/setup.sh)' }));
    return;
  }
  const clip15 = await toY4m(join(faces, BONA_FIDE_CLIP), Y4M_CACHE, { fps: 15 });
  const seed15 = await actionSeed(url, faces, 15);
  for (const [fps, clip, seed] of [[15, clip15, seed15], [30, clip30, seed30]] as const) {
    const stress = spawn('stress-ng', ['--cpu', '2', '--quiet', '--timeout', '120'], { stdio: 'ignore' });
    try {
      // The kiosk's frame loop (frames dropped when analysis falls behind), as at a loaded kiosk.
      const r = await runPad(url, clip, { seed, maxMs: 15000, live: true });
      line('verdict+inference (loaded)', 'worker', r, {
        clip: `liveportrait_d12 (seed ${seed})`, load: 'stress-ng --cpu 2', frameLoop: 'live', cameraFps: fps,
        cameraFrames: r.loop.received, cameraMaxGapMs: r.loop.maxGapMs, queueDropped: r.loop.dropped,
      });
    } finally {
      stress.kill();
    }
  }
}

async function main(): Promise<void> {
  const faces = process.argv[2] ?? `${PROJECT_ROOT}../shared/faces`;
  const server = await serveStatic(await buildPadPage());
  try {
    const clip = await toY4m(join(faces, BONA_FIDE_CLIP), Y4M_CACHE);
    const seed = await actionSeed(server.url, faces, 30);
    for (const worker of [true, false]) {
      const r = await runPad(server.url, clip, { seed, maxMs: 10000, worker });
      line('verdict+inference', worker ? 'worker' : 'main', r, { clip: `liveportrait_d12 (bona fide order ${BONA_FIDE_ACTIONS.join(', ')}, seed ${seed})`, resolution: '640x480' });
    }
    await underLoad(server.url, faces, clip, seed);
  } finally {
    await server.close();
  }
}

void main();
