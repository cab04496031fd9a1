import { describe, expect, it } from 'vitest';
import { bezelScore, CUE_FRAME_H, CUE_FRAME_W, periodicScore, powerSpectrum } from './screenCues';
import { SCREEN } from './passive';
import { seededRng } from './rng';

// Real frames (electron/cli/pad-eval/record-cue-crops.ts): a shared clip at 2 s, live or made into a
// screen replay / a print by the pad:media recipes, with and without camera noise; grey, deflated.
interface CueCrop {
  source: string;
  kind: 'live' | 'screen' | 'print';
  box: [number, number, number, number];
  patch: string;
  frame: string;
}
const FILES = import.meta.glob<CueCrop>('./fixtures/cues/*.json', { eager: true, import: 'default' });

async function inflate(b64: string): Promise<Float32Array> {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
  return Float32Array.from(new Uint8Array(await new Response(stream).arrayBuffer()));
}

async function crop(name: string) {
  const c = FILES[`./fixtures/cues/${name}.json`];
  if (!c) throw new Error(`no cue crop ${name}`);
  const frame = await inflate(c.frame);
  return {
    kind: c.kind,
    periodic: periodicScore(await inflate(c.patch)),
    bezel: bezelScore(frame, CUE_FRAME_W, CUE_FRAME_H, c.box),
  };
}

const LIVE = ['live-d12', 'live-d12-noisy', 'live-d12-dim-noisy', 'live-d3-noisy'];

describe('screen cues on synthetic patterns', () => {
  const n = 64;
  // Sensor-like white noise, ±5 grey levels (seeded, so the test is deterministic).
  const rng = seededRng(7);
  const white = Float32Array.from({ length: n * n }, () => rng() * 10 - 5);
  const noise = (i: number) => white[i] ?? 0;
  it('finds a pure tone at its frequency', () => {
    const g = Float32Array.from({ length: n * n }, (_, i) => 128 + 50 * Math.cos((2 * Math.PI * 21 * (i % n)) / n));
    const p = powerSpectrum(g, n);
    let best = 0;
    for (let i = 1; i < p.length; i++) if ((p[i] ?? 0) > (p[best] ?? 0)) best = i;
    expect([21, n - 21]).toContain(best % n);
  });
  it('scores a grid repeating across both directions high, a ripple along one direction low', () => {
    const grid = Float32Array.from({ length: n * n }, (_, i) => 128 + noise(i) - 20 * Number(i % 3 === 2) - 20 * Number(Math.floor(i / n) % 3 === 2));
    const rows = Float32Array.from({ length: n * n }, (_, i) => 128 + noise(i) - 20 * Number(Math.floor(i / n) % 3 === 2));
    expect(periodicScore(grid)).toBeGreaterThanOrEqual(SCREEN.periodicMin);
    expect(periodicScore(rows)).toBeLessThan(SCREEN.periodicMin);
  });
  it('scores a smoothly varying patch low', () => {
    const g = Float32Array.from({ length: n * n }, (_, i) => 100 + (i % n) + Math.floor(i / n) / 2);
    expect(periodicScore(g)).toBeLessThan(SCREEN.periodicMin);
  });
});

describe('screen cues on real frames', () => {
  it('the periodic cue separates a screen (plain and with camera noise) from a live face', async () => {
    for (const name of ['screen-d12', 'screen-d12-noisy', 'screen-close-d3-noisy']) expect((await crop(name)).periodic, name).toBeGreaterThanOrEqual(SCREEN.periodicMin);
    for (const name of LIVE) expect((await crop(name)).periodic, name).toBeLessThan(SCREEN.periodicMin);
  });
  it('the bezel cue finds the screen\'s bezel and the print\'s margin, not a letterboxed live picture', async () => {
    for (const name of ['screen-d12', 'screen-d12-noisy', 'print-biden-noisy']) expect((await crop(name)).bezel, name).toBeGreaterThanOrEqual(SCREEN.bezelMin);
    for (const name of LIVE) expect((await crop(name)).bezel, name).toBeLessThan(SCREEN.bezelMin);
  });
});
