/**
 * Dossier calls made the way an attacker would: raw chip files of a read made in another session,
 * a chip portrait swapped after the card was read, a chip verdict claimed without a read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../host';
import { makePortraitJpeg } from '../sim/virtual-cccd/portrait';
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
/** A small real JPEG, different for each seed. */
const jpeg = (seed: number) => Buffer.from(makePortraitJpeg(48, 64, seed).bytes).toString('base64');

/** A new draft of canbo's (signed in as canbo), taken from the card's QR code (no read needed). */
async function canboDraft(idNumber: string) {
  expect(await signInAs(host, 'canbo')).toBe(true);
  const body = sampleDossier({ idNumber, overall: 'not_read' });
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
    const before = D.countsByState(host.context.auth.db);
    const d = await call('dossier.create', { body: sampleDossier({ idNumber: NHUNG }), chipReadId: readId });
    expect(d).toMatchObject({ ok: false, error: { code: 'dossier.read_expired' } });
    expect(D.countsByState(host.context.auth.db)).toEqual(before);
  }, 60_000);

  it('are forgotten on the suspend / screen lock', async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    const readId = await readCard();
    host.lockNow('screen_lock');
    expect(await signInAs(host, 'canbo')).toBe(true);
    const d = await call('dossier.create', { body: sampleDossier({ idNumber: NHUNG }), chipReadId: readId });
    expect(d).toMatchObject({ ok: false, error: { code: 'dossier.read_expired' } });
    // the same citizen can still be taken from the card's QR code, with no chip files
    const qr = await call('dossier.create', { body: sampleDossier({ idNumber: NHUNG, overall: 'not_read' }), chipReadId: readId });
    expect(qr).toMatchObject({ ok: true });
    expect(D.image(host.context.auth.db, qr.value.id, 'ef_sod')).toBeNull();
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
  it('stored by dossier.create is the read’s own; the screen cannot send one (create or save); without a read none is stored', async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    const readId = await readCard();
    expect(await call('dossier.create', { body: sampleDossier({ idNumber: NHUNG }), chipReadId: readId, chipPortrait: jpeg(1) })).toMatchObject({
      ok: false,
      error: { code: 'bridge.invalid_payload' },
    });
    const again = await readCard();
    const d = await call('dossier.create', { body: sampleDossier({ idNumber: NHUNG }), chipReadId: again });
    expect(d).toMatchObject({ ok: true });
    const id = d.value.id as string;
    const fromChip = D.image(host.context.auth.db, id, 'chip_portrait');
    expect(fromChip && fromChip.length).toBeGreaterThan(1000);
    const body = sampleDossier({ idNumber: NHUNG });
    expect(await call('dossier.save', { id, revision: 1, body, chipPortrait: jpeg(2) })).toMatchObject({ ok: false, error: { code: 'bridge.invalid_payload' } });
    expect(D.image(host.context.auth.db, id, 'chip_portrait')).toEqual(fromChip);
    expect(await call('dossier.save', { id, revision: 1, body, livePortrait: jpeg(3) })).toMatchObject({ ok: true, value: { revision: 2 } });
    const bare = await call('dossier.create', { body: sampleDossier({ idNumber: '079201000554', overall: 'not_read' }) });
    expect(D.image(host.context.auth.db, bare.value.id, 'chip_portrait')).toBeNull();
  }, 60_000);
});

describe('the live portrait', () => {
  it('is refused before any decoding when it declares more than 1280 px a side (a decompression bomb), or has no frame header', { timeout: 60_000 }, async () => {
    const { id, body } = await canboDraft('079201000566');
    const real = Buffer.from(makePortraitJpeg(48, 64, 5).bytes);
    const sof = real.indexOf(Buffer.from([0xff, 0xc0]));
    const bomb = Buffer.from(real);
    bomb.writeUInt16BE(4000, sof + 5);
    bomb.writeUInt16BE(4000, sof + 7);
    for (const bad of [bomb, Buffer.from([0xff, 0xd8, 0xff, 0xd9])]) {
      expect(await call('dossier.save', { id, revision: 1, body, livePortrait: bad.toString('base64') })).toMatchObject({ ok: false, error: { code: 'dossier.incomplete' } });
    }
    expect(D.image(host.context.auth.db, id, 'live_portrait')).toBeNull();
    expect(await call('dossier.save', { id, revision: 1, body, livePortrait: Buffer.from(makePortraitJpeg(480, 640, 5).bytes).toString('base64') })).toMatchObject({ ok: true });
  });
});

