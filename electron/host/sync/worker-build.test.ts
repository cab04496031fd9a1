/** A packet that cannot be built is retried unless the dossier itself is the cause (security review finding 4). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log';
import { DossierError } from '../store/dossiers';
import type { OpenStore } from '../store/store';
import { PacketError } from './packet/errors';
import { buildPacketFromStore } from './packet/index';
import { testKeys } from './packet/test-packets';
import { approvedDossiers, dossierState, outboxRow, syncStore } from './test-fixture';
import { buildFailure, SyncWorker, type PacketSource } from './worker';

let s: OpenStore;
beforeEach(async () => {
  s = await syncStore('kiosk-sync-build-');
});
afterEach(() => s.close());

describe('packet build failures', () => {
  it('too large or incomplete is final; anything else is retried', () => {
    expect(buildFailure(new PacketError('packet.too_large', 'x'))).toMatchObject({ kind: 'final', code: 'packet.too_large' });
    expect(buildFailure(new DossierError('incomplete', 'portrait'))).toMatchObject({ kind: 'final', code: 'packet.build_failed' });
    expect(buildFailure(new TypeError('Invalid key'))).toMatchObject({ kind: 'retry', code: 'packet.build_failed' });
  });

  it('a build that fails once (a bad key, say) is tried again and the dossier delivered (was: packet.build_failed, final for every dossier)', async () => {
    const [id] = approvedDossiers(s.db, 1);
    const { keys } = await testKeys();
    let builds = 0;
    let digest = '';
    const source: PacketSource = {
      build: async (db, d) => {
        if (++builds === 1) throw new TypeError('Invalid key');
        const p = await buildPacketFromStore(db, d, keys);
        digest = p.digest;
        return p;
      },
    };
    const outcomes: string[] = [];
    let settled: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (settled = resolve));
    const w = new SyncWorker({
      db: s.db,
      source,
      sink: { putPacket: (dossierId) => Promise.resolve({ kind: 'stored', status: 201, receipt: { dossierId, digest, receivedAt: new Date().toISOString() } }) },
      log: silentLogger,
      backoff: { baseMs: 5, capMs: 20 },
      idleMs: 20,
      onChange: (_d, what) => {
        outcomes.push(what);
        if (what !== 'retry') settled();
      },
    });
    w.start();
    await done;
    await w.stop();
    expect(outcomes).toEqual(['retry', 'sent']);
    expect(dossierState(s.db, id!)).toBe('sent');
    expect(outboxRow(s.db, id!)).toMatchObject({ state: 'done', attempts: 2, last_error: null });
  });
});
