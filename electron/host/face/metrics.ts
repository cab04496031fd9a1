/** Error rates of a similarity threshold over genuine and impostor scores (higher = more alike). */

export interface Rates {
  threshold: number;
  /** Impostor pairs accepted, as a fraction. */
  fmr: number;
  /** Genuine pairs rejected, as a fraction. */
  fnmr: number;
}

export function ratesAt(genuine: readonly number[], impostor: readonly number[], threshold: number): Rates {
  const fm = impostor.filter((s) => s >= threshold).length;
  const fnm = genuine.filter((s) => s < threshold).length;
  return { threshold, fmr: impostor.length ? fm / impostor.length : 0, fnmr: genuine.length ? fnm / genuine.length : 0 };
}

/** The equal error rate: over every candidate threshold, the point where FMR and FNMR are closest (their mean there). */
export function equalErrorRate(genuine: readonly number[], impostor: readonly number[]): Rates & { eer: number } {
  const candidates = [...new Set([...genuine, ...impostor, 0, 1.0001])].sort((a, b) => a - b);
  let best: (Rates & { eer: number }) | null = null;
  for (const t of candidates) {
    const r = ratesAt(genuine, impostor, t);
    const gap = Math.abs(r.fmr - r.fnmr);
    if (!best || gap < Math.abs(best.fmr - best.fnmr)) best = { ...r, eer: (r.fmr + r.fnmr) / 2 };
  }
  return best!;
}

/** Counts per bin of width `step` from 0 to 1, e.g. "0.5–0.6": 3. */
export function histogram(scores: readonly number[], step = 0.1): Array<{ from: number; to: number; count: number }> {
  const bins = Math.round(1 / step);
  const out = Array.from({ length: bins }, (_, i) => ({ from: +(i * step).toFixed(2), to: +((i + 1) * step).toFixed(2), count: 0 }));
  for (const s of scores) out[Math.min(bins - 1, Math.max(0, Math.floor(s / step)))]!.count++;
  return out;
}

export function summary(scores: readonly number[]): { n: number; min: number; median: number; max: number } {
  const s = [...scores].sort((a, b) => a - b);
  return { n: s.length, min: s[0] ?? NaN, median: s[Math.floor(s.length / 2)] ?? NaN, max: s[s.length - 1] ?? NaN };
}
