/**
 * Dossier calls made the way an attacker would: raw chip files of a read made in another session,
 * a chip portrait swapped after the card was read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../host';
import { sampleDossier } from '../store/test-dossier';
import * as D from '../store/dossiers';
import { purgeExpired } from '../store/retention';
import { demoHost, signInAs, testCtx } from '../test-host';

let host: Host;
beforeAll(async () => {
  host = await demoHost('kiosk-dossier-hostile-');
});
afterAll(() => host.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are checked by shape with toMatchObject
type Loose = any;
const call = (ch: string, payload?: unknown) => host.dispatch(ch, payload, testCtx) as Promise<{ ok: boolean; value?: Loose; error?: { code: string } }>;
const NHUNG = '001190012345';
const jpeg = (marker: number) => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, marker, 0xff, 0xd9]).toString('base64');

/** A new draft of canbo's (signed in as canbo). */
async function canboDraft(idNumber: string) {
  expect(await signInAs(host, 'canbo')).toBe(true);
  const body = sampleDossier({ idNumber });
  const d = await call('dossier.create', { body });
  return { id: d.value.id as string, body, db: host.context.auth.db };
}

async function readCard(): Promise<string> {
  const r = await call('card.read', { access: { idNumber: NHUNG } });
  expect(r).toMatchObject({ ok: true });
  return r.value.readId as string;
}

describe('raw chip files of a read', () => {
  it('are forgotten when the session ends: another officer cannot attach them after a sign-out', async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    const readId = await readCard();
    expect(await signInAs(host, 'lanhdao')).toBe(true); // canbo signed out, lanhdao signed in
    const d = await call('dossier.create', { body: sampleDossier({ idNumber: NHUNG }), chipReadId: readId });
    expect(d).toMatchObject({ ok: true });
    expect(D.image(host.context.auth.db, d.value.id, 'ef_sod')).toBeNull();
    expect(D.image(host.context.auth.db, d.value.id, 'dg2')).toBeNull();
  }, 60_000);

  it('are forgotten on the suspend / screen lock', async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    const readId = await readCard();
    host.lockNow('screen_lock');
    expect(await signInAs(host, 'canbo')).toBe(true);
    const d = await call('dossier.create', { body: sampleDossier({ idNumber: NHUNG }), chipReadId: readId });
    expect(d).toMatchObject({ ok: true });
    expect(D.image(host.context.auth.db, d.value.id, 'ef_sod')).toBeNull();
  }, 60_000);

  it('are attached to the dossier the same session starts from that read', async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    const readId = await readCard();
    const d = await call('dossier.create', { body: sampleDossier({ idNumber: NHUNG }), chipReadId: readId });
    expect(d).toMatchObject({ ok: true });
    expect(D.image(host.context.auth.db, d.value.id, 'ef_sod')).not.toBeNull();
  }, 60_000);
});

describe('the chip portrait', () => {
  it('stored by dossier.create is the read’s own, never one the screen sends; without a read none is stored', async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    const readId = await readCard();
    const d = await call('dossier.create', { body: sampleDossier({ idNumber: NHUNG }), chipReadId: readId, chipPortrait: jpeg(1) });
    expect(d).toMatchObject({ ok: true });
    const stored = D.image(host.context.auth.db, d.value.id, 'chip_portrait');
    expect(stored && stored.length).toBeGreaterThan(1000);
    expect(stored?.toString('base64')).not.toBe(jpeg(1));
    const bare = await call('dossier.create', { body: sampleDossier({ idNumber: '079201000554' }), chipPortrait: jpeg(1) });
    expect(D.image(host.context.auth.db, bare.value.id, 'chip_portrait')).toBeNull();
  }, 60_000);

  it('cannot be replaced by a save once the dossier has one (the supervisor compares it with the live portrait)', { timeout: 60_000 }, async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    const readId = await readCard();
    const body = sampleDossier({ idNumber: NHUNG });
    const d = await call('dossier.create', { body, chipReadId: readId });
    expect(d).toMatchObject({ ok: true });
    const id = d.value.id as string;
    const fromChip = D.image(host.context.auth.db, id, 'chip_portrait')?.toString('base64');
    expect(fromChip).toBeTruthy();
    expect(await call('dossier.save', { id, revision: 1, body, chipPortrait: jpeg(2) })).toMatchObject({ ok: false, error: { code: 'dossier.forbidden' } });
    expect(D.image(host.context.auth.db, id, 'chip_portrait')?.toString('base64')).toBe(fromChip);
    // a save without one still goes through
    expect(await call('dossier.save', { id, revision: 1, body, livePortrait: jpeg(3) })).toMatchObject({ ok: true, value: { revision: 2 } });
  });

  it('may still be given once by a save when the draft has none', async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    const body = sampleDossier({ idNumber: '079201000556' });
    const d = await call('dossier.create', { body });
    const id = d.value.id as string;
    expect(await call('dossier.save', { id, revision: 1, body, chipPortrait: jpeg(4) })).toMatchObject({ ok: true });
    expect(await call('dossier.save', { id, revision: 2, body, chipPortrait: jpeg(5) })).toMatchObject({ ok: false, error: { code: 'dossier.forbidden' } });
  });
});

