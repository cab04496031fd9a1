/**
 * Drives, exports and receipts through a real demo host's dispatcher: the roles of the table, the
 * acting officer from the session, a dossier created over the bridge tagged with the current
 * company, the export's bytes returned (no file written by the host) and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../host';
import { demoHost, signInAs, testCtx } from '../test-host';
import { parseCsv } from '../reports/csv';
import * as D from '../store/dossiers';
import { sampleDossier } from '../store/test-dossier';

let host: Host;
beforeAll(async () => {
  host = await demoHost('kiosk-reports-calls-');
});
afterAll(() => host.close());

type Ok<T> = { ok: true; value: T };
const call = async <T = unknown>(ch: string, payload?: unknown) => (await host.dispatch(ch, payload, testCtx)) as Ok<T> | { ok: false; error: { code: string } };
const value = async <T>(ch: string, payload?: unknown): Promise<T> => {
  const r = await call<T>(ch, payload);
  if (!r.ok) throw new Error(`${ch}: ${r.error.code}`);
  return r.value;
};
const db = () => host.context.auth.db;

describe('drive and report calls', () => {
  it('a supervisor opens a drive; an officer switches the company and the dossier they create is tagged with it; exports come back as bytes and are audited', async () => {
    expect(await signInAs(host, 'canbo')).toBe(true);
    expect(await call('drive.open', { name: 'x', place: 'y', startsOn: '2026-11-23', endsOn: '2026-11-29', companies: ['A'] })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(await signInAs(host, 'lanhdao')).toBe(true);
    const drive = await value<{ id: string; companies: Array<{ id: string; name: string }> }>('drive.open', { name: 'Đợt KCN Đình Trám', place: 'Bắc Giang', startsOn: '2026-11-23', endsOn: '2026-11-29', companies: ['Công ty Một', 'Công ty Hai'] });
    expect(await call('drive.open', { name: 'Khác', place: 'y', startsOn: '2026-11-23', endsOn: '2026-11-29', companies: ['A'] })).toMatchObject({ ok: false, error: { code: 'drive.already_open' } });

    expect(await signInAs(host, 'canbo')).toBe(true);
    const officer = host.context.auth.officer()!;
    expect(await value('drive.current')).toMatchObject({ current: { drive: { id: drive.id }, companyId: drive.companies[0]!.id } });
    await value('drive.switchCompany', { companyId: drive.companies[1]!.id });
    const created = await value<{ id: string }>('dossier.create', { body: { schemaVersion: 1 } });
    expect(db().prepare('SELECT company_id FROM dossier_drive WHERE dossier_id = ?').pluck().get(created.id)).toBe(drive.companies[1]!.id);
    expect(await call('report.export', { request: { form: 'form02', driveId: drive.id }, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(await call('receipt.pdf', { id: created.id, size: 'a5' })).toMatchObject({ ok: false, error: { code: 'receipt.unavailable' } });

    // Submitted and approved in the store (the intake's own calls are tested elsewhere), then exported.
    D.cancelDraft(db(), officer, created.id);
    const supervisor = { id: db().prepare(`SELECT id FROM officers WHERE username = 'lanhdao'`).pluck().get() as string, username: 'lanhdao', displayName: 'x', role: 'supervisor' as const, active: true };
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    const d = D.createDraft(db(), officer, sampleDossier({ idNumber: '024300001234', fullName: 'Ngô Thị Thơm' }), { live_portrait: jpeg });
    D.submit(db(), officer, d.id, { allowDuplicate: true });
    D.approve(db(), supervisor, d.id);
    const receipt = await value<{ fileName: string; base64: string }>('receipt.pdf', { id: d.id, size: '80mm' });
    expect(Buffer.from(receipt.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    expect(await signInAs(host, 'lanhdao')).toBe(true);
    expect(await call('report.export', { request: { form: 'form02' }, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'report.empty_filter' } });
    const file = await value<{ fileName: string; mime: string; base64: string; rows: number }>('report.export', { request: { form: 'form02', driveId: drive.id, companyId: drive.companies[1]!.id }, format: 'csv' });
    expect(file.rows).toBe(1);
    expect(parseCsv(Buffer.from(file.base64, 'base64'))[1]).toEqual(['1', 'Ngô Thị Thơm', '05/03/1990', 'Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội', '024300001234', '0912345678', 'Mức 2']);
    const exported = db().prepare(`SELECT actor FROM audit WHERE action = 'report.exported'`).pluck().all();
    expect(exported).toEqual([host.context.auth.officer()!.id]);
    expect(db().prepare(`SELECT count(*) FROM audit WHERE action = 'receipt.printed'`).pluck().get()).toBe(1);

    const st = await value<{ total: number; byCompany: Array<{ name: string | null; total: number }> }>('report.stats', { from: '2000-01-01', to: '2000-12-31' });
    expect(st.total).toBe(0);
    expect(await call('report.stats', { from: '2020-01-01', to: '2026-12-31' })).toMatchObject({ ok: false, error: { code: 'report.empty_filter' } });
    await value('drive.close', { id: drive.id });
    expect(await value('drive.current')).toEqual({ current: null });
  });

  it("an officer gets no receipt of another's dossier, and the host answers as if it did not exist", async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    const officers = db().prepare(`SELECT id, username, role FROM officers`).all() as Array<{ id: string; username: string; role: 'officer' | 'supervisor' | 'admin' }>;
    const sup = officers.find((o) => o.username === 'lanhdao')!;
    const theirs = D.createDraft(db(), { ...sup, displayName: 'x', active: true }, sampleDossier({ idNumber: '024300009999' }), { live_portrait: jpeg });
    D.submit(db(), { ...sup, displayName: 'x', active: true }, theirs.id, { allowDuplicate: true });
    expect(await signInAs(host, 'canbo')).toBe(true);
    expect(await call('receipt.pdf', { id: theirs.id, size: 'a5' })).toMatchObject({ ok: false, error: { code: 'dossier.not_found' } });
    expect(await signInAs(host, 'lanhdao')).toBe(true);
    expect(await call('receipt.pdf', { id: theirs.id, size: 'a5' })).toMatchObject({ ok: true });
  });

  it('the administrator manages drives and exports but takes no intake: no company switch', async () => {
    expect(await signInAs(host, 'quantri')).toBe(true);
    expect(await call('drive.list')).toMatchObject({ ok: true });
    expect(await call('drive.switchCompany', { companyId: null })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });
});
