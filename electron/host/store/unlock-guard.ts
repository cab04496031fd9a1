/**
 * Counts wrong station passphrases across restarts (a restart must not reset the count) and makes
 * each attempt after the fifth wait longer: 30 s, 60 s, … up to 15 minutes. The file holds only a
 * count and a time. An attempt is counted as a failure before it is tried and cleared only by
 * success, so neither attempts made at once nor a process killed mid-check escape the count.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FREE_ATTEMPTS = 5;
const MAX_WAIT_MS = 15 * 60_000;

interface State {
  failures: number;
  lastFailureAt: number;
}

export class UnlockGuard {
  private readonly file: string;

  constructor(dataDir: string, private readonly now: () => number = Date.now) {
    this.file = join(dataDir, 'unlock-attempts.json');
  }

  private read(): State {
    if (!existsSync(this.file)) return { failures: 0, lastFailureAt: 0 };
    // A damaged counter must not become a free reset: count it as the limit reached. Damaged
    // includes valid JSON with a missing, negative, fractional or non-numeric count.
    const damaged = { failures: FREE_ATTEMPTS, lastFailureAt: this.now() };
    try {
      const s = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<State> | null;
      const failures = s?.failures;
      const at = s?.lastFailureAt;
      if (!Number.isSafeInteger(failures) || failures! < 0 || typeof at !== 'number' || !Number.isFinite(at) || at < 0) return damaged;
      return { failures: failures!, lastFailureAt: at };
    } catch {
      return damaged;
    }
  }

  /** Milliseconds to wait before the next attempt is even tried (0 = go ahead). */
  waitMs(): number {
    const s = this.read();
    if (s.failures < FREE_ATTEMPTS) return 0;
    const wait = Math.min(MAX_WAIT_MS, 30_000 * 2 ** (s.failures - FREE_ATTEMPTS));
    // A failure time in the future (the clock was set back) never makes the wait longer than due.
    return Math.min(wait, Math.max(0, s.lastFailureAt + wait - this.now()));
  }

  failures(): number {
    return this.read().failures;
  }

  recordFailure(): number {
    const s = this.read();
    const next = { failures: s.failures + 1, lastFailureAt: this.now() };
    writeFileSync(this.file, JSON.stringify(next), { mode: 0o600 });
    return next.failures;
  }

  recordSuccess(): void {
    if (existsSync(this.file)) writeFileSync(this.file, JSON.stringify({ failures: 0, lastFailureAt: 0 }), { mode: 0o600 });
  }
}