describe('dossier.history', () => {
  it('still answers for a dossier with more entries than the contract carries: the latest, with the first (who took it)', { timeout: 120_000 }, async () => {
    const { id, body, db } = await canboDraft('079201000557');
    const officer = host.context.auth.officer()!;
    for (let rev = 1; rev <= 520; rev++) D.saveDraft(db, officer, id, rev, body);
    const r = await call('dossier.history', { id });
    expect(r).toMatchObject({ ok: true });
    const entries = r.value.entries as Array<{ action: string; seq: number }>;
    expect(entries.length).toBe(500);
    expect(entries[0]!.action).toBe('draft.created');
    expect(entries.at(-1)!.seq).toBe(Math.max(...entries.map((e) => e.seq)));
  });
});

describe('a purged dossier', () => {
  it('opens in the queue detail with nothing personal instead of failing as internal', { timeout: 60_000 }, async () => {
    const { id, db } = await canboDraft('079201000558');
    db.prepare(`UPDATE dossiers SET state = 'accepted', updated_at = '2000-01-01T00:00:00.000Z' WHERE id = ?`).run(id);
    purgeExpired(db, new Date(), 30);
    const r = await call('dossier.get', { id });
    expect(r).toMatchObject({ ok: true, value: { row: { id, state: 'purged', fullName: null, idNumber: null } } });
    expect(r.value.body.identity).toBeUndefined();
    expect(await call('dossier.history', { id })).toMatchObject({ ok: true });
  });
});

describe('an oversized body', () => {
  it('is refused by dossier.create and dossier.save before anything is stored (unbounded identity strings and arrays)', { timeout: 60_000 }, async () => {
    const { id, body } = await canboDraft('079201000559');
    const huge = sampleDossier({ idNumber: '079201000559', fullName: 'Nguyễn '.repeat(100_000) });
    expect(await call('dossier.create', { body: huge })).toMatchObject({ ok: false, error: { code: 'bridge.invalid_payload' } });
    const many = { ...body, identity: { ...body.identity!, identity: { ...body.identity!.identity, unknownFields: Array.from({ length: 50_000 }, (_, n) => ({ n, tag: 'x', raw: 'ab' })) } } };
    expect(await call('dossier.save', { id, revision: 1, body: many })).toMatchObject({ ok: false, error: { code: 'bridge.invalid_payload' } });
    expect(await call('dossier.save', { id, revision: 1, body })).toMatchObject({ ok: true });
  });
});

describe('two screens on one dossier', () => {
  it('a submission names the revision it reviewed: a newer save from another screen makes it stale', { timeout: 60_000 }, async () => {
    const { id, body } = await canboDraft('079201000560');
    const live = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 0xff, 0xd9]).toString('base64');
    expect(await call('dossier.save', { id, revision: 1, body, livePortrait: live })).toMatchObject({ ok: true, value: { revision: 2 } });
    // screen A reviewed revision 2; screen B saves a changed body
    const changed = { ...body, contact: { mobile: '0987654321' } };
    expect(await call('dossier.save', { id, revision: 2, body: changed })).toMatchObject({ ok: true, value: { revision: 3 } });
    expect(await call('dossier.submit', { id, revision: 2 })).toMatchObject({ ok: false, error: { code: 'dossier.stale' } });
    expect(await call('dossier.submit', { id, revision: 3 })).toMatchObject({ ok: true, value: { state: 'submitted' } });
  });
});

describe('the chip verdict and identity of a dossier started from a read', () => {
  it('dossier.create refuses a verdict other than the read’s (a cloned chip claimed genuine escapes the supervisor’s override)', { timeout: 60_000 }, async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    await host.context.demo!.set({ present: true, variant: 'cloned', citizen: 'nhung' });
    try {
      const readId = await readCard();
      expect(await call('dossier.create', { body: sampleDossier({ idNumber: NHUNG, overall: 'genuine' }), chipReadId: readId })).toMatchObject({ ok: false, error: { code: 'dossier.forbidden' } });
      const again = await readCard();
      expect(await call('dossier.create', { body: sampleDossier({ idNumber: NHUNG, overall: 'failed' }), chipReadId: again })).toMatchObject({ ok: true });
    } finally {
      await host.context.demo!.set({ present: true, variant: 'genuine', citizen: 'nhung' });
    }
  });

  it('dossier.save never changes the identity part once the dossier has one (the chip files and portrait are that citizen’s)', { timeout: 60_000 }, async () => {
    const { id, body } = await canboDraft('079201000561');
    const other = sampleDossier({ idNumber: '079201000562', fullName: 'Người Khác' });
    expect(await call('dossier.save', { id, revision: 1, body: { ...body, identity: other.identity } })).toMatchObject({ ok: false, error: { code: 'dossier.forbidden' } });
    const verdict = { ...body.identity!, verification: { overall: 'genuine' as const, lines: [] } };
    expect(await call('dossier.save', { id, revision: 1, body: { ...body, identity: verdict } })).toMatchObject({ ok: false, error: { code: 'dossier.forbidden' } });
    expect(await call('dossier.save', { id, revision: 1, body: { ...body, contact: { mobile: '0987654321' } } })).toMatchObject({ ok: true });
    // a draft created without an identity gets one by a save
    const blank = await call('dossier.create', { body: { schemaVersion: 1 } });
    expect(await call('dossier.save', { id: blank.value.id, revision: 1, body: other })).toMatchObject({ ok: true });
  });
});
