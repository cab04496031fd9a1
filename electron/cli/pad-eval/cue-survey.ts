// Calibration aid for the screen/print cues: runs each labelled file once through the real pipeline
// (plain, and with camera noise) and prints the per-file distribution of each cue.
//   npx tsx electron/cli/pad-eval/cue-survey.ts <folder> [--noise 8] [--ms 4000]
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPadPage, runPad, Y4M_CACHE } from './page';
import { serveStatic } from './serve';
import { toY4m } from './y4m';
import { loadLabels } from './labels';
import { cameraNoise } from './media-recipes';

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN) : NaN;
};

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { noise: { type: 'string' }, ms: { type: 'string' }, only: { type: 'string' } } });
  const root = resolve(positionals[0] ?? '.cache/pad-media');
  const noise = Number(values.noise ?? 8);
  const entries = loadLabels(root).filter((e) => !values.only || e.file.includes(values.only));
  const server = await serveStatic(await buildPadPage());
  try {
    for (const e of entries) {
      for (const noisy of noise > 0 ? [false, true] : [false]) {
        const y4m = await toY4m(join(root, e.file), Y4M_CACHE, { fps: e.fps, ...(noisy ? { preFilter: cameraNoise(noise), tag: 'noisy', minSeconds: Number(values.ms ?? 4000) / 1000 + 2 } : {}) });
        const r = await runPad(server.url, y4m, { seed: 1, maxMs: Number(values.ms ?? 4000), full: true });
        const col = (i: number) => r.cues.map((c) => c[i] ?? NaN);
        const stat = (i: number) => [q(col(i), 0.1), q(col(i), 0.5), q(col(i), 0.9)];
        console.log(JSON.stringify({ file: e.file, label: e.label, type: e.type ?? null, noisy, frames: r.cues.length, periodic: stat(0), bezel: stat(1), cueMs: stat(2) }));
      }
    }
  } finally {
    await server.close();
  }
}

void main();
