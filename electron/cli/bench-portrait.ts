// Portrait/liveness benchmark: prints JSON lines.
//   inference: per-frame FaceLandmarker time on 640x480 (median, p90), analysed fps, worker vs main thread
//   verdict:   time from the first face to the liveness verdict on the bona fide clip (d12, seed 319)
//   npx tsx electron/cli/bench-portrait.ts [faces-dir]
import { join } from 'node:path';
import { buildPadPage, runPad, Y4M_CACHE, type PadOutcome } from './pad-eval/page';
import { serveStatic } from './pad-eval/serve';
import { toY4m } from './pad-eval/y4m';
import { PROJECT_ROOT } from './pad-eval/page';

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
    fps: Math.round(r.fps * 10) / 10,
    verdict: r.verdict, reason: r.reason, faceToVerdictMs: r.faceToVerdictMs, ...extra,
  }));
}

async function main(): Promise<void> {
  const faces = process.argv[2] ?? `${PROJECT_ROOT}../shared/faces`;
  const server = await serveStatic(await buildPadPage());
  try {
    const clip = await toY4m(join(faces, 'video/liveportrait_d12.mp4'), Y4M_CACHE);
    for (const worker of [true, false]) {
      const r = await runPad(server.url, clip, { seed: 319, maxMs: 10000, worker });
      line('verdict+inference', worker ? 'worker' : 'main', r, { clip: 'liveportrait_d12 (bona fide order, seed 319)', resolution: '640x480' });
    }
  } finally {
    await server.close();
  }
}

void main();
