/**
 * Exponential backoff with full jitter: attempt n waits a uniformly random time in
 * [0, min(cap, base·2^(n−1))]; a Retry-After from the upstream is a floor, the cap a ceiling
 * (Retry-After may go past the cap: the upstream asked for it).
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

export function backoffDelay(attempt: number, p: BackoffPolicy, random: () => number = Math.random, retryAfterMs: number | null = null): number {
  const exp = Math.min(p.capMs, p.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  const jittered = Math.floor(random() * exp);
  return retryAfterMs !== null ? Math.max(jittered, retryAfterMs) : jittered;
}
