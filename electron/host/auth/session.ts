/**
 * Who is signed in at this kiosk, and the idle lock. The host holds one session (one screen);
 * every call first asks `current()`, which locks the session once the officer has been idle past
 * the limit. Sign-out and the idle lock both end the session; the shell then clears every screen.
 */
import type { Officer } from './accounts';

export const DEFAULT_IDLE_MS = 5 * 60_000;

/** Why the OS asked for a lock (Electron's powerMonitor): the machine sleeps, or its screen locks. */
export type LockReason = 'suspend' | 'screen_lock';
export type EndReason = 'signed_out' | 'idle' | LockReason;

export class SessionState {
  private officer: Officer | null = null;
  private lastActivity = 0;

  constructor(
    private idleMs: number = DEFAULT_IDLE_MS,
    private readonly now: () => number = Date.now,
    private readonly onEnd: (why: EndReason) => void = () => {},
  ) {}

  get idleLimitMs(): number {
    return this.idleMs;
  }

  /** The administrator changed the idle lock: it applies from now on, to the current session too. */
  setIdleMs(ms: number): void {
    this.idleMs = ms;
  }

  start(officer: Officer): void {
    this.officer = officer;
    this.lastActivity = this.now();
  }

  /** The signed-in officer, or null (also when the idle limit has just passed: that ends it). */
  current(): Officer | null {
    if (this.officer && this.now() - this.lastActivity > this.idleMs) this.end('idle');
    return this.officer;
  }

  /** A call made by the officer counts as activity. */
  touch(): void {
    if (this.current()) this.lastActivity = this.now();
  }

  end(why: EndReason): void {
    if (!this.officer) return;
    this.officer = null;
    this.onEnd(why);
  }
}
