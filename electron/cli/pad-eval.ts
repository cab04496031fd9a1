// Presentation-attack evaluation: runs every labelled file through the REAL renderer liveness
// pipeline (built PAD page, headless Chromium, fake camera fed with a y4m of the file) and reports
// ISO/IEC 30107-3 APCER per PAI species and BPCER.
//   npm run pad:eval -- <folder> [--labels labels.json] [--seed-base N] [--out results.json] [--noise N] [--variants] [--live] [--noisy-only]
// --live: the kiosk's frame loop (frames dropped when analysis falls behind) instead of every frame
// of the file analysed; for BPCER with the CPU loaded.
// Every presentation also runs with camera noise (sensor noise and jitter, as a camera filming a
// screen or a print delivers it; --noise 0 turns that off): the report gives both side by side.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPadPage, runPad, Y4M_CACHE } from './pad-eval/page';
import { serveStatic } from './pad-eval/serve';
import { toY4m } from './pad-eval/y4m';
import { loadLabels, seedsFor } from './pad-eval/labels';
import { findActionSeeds, pickSeed } from './pad-eval/actions';
import { computeRates } from './pad-eval/metrics';
import { cameraNoise } from './pad-eval/media-recipes';
import { cueDetection, formatCueDetection, formatNoiseTables, noiseTables, type VariantOutcome } from './pad-eval/noise-table';

interface Row extends VariantOutcome {
  file: string;
  seed: number;
  verdict: string;
  reason: string | null;
  faceToVerdictMs: number | null;
  /** The camera's rate when not 30, the analysed frames per second, and the longest gap between camera frames. */
  fps?: number;
  analysedFps: number;
  maxGapMs: number;
  /** Frames analysed, delivered by the camera, and dropped by the frame queue (--live). */
  frames: number;
  received: number;
  dropped: number;
  /** --variants: each screen-cue variant's verdict on the same frames. */
  variantVerdicts?: Record<string, string>;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { labels: { type: 'string' }, 'seed-base': { type: 'string' }, out: { type: 'string' }, noise: { type: 'string' }, variants: { type: 'boolean' }, live: { type: 'boolean' }, 'noisy-only': { type: 'boolean' } },
  });
  const folder = positionals[0];
  if (!folder) {
    console.error('usage: npm run pad:eval -- <folder> [--labels labels.json] [--seed-base N] [--out results.json]');
    process.exit(2);
  }
  const root = resolve(folder);
  const entries = loadLabels(root, values.labels ? resolve(values.labels) : undefined);
  const base = Number(values['seed-base'] ?? 20261123);
  const noise = Number(values.noise ?? 8);
  const server = await serveStatic(await buildPadPage());
  const rows: Row[] = [];
  try {
    for (const [i, e] of entries.entries()) {
      // Labels by actions: the seed whose plan is what the clip's subject does, found by simulation
      // over the clip's own recording (the same seed for its camera-noise run).
      let actionSeed: number | undefined;
      if (e.actions) {
        const found = await findActionSeeds(server.url, join(root, e.file), Y4M_CACHE, { file: e.file, actions: e.actions, fps: e.fps, maxMs: e.maxMs, shrink: e.shrink, preFilter: e.noise ? `noise=alls=${e.noise}:allf=t` : undefined });
        const best = pickSeed(e.file, e.actions, found);
        actionSeed = best.seed;
        console.log(JSON.stringify({ file: e.file, actions: e.actions, seed: best.seed, margin: Math.round(best.margin * 100) / 100, candidates: found.map((f) => f.seed) }));
      }
      for (const noisy of noise > 0 ? (values['noisy-only'] ? [true] : [false, true]) : [false]) {
        const filters = [e.noise ? `noise=alls=${e.noise}:allf=t` : null, noisy ? cameraNoise(noise) : null].filter(Boolean).join(',');
        const y4m = await toY4m(join(root, e.file), Y4M_CACHE, {
          stillSeconds: e.stillSeconds, shrink: e.shrink, preFilter: filters || undefined, fps: e.fps,
          // A noisy file outlasts the session (+2 s), so the fake camera never loops it: a real camera
          // filming a looping replay never delivers the same frame twice.
          ...(noisy ? { tag: 'noisy', minSeconds: (e.maxMs ?? 12000) / 1000 + 2 } : {}),
        });
        for (const seed of seedsFor(e, i, base, actionSeed)) {
          const r = await runPad(server.url, y4m, { seed, maxMs: e.maxMs ?? 12000, variants: values.variants === true, live: values.live === true });
          const variants = Object.fromEntries(Object.entries(r.variants).map(([k, v]) => [k, v === 'pass']));
          const row: Row = {
            file: e.file, label: e.label, ...(e.type ? { type: e.type } : {}), seed, noisy,
            verdict: r.error ? 'error' : r.verdict, reason: r.error ?? r.reason, faceToVerdictMs: r.faceToVerdictMs,
            ...(e.fps ? { fps: e.fps } : {}), analysedFps: Math.round(r.fps * 10) / 10, maxGapMs: r.loop.maxGapMs,
            frames: r.frames, received: r.loop.received, dropped: r.loop.dropped,
            accepted: r.verdict === 'pass', processed: r.error === null, ...(values.variants ? { variants, variantVerdicts: r.variants, cueFired: r.cueFired } : {}),
          };
          rows.push(row);
          console.log(JSON.stringify(row));
        }
      }
    }
  } finally {
    await server.close();
  }
  const rates = computeRates(rows.filter((r) => !r.noisy));
  const noisyRates = computeRates(rows.filter((r) => r.noisy));
  const tables = noiseTables(rows);
  const summary = { standard: 'ISO/IEC 30107-3', frameLoop: values.live ? 'live (kiosk thinning)' : 'every frame', ...rates, cameraNoise: noise > 0 ? { strength: noise, ...noisyRates } : null, presentations: rows.length, tables };
  console.log(JSON.stringify({ ...summary, tables: undefined }, null, 2));
  console.log(formatNoiseTables(tables));
  if (values.variants) console.log(formatCueDetection(cueDetection(rows)));
  if (values.out) writeFileSync(values.out, JSON.stringify({ summary, presentations: rows }, null, 2) + '\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
