/**
 * `npm run bench -- --only face` (or `-- face`): the 1:1 face comparison's figures, JSON lines.
 * Setup: @vladmandic/face-api on TensorFlow.js's WebAssembly backend (SIMD, one thread) in this
 * Node process, as the host runs it. Inputs from ../shared/faces: a chip-like 300×400 JPEG (q50)
 * and a 640×480 live JPEG. Prints the model load time (backend + three networks from disk, once
 * per process), the first comparison (warm-up), and per comparison (both portraits through
 * detection, landmarks and the descriptor) p50/p95 over the runs.
 */
import { parseArgs } from 'node:util';
import { comparePortraits } from '../host/face/compare';
import { faceModel, MODEL_NAME } from '../host/face/model';
import { chipPortrait, FACES_DIR, HAVE_FACES, livePortrait } from '../host/face/test-faces';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (x: number) => Math.round(x * 10) / 10;

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
  if (!HAVE_FACES) {
    console.log(JSON.stringify({ bench: 'face', skipped: `no shared faces at ${FACES_DIR}` }));
    return;
  }
  const chip = await chipPortrait('aoc', 'jpeg300');
  const live = livePortrait('aoc', 5);
  let t = process.hrtime.bigint();
  const model = await faceModel();
  console.log(JSON.stringify({ bench: 'face.load', ms: round(ms(t)), model: MODEL_NAME, backend: 'tfjs wasm (simd, 1 thread)' }));
  t = process.hrtime.bigint();
  const first = await comparePortraits(chip, live);
  console.log(JSON.stringify({ bench: 'face.first', ms: round(ms(t)), decision: first.decision, note: 'first comparison after load (warm-up of the kernels)' }));
  const runs = Number(values.runs);
  const compare: number[] = [];
  const one: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = process.hrtime.bigint();
    await comparePortraits(chip, live);
    compare.push(ms(t));
    t = process.hrtime.bigint();
    await model.describe(live);
    one.push(ms(t));
  }
  console.log(JSON.stringify({ bench: 'face.compare', runs, p50: round(pct(compare, 50)), p95: round(pct(compare, 95)), inputs: 'chip 300x400 JPEG q50 + live 640x480 JPEG', note: 'per capture: both portraits described and compared' }));
  console.log(JSON.stringify({ bench: 'face.describe', runs, p50: round(pct(one, 50)), p95: round(pct(one, 95)), inputs: 'one 640x480 JPEG: decode, detect, 68 landmarks, 128-d descriptor' }));
}

await main();
