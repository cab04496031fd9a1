/**
 * Large packets restartable without waste (issue 11 part 4): the real kiosk sync process behind a
 * TCP proxy this test controls, the reference upstream over real mutual TLS, real SQLite on both
 * sides. A connection cut part-way through a piece, and the kiosk SIGKILLed mid-upload and started
 * again: the upload resumes from the upstream's offset (the same upload, never begun again), the
 * upstream takes each byte once, the proxy carries less than twice the packet, the packet is stored
 * once with the digest the kiosk recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskBehindProxy } from '../../../electron/cli/sync/fault-matrix';
import { startUpstream, type Upstream } from '../../../electron/host/sim/upstream/server';
import { upstreamFixture } from '../../../electron/host/sim/upstream/test-client';
import { unlockStore } from '../../../electron/host/store/store';
import type { SyncTuning } from '../../../electron/host/sync/service';
import { TEST_PASSPHRASE } from '../../../electron/host/sync/test-fixture';

interface Appended { uploadId: string; offset: number; bytes: number; to: number }

let up: Upstream;
const TUNING: SyncTuning = { concurrency: 1, leaseMs: 1_500, pollMs: 60_000 };

beforeAll(async () => {
  const f = upstreamFixture('resumable-upstream-');
  up = await startUpstream({ dataDir: f.dataDir, trust: f.trust });
  up.control.mode('hold');
});
afterAll(() => up?.stop());

/** What the upstream saw for one dossier: its uploads started, the pieces it took, its stores. */
function watch(dossierId: string) {
  const w = { started: [] as string[], appended: [] as Appended[], stored: [] as string[] };
  const onStart = (e: { dossierId: string; uploadId: string }) => void (e.dossierId === dossierId && w.started.push(e.uploadId));
  const onAppend = (e: Appended) => void (w.started.includes(e.uploadId) && w.appended.push(e));
  const onStored = (e: { dossierId: string; digest: string }) => void (e.dossierId === dossierId && w.stored.push(e.digest));
  up.events.on('upload-started', onStart);
  up.events.on('upload-appended', onAppend);
  up.events.on('stored', onStored);
  return { ...w, w, off: () => (up.events.off('upload-started', onStart), up.events.off('upload-appended', onAppend), up.events.off('stored', onStored)) };
}

/** The kiosk's own record: the digest it delivered, and the offsets it resumed from. */
async function kioskRecord(dataDir: string, id: string): Promise<{ sent: string | undefined; resumedFrom: number[]; state: string }> {
  const s = await unlockStore(dataDir, { passphrase: TEST_PASSPHRASE });
  const detail = (action: string) => (s.db.prepare('SELECT detail FROM audit WHERE dossier_id = ? AND action = ? ORDER BY seq').all(id, action) as Array<{ detail: string }>).map((r) => JSON.parse(r.detail) as { digest?: string; offset?: number });
  const r = { sent: detail('sync.sent')[0]?.digest, resumedFrom: detail('sync.upload_resumed').map((d) => d.offset ?? -1), state: (s.db.prepare('SELECT state FROM dossiers WHERE id = ?').get(id) as { state: string }).state };
  s.close();
  return r;
}

const delivered = (n: number) => (l: { counts: { done: number } }) => l.counts.done === n;

describe('resumable uploads through a proxy that breaks them', () => {
  it('a connection cut mid-piece: the next attempt resumes from the upstream\'s offset; stored once, < 2x the packet on the wire', async () => {
    const { dataDir, ids, proxy, kiosk } = await kioskBehindProxy(up, 1, 150_000, TUNING);
    const id = ids[0]!;
    const seen = watch(id);
    // Every connection carrying more than 100 KB (only an upload's does) is cut there, three times.
    proxy.fault = { kind: 'reset', count: 3, afterBytes: 100_000 };
    try {
      kiosk.start();
      await kiosk.waitFor(delivered(1), 90_000, 'the dossier delivered');
    } finally {
      await kiosk.stop();
      await proxy.stop();
      seen.off();
    }
    const size = up.control.packet(id)!.jwe.length;
    expect(size).toBeGreaterThan(256 * 1024);
    expect(proxy.resets).toBeGreaterThan(0);
    expect(seen.w.started).toHaveLength(1);
    expect(seen.w.appended.reduce((n, e) => n + e.bytes, 0)).toBe(size);
    expect(proxy.bytesUp).toBeLessThan(2 * size);
    const k = await kioskRecord(dataDir, id);
    expect(k.resumedFrom.length).toBeGreaterThan(0);
    expect(k.resumedFrom.every((o) => o > 0 && o < size)).toBe(true);
    expect(seen.w.stored).toEqual([k.sent]);
    expect(up.control.packet(id)!.digest).toBe(k.sent);
    expect(k.state).toBe('sent');
    console.log(JSON.stringify({ test: 'cut mid-piece', packetBytes: size, proxyBytes: proxy.bytesUp, ratio: +(proxy.bytesUp / size).toFixed(3), resets: proxy.resets, resumedFrom: k.resumedFrom }));
  }, 120_000);

  it('the kiosk SIGKILLed mid-upload and started again resumes the same upload from the upstream\'s offset', async () => {
    const { dataDir, ids, proxy, kiosk } = await kioskBehindProxy(up, 1, 150_000, TUNING);
    const id = ids[0]!;
    const seen = watch(id);
    // Pieces slowed on the wire, so the kill lands while the upload is under way.
    proxy.fault = { kind: 'delay', ms: 40 };
    const firstPiece = new Promise<Appended>((resolve) => up.events.once('upload-appended', resolve));
    let killedAt = 0;
    try {
      kiosk.start();
      killedAt = (await firstPiece).to;
      await kiosk.kill();
      proxy.fault = { kind: 'pass' };
      kiosk.start();
      await kiosk.waitFor(delivered(1), 90_000, 'the dossier delivered after the restart');
    } finally {
      await kiosk.stop();
      await proxy.stop();
      seen.off();
    }
    const size = up.control.packet(id)!.jwe.length;
    expect(killedAt).toBeLessThan(size);
    expect(seen.w.started).toHaveLength(1);
    expect(new Set(seen.w.appended.map((e) => e.uploadId)).size).toBe(1);
    expect(seen.w.appended.reduce((n, e) => n + e.bytes, 0)).toBe(size);
    expect(proxy.bytesUp).toBeLessThan(2 * size);
    const k = await kioskRecord(dataDir, id);
    expect(k.resumedFrom.length).toBeGreaterThan(0);
    expect(k.resumedFrom[0]).toBeGreaterThanOrEqual(killedAt);
    expect(seen.w.stored).toEqual([k.sent]);
    console.log(JSON.stringify({ test: 'SIGKILL mid-upload', packetBytes: size, proxyBytes: proxy.bytesUp, ratio: +(proxy.bytesUp / size).toFixed(3), killedAfterOffset: killedAt, resumedFrom: k.resumedFrom }));
  }, 120_000);
});
