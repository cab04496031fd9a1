/** Dossier calls through a real demo host's dispatcher, signed in as each training account. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_PASSWORD } from '../auth/training';
import type { Host } from '../host';
import { makePortraitJpeg } from '../sim/virtual-cccd/portrait';
import { sampleDossier } from '../store/test-dossier';
import { demoHost } from '../test-host';

let host: Host;
const ctx = { shell: 'test' as const, senderUrl: 'test' };
const jpeg = Buffer.from(makePortraitJpeg(48, 64, 1).bytes).toString('base64');

beforeAll(async () => {
  host = await demoHost('kiosk-dossier-calls-');
});
afterAll(() => host.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are checked by shape with toMatchObject
type Loose = any;
const call = (ch: string, payload?: unknown) => host.dispatch(ch, payload, ctx) as Promise<{ ok: boolean; value?: Loose; error?: { code: string } }>;
async function as(username: string) {
  await call('auth.signOut');
  expect((await call('auth.signIn', { username, password: TRAINING_PASSWORD })).ok).toBe(true);
}

describe('dossier calls', () => {
  it('officer drafts, saves with the live portrait and submits; the supervisor approves; roles and four eyes hold', async () => {
    await as('canbo');
    const created = await call('dossier.create', { body: { schemaVersion: 1 } });
    expect(created).toMatchObject({ ok: true, value: { state: 'draft' } });
    const id = created.value.id as string;
    expect(await call('dossier.save', { id, revision: 1, body: sampleDossier({ overall: 'not_read' }), livePortrait: jpeg })).toMatchObject({ ok: true, value: { revision: 2 } });
    expect(await call('dossier.save', { id, revision: 1, body: sampleDossier({ overall: 'not_read' }) })).toMatchObject({ ok: false, error: { code: 'dossier.stale' } });
    expect(await call('dossier.save', { id, revision: 2, body: sampleDossier({ overall: 'not_read' }), livePortrait: Buffer.from('not a jpeg').toString('base64') })).toMatchObject({ ok: false, error: { code: 'dossier.incomplete' } });
    expect(await call('dossier.submit', { id })).toMatchObject({ ok: true, value: { state: 'submitted' } });
    expect(await call('dossier.decide', { id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });

    await as('quantri');
    expect(await call('dossier.create', { body: { schemaVersion: 1 } })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(await call('dossier.counts')).toMatchObject({ ok: true, value: { counts: { submitted: 1 } } });

    await as('lanhdao');
    const queue = await call('dossier.list', { state: 'submitted' });
    expect(queue.value.rows.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await call('dossier.get', { id })).value.body.contact).toEqual({ mobile: '0912345678', email: 'nhung@example.vn' });
    expect(await call('dossier.decide', { id, decision: 'approve' })).toMatchObject({ ok: true, value: { state: 'queued' } });
    expect((await call('dossier.history', { id })).value.entries.map((e: { action: string }) => e.action)).toEqual(['draft.created', 'draft.saved', 'dossier.submitted', 'dossier.approved']);

    // a supervisor's own intake needs another supervisor
    const own = await call('dossier.create', { body: sampleDossier({ idNumber: '079201000777', fullName: 'Trần Đức Anh', overall: 'not_read' }) });
    await call('dossier.save', { id: own.value.id, revision: 1, body: sampleDossier({ idNumber: '079201000777', fullName: 'Trần Đức Anh', overall: 'not_read' }), livePortrait: jpeg });
    await call('dossier.submit', { id: own.value.id });
    expect(await call('dossier.decide', { id: own.value.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'dossier.four_eyes' } });

    // officers see only their own
    await as('canbo');
    expect((await call('dossier.list', { query: 'tran duc anh' })).value.rows).toEqual([]);
    expect(await call('dossier.get', { id: own.value.id })).toMatchObject({ ok: false, error: { code: 'dossier.not_found' } });
    expect((await call('dossier.list', { query: 'nguyen' })).value.rows.map((r: { id: string }) => r.id)).toEqual([id]);
  });
});

describe('queue and status calls', () => {
  it('officers count and list only their own (with the officers’ names); the history names who acted', async () => {
    const { createAccount } = await import('../auth/accounts');
    const admin = host.context.auth.db.prepare("SELECT id FROM officers WHERE username = 'quantri'").get() as { id: string };
    await createAccount(host.context.auth.db, admin.id, { username: 'canbo2', displayName: 'Cán bộ thứ hai', role: 'officer', password: TRAINING_PASSWORD });
    const take = async (idNumber: string, fullName: string) => {
      const body = sampleDossier({ idNumber, fullName, overall: 'not_read' });
      const d = await call('dossier.create', { body });
      await call('dossier.save', { id: d.value.id, revision: 1, body, livePortrait: jpeg });
      expect(await call('dossier.submit', { id: d.value.id })).toMatchObject({ ok: true });
      return d.value.id as string;
    };
    await as('canbo2');
    const other = await take('079201000888', 'Nguyễn Văn Khác');
    expect(await call('dossier.counts')).toEqual({ ok: true, value: { counts: { submitted: 1 } } });
    const listed = await call('dossier.list', { query: 'nguyen van khac' });
    expect(listed.value.rows.map((r: { id: string }) => r.id)).toEqual([other]);
    expect(Object.values(listed.value.officers)).toEqual(['Cán bộ thứ hai']);

    await as('canbo');
    const mine = (await call('dossier.counts')).value.counts;
    expect(mine.submitted).toBeUndefined(); // canbo's first dossier was approved in the test above
    expect(mine.queued).toBe(1);
    expect((await call('dossier.list', { query: 'khac' })).value).toEqual({ rows: [], officers: {} });

    await as('lanhdao');
    expect((await call('dossier.counts')).value.counts.submitted).toBe(2); // the station's: canbo2's and lanhdao's own from above
    await call('dossier.decide', { id: other, decision: 'return', reason: 'Ảnh mờ' });
    const history = (await call('dossier.history', { id: other })).value.entries;
    expect(history.map((e: { action: string; actorName: string }) => [e.action, e.actorName])).toEqual([
      ['draft.created', 'Cán bộ thứ hai'],
      ['draft.saved', 'Cán bộ thứ hai'],
      ['dossier.submitted', 'Cán bộ thứ hai'],
      ['dossier.returned', 'Lãnh đạo duyệt hồ sơ (đào tạo)'],
    ]);
  });
});
