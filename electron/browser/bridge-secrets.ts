/**
 * The browser shell's bridge credentials. Chromium gets a launch secret in its --app URL, which
 * other local users can read from /proc/<pid>/cmdline; so a launch secret opens the bridge once
 * only, and the page then receives a session secret over the socket (never on a command line)
 * for its later reconnects.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

const fresh = () => randomBytes(32).toString('hex');

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type SecretUse = { kind: 'launch'; session: string } | { kind: 'session' } | { kind: 'refused'; reason: 'unknown' | 'launch_reused' };

export class BridgeSecrets {
  private readonly launch = new Set<string>();
  private readonly used = new Set<string>();
  private readonly sessions = new Set<string>();

  /** A new single-use launch secret (the first one goes to Chromium; tests mint their own). */
  issueLaunch(secret: string = fresh()): string {
    this.launch.add(secret);
    return secret;
  }

  /** Checks an offered secret; a launch secret is consumed and traded for a session secret. */
  use(offered: string): SecretUse {
    for (const s of this.sessions) if (same(offered, s)) return { kind: 'session' };
    for (const s of this.launch) {
      if (same(offered, s)) {
        this.launch.delete(s);
        this.used.add(s);
        const session = fresh();
        this.sessions.add(session);
        return { kind: 'launch', session };
      }
    }
    for (const s of this.used) if (same(offered, s)) return { kind: 'refused', reason: 'launch_reused' };
    return { kind: 'refused', reason: 'unknown' };
  }
}
