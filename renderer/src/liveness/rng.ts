// Small seeded PRNG (mulberry32). Production seeds from crypto; tests pass a fixed seed so the
// challenge order and timing are reproducible.
import type { Rng } from '../../../shared/domain/rng';

export { seededRng, type Rng } from '../../../shared/domain/rng';

export function cryptoSeed(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0] ?? 0;
}

export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
