/**
 * The browser shell's bridge credentials. Chromium is handed a single-use launch secret through a
 * launcher file only the kiosk user can read (launcher-file.ts), never on its command line; the
 * page trades it for a session secret over the socket for its later reconnects.
 *
 * A launch secret offered a second time means someone else had it: either they used it first and
 * the real page is now knocking, or they are trying after the page. Either way the bridge can no
 * longer tell the page from the intruder, so every credential is revoked and the kiosk stays shut
 * until it is restarted.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

const fresh = () => randomBytes(32).toString('hex');

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type SecretUse =
  | { kind: 'launch'; session: string; launch: string }
  | { kind: 'session' }
  | { kind: 'refused'; reason: 'unknown' | 'tampered' };

export class BridgeSecrets {
  private readonly launch = new Set<string>();
  private readonly used = new Set<string>();
  private readonly sessions = new Set<string>();
  private tamperedAt: Date | null = null;

  /** A new single-use launch secret (the first one goes to Chromium; tests mint their own). */
  issueLaunch(secret: string = fresh()): string {
    if (!this.tamperedAt) this.launch.add(secret);
    return secret;
  }

  get tampered(): boolean {
    return this.tamperedAt !== null;
  }

  /**
   * Checks an offered secret; a launch secret is consumed and traded for a session secret. A spent
   * launch secret offered again revokes everything (the caller must then close every socket).
   */
  use(offered: string): SecretUse {
    if (this.tamperedAt) return { kind: 'refused', reason: 'tampered' };
    for (const s of this.sessions) if (same(offered, s)) return { kind: 'session' };
    for (const s of this.launch) {
      if (same(offered, s)) {
        this.launch.delete(s);
        this.used.add(s);
        const session = fresh();
        this.sessions.add(session);
        return { kind: 'launch', session, launch: s };
      }
    }
    for (const s of this.used) {
      if (same(offered, s)) {
        this.revokeAll();
        return { kind: 'refused', reason: 'tampered' };
      }
    }
    return { kind: 'refused', reason: 'unknown' };
  }

  private revokeAll(): void {
    this.tamperedAt = new Date();
    this.launch.clear();
    this.sessions.clear();
  }
}
