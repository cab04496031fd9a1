/**
 * Sync tests against the reference upstream: the upstream started for one test, a SyncService
 * pointed at it, and waits that are checked after every change the service reports (never sleeps).
 */
import { silentLogger } from '../log';
import { startUpstream, type Upstream } from '../sim/upstream/server';
import { upstreamFixture } from '../sim/upstream/test-client';
import type { Db } from '../store/database';
import { SyncService, type SyncTuning } from './service';

export const FAST_TUNING: SyncTuning = { backoff: { baseMs: 5, capMs: 40 }, leaseMs: 400, pollMs: 60_000, idleMs: 200, readTimeoutMs: 800, concurrency: 3 };

/** The reference upstream in this process with its own data folder, holding each upload until the test decides. */
export async function heldUpstream(prefix: string): Promise<Upstream> {
  const f = upstreamFixture(prefix);
  const up = await startUpstream({ dataDir: f.dataDir, trust: f.trust });
  up.control.mode('hold');
  return up;
}

/** Conditions a test waits for, checked each time `notify` (a service's onChange) is called. */
export class ChangeWaits {
  private waiting: Array<() => void> = [];
  readonly notify = (): void => {
    for (const check of [...this.waiting]) check();
  };

  until(cond: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!cond()) return;
        this.waiting = this.waiting.filter((f) => f !== check);
        resolve();
      };
      this.waiting.push(check);
      check();
    });
  }
}

export interface TestServiceOptions {
  tuning?: SyncTuning;
  onChange?: () => void;
}

export function upstreamService(up: Upstream, o: TestServiceOptions = {}): SyncService {
  return new SyncService({
    config: { upstream: { url: up.enrolmentUrl, caFile: '/ca.pem' }, stationName: 'Công an phường 7' },
    appVersion: '0.0.0-test',
    log: silentLogger,
    tuning: o.tuning ?? FAST_TUNING,
    readCa: () => up.caPem,
    onChange: o.onChange,
  });
}

/** A service attached to `db` and enrolled with a fresh token; paused first when asked, so it sends nothing until resumed. */
export async function enrolledService(db: Db, up: Upstream, o: TestServiceOptions & { paused?: boolean } = {}): Promise<SyncService> {
  const svc = upstreamService(up, o);
  svc.attach(db);
  if (o.paused) svc.setPaused(true, 'test');
  await svc.enrol(db, 'admin-1', up.control.issueToken());
  return svc;
}
