/**
 * Who is signed in at this kiosk, and the idle lock. The host holds one session (one screen);
 * every call first asks `current()`, which locks the session once the officer has been idle past
 * the limit. Sign-out and the idle lock both end the session; the shell then clears every screen.
 */
import type { Officer } from './accounts';

export const DEFAULT_IDLE_MS = 5 * 60_000;

export class SessionState {
  private officer: Officer | null = null;
  private lastActivity = 0;

  constructor(
    private readonly idleMs: number = DEFAULT_IDLE_MS,
    private readonly now: () => number = Date.now,
    private readonly onEnd: (why: 'signed_out' | 'idle' | 'suspend') => void = () => {},
  ) {}

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

  end(why: 'signed_out' | 'idle' | 'suspend'): void {
    if (!this.officer) return;
    this.officer = null;
    this.onEnd(why);
  }
}