describe('a chip verdict without the host’s own read', () => {
  const claims = (idNumber: string) => {
    const qr = sampleDossier({ idNumber, overall: 'not_read' });
    const id = qr.identity!;
    return {
      genuine: { ...qr, identity: { ...id, verification: { overall: 'genuine' as const, lines: [] } } },
      unverified: { ...qr, identity: { ...id, verification: { overall: 'not_fully_verified' as const, lines: [] } } },
      chipSourced: { ...qr, identity: { ...id, sources: { ...id.sources, fullName: 'chip_verified' as const } } },
      chipUnverifiedSource: { ...qr, identity: { ...id, sources: { idNumber: 'chip_unverified' as const } } },
      chipIdentity: { ...qr, identity: { ...id, identity: { ...id.identity, source: 'chip' as const } } },
    };
  };

  it('is refused by dossier.create with no read named, and nothing is stored', { timeout: 60_000 }, async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    const before = D.countsByState(host.context.auth.db);
    for (const [name, body] of Object.entries(claims('079201000563'))) {
      expect(await call('dossier.create', { body }), name).toMatchObject({ ok: false, error: { code: 'dossier.forbidden' } });
    }
    expect(D.countsByState(host.context.auth.db)).toEqual(before);
  });

  it('is refused by dossier.create naming a read that is not held (made up, or already used)', { timeout: 60_000 }, async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    const made = await call('dossier.create', { body: claims('079201000564').genuine, chipReadId: 'ab'.repeat(16) });
    expect(made).toMatchObject({ ok: false, error: { code: 'dossier.read_expired' } });
    const readId = await readCard();
    expect(await call('dossier.create', { body: sampleDossier({ idNumber: NHUNG }), chipReadId: readId })).toMatchObject({ ok: true });
    expect(await call('dossier.create', { body: sampleDossier({ idNumber: NHUNG }), chipReadId: readId })).toMatchObject({ ok: false, error: { code: 'dossier.read_expired' } });
  });

  it('is refused by the first dossier.save that sets the identity of a blank draft', { timeout: 60_000 }, async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    const blank = await call('dossier.create', { body: { schemaVersion: 1 } });
    const id = blank.value.id as string;
    for (const [name, body] of Object.entries(claims('079201000565'))) {
      expect(await call('dossier.save', { id, revision: 1, body }), name).toMatchObject({ ok: false, error: { code: 'dossier.forbidden' } });
    }
    expect((await call('dossier.get', { id })).value.body.identity).toBeUndefined();
    // the same citizen from the QR code is accepted
    expect(await call('dossier.save', { id, revision: 1, body: sampleDossier({ idNumber: '079201000565', overall: 'not_read' }) })).toMatchObject({ ok: true });
  });

  it('a read-started draft keeps its verdict through saves (its SOD is stored)', { timeout: 60_000 }, async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    const readId = await readCard();
    const body = sampleDossier({ idNumber: NHUNG });
    const d = await call('dossier.create', { body, chipReadId: readId });
    expect(await call('dossier.save', { id: d.value.id, revision: 1, body: { ...body, contact: { mobile: '0987654321' } } })).toMatchObject({ ok: true });
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
    const huge = sampleDossier({ idNumber: '079201000559', fullName: 'Nguyễn '.repeat(100_000), overall: 'not_read' });
    expect(await call('dossier.create', { body: huge })).toMatchObject({ ok: false, error: { code: 'bridge.invalid_payload' } });
    const many = { ...body, identity: { ...body.identity!, identity: { ...body.identity!.identity, unknownFields: Array.from({ length: 50_000 }, (_, n) => ({ n, tag: 'x', raw: 'ab' })) } } };
    expect(await call('dossier.save', { id, revision: 1, body: many })).toMatchObject({ ok: false, error: { code: 'bridge.invalid_payload' } });
    expect(await call('dossier.save', { id, revision: 1, body })).toMatchObject({ ok: true });
  });
});

describe('two screens on one dossier', () => {
  it('a submission names the revision it reviewed: a newer save from another screen makes it stale', { timeout: 60_000 }, async () => {
    const { id, body } = await canboDraft('079201000560');
    const live = jpeg(0);
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
    const other = sampleDossier({ idNumber: '079201000562', fullName: 'Người Khác', overall: 'not_read' });
    expect(await call('dossier.save', { id, revision: 1, body: { ...body, identity: other.identity } })).toMatchObject({ ok: false, error: { code: 'dossier.forbidden' } });
    const verdict = { ...body.identity!, verification: { overall: 'failed' as const, lines: [] } };
    expect(await call('dossier.save', { id, revision: 1, body: { ...body, identity: verdict } })).toMatchObject({ ok: false, error: { code: 'dossier.forbidden' } });
    expect(await call('dossier.save', { id, revision: 1, body: { ...body, contact: { mobile: '0987654321' } } })).toMatchObject({ ok: true });
    // a draft created without an identity gets one by a save
    const blank = await call('dossier.create', { body: { schemaVersion: 1 } });
    expect(await call('dossier.save', { id: blank.value.id, revision: 1, body: other })).toMatchObject({ ok: true });
  });
});
