import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { isoDateAt } from '../../../shared/domain/dates';
import type { Officer } from '../auth/accounts';
import { auditFor, verifyAudit } from './audit';
import type { Db } from './database';
import * as D from './dossiers';
import { createStore, type OpenStore } from './store';
import { sampleDossier } from './test-dossier';

const FAST = { N: 2 ** 14, r: 8, p: 1 };
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
let s: OpenStore;
let db: Db;
const officer: Officer = { id: 'o-1', username: 'cb01', displayName: 'Cán bộ Một', role: 'officer', active: true };
const supervisor: Officer = { id: 's-1', username: 'ld01', displayName: 'Lãnh đạo', role: 'supervisor', active: true };
const supervisor2: Officer = { id: 's-2', username: 'ld02', displayName: 'Lãnh đạo Hai', role: 'supervisor', active: true };

beforeEach(async () => {
  s = await createStore(mkdtempSync(join(tmpdir(), 'kiosk-dossier-')), { passphrase: 'trạm công an phường 7' }, FAST);
  db = s.db;
  const add = db.prepare(`INSERT INTO officers (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, 'x', 'now')`);
  for (const o of [officer, supervisor, supervisor2]) add.run(o.id, o.username, o.displayName, o.role);
});

const submitted = (over = {}, who = officer) => {
  const d = D.createDraft(db, who, sampleDossier(over), { live_portrait: jpeg, chip_portrait: jpeg });
  return D.submit(db, who, d.id);
};

describe('dossier life', () => {
  it('draft → saved → submitted → approved: one outbox row, every step audited in a sound chain', () => {
    const d = D.createDraft(db, officer, { schemaVersion: 1 });
    expect(d).toMatchObject({ state: 'draft', revision: 1 });
    expect(d.id).toMatch(/^HS-[2-9A-HJ-NP-Z]{10}$/);
    const saved = D.saveDraft(db, officer, d.id, 1, sampleDossier(), { live_portrait: jpeg });
    expect(saved.revision).toBe(2);
    expect(D.submit(db, officer, d.id).state).toBe('submitted');
    const approved = D.approve(db, supervisor, d.id);
    expect(approved).toMatchObject({ state: 'queued', supervisorId: 's-1' });
    expect(db.prepare('SELECT count(*) AS n FROM outbox WHERE dossier_id = ?').get(d.id)).toEqual({ n: 1 });
    expect(auditFor(db, d.id).map((e) => e.action)).toEqual(['draft.created', 'draft.saved', 'dossier.submitted', 'dossier.approved']);
    expect(verifyAudit(db).ok).toBe(true);
    expect(D.image(db, d.id, 'live_portrait')).toEqual(Buffer.from(jpeg));
  });

  it('four eyes: nobody approves a dossier they took; an officer never approves', () => {
    const mine = submitted({}, supervisor);
    expect(() => D.approve(db, supervisor, mine.id)).toThrow(expect.objectContaining({ code: 'four_eyes' }));
    expect(() => D.approve(db, officer, mine.id)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(D.approve(db, supervisor2, mine.id).state).toBe('queued');
  });

  it('approving twice fails and leaves exactly one outbox row', () => {
    const d = submitted();
    D.approve(db, supervisor, d.id);
    expect(() => D.approve(db, supervisor2, d.id)).toThrow(expect.objectContaining({ code: 'wrong_state' }));
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
  });

  it('returned with a reason, corrected by the officer, submitted again', () => {
    const d = submitted();
    expect(D.returnToOfficer(db, supervisor, d.id, 'Ảnh chân dung bị mờ')).toMatchObject({ state: 'returned', returnReason: 'Ảnh chân dung bị mờ' });
    const r = D.get(db, d.id);
    D.saveDraft(db, officer, d.id, r.revision, sampleDossier(), { live_portrait: jpeg });
    expect(D.submit(db, officer, d.id)).toMatchObject({ state: 'submitted', returnReason: null });
  });

  it('only the officer who took it edits it, and a stale revision is refused', () => {
    const d = D.createDraft(db, officer, sampleDossier());
    expect(() => D.saveDraft(db, supervisor, d.id, 1, sampleDossier())).toThrow(expect.objectContaining({ code: 'forbidden' }));
    D.saveDraft(db, officer, d.id, 1, sampleDossier());
    expect(() => D.saveDraft(db, officer, d.id, 1, sampleDossier())).toThrow(expect.objectContaining({ code: 'stale' }));
  });

  it('an incomplete draft or one without the live portrait cannot be submitted', () => {
    const bare = D.createDraft(db, officer, { schemaVersion: 1 });
    expect(() => D.submit(db, officer, bare.id)).toThrow(expect.objectContaining({ code: 'incomplete' }));
    const noPhoto = D.createDraft(db, officer, sampleDossier());
    expect(() => D.submit(db, officer, noPhoto.id)).toThrow(expect.objectContaining({ code: 'incomplete', detail: 'live_portrait' }));
  });

  it('cancelling a draft wipes it and its images; the audit keeps only the id', () => {
    const d = D.createDraft(db, officer, sampleDossier(), { live_portrait: jpeg });
    D.cancelDraft(db, officer, d.id);
    expect(() => D.get(db, d.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(db.prepare('SELECT count(*) AS n FROM dossier_images').get()).toEqual({ n: 0 });
    expect(auditFor(db, d.id).map((e) => e.action)).toEqual(['draft.created', 'draft.cancelled']);
  });
});

describe('rules at submission', () => {
  // Today as the kiosk counts ages: the date in Vietnam (UTC+7), a day ahead of UTC from 17:00 UTC.
  const [ty, tm, td] = isoDateAt(Date.now()).split('-').map(Number) as [number, number, number];
  const yearsAgo = (y: number, plusDays = 0) => new Date(Date.UTC(ty - y, tm - 1, td + plusDays)).toISOString().slice(0, 10);

  it('under 6: refused with the rule', () => {
    expect(() => submitted({ dateOfBirth: yearsAgo(6, 1), cardKind: 'can_cuoc' })).toThrow(expect.objectContaining({ code: 'age_rule', detail: 'under_6' }));
  });

  it('13 with a chip CCCD: refused; with a Căn cước card: needs the guardian', () => {
    expect(() => submitted({ dateOfBirth: yearsAgo(14, 1), cardKind: 'cccd_chip', idNumber: '001212000001' })).toThrow(expect.objectContaining({ code: 'age_rule', detail: 'minor_needs_can_cuoc' }));
    expect(() => submitted({ dateOfBirth: yearsAgo(14, 1), cardKind: 'can_cuoc', idNumber: '001212000002' })).toThrow(expect.objectContaining({ code: 'guardian_required' }));
  });

  it('a failed chip needs a supervisor override', () => {
    expect(() => submitted({ overall: 'failed' })).toThrow(expect.objectContaining({ code: 'override_required', detail: 'chip_failed' }));
  });

  it('the same ID number pending here is flagged as a duplicate', () => {
    const first = submitted();
    const second = D.createDraft(db, officer, sampleDossier(), { live_portrait: jpeg });
    expect(() => D.submit(db, officer, second.id)).toThrow(expect.objectContaining({ code: 'duplicate', detail: first.id }));
    expect(D.submit(db, officer, second.id, { allowDuplicate: true }).state).toBe('submitted');
  });

  it('an unfinished draft of the same citizen is not a duplicate (the intake may have been started again)', () => {
    D.createDraft(db, officer, sampleDossier(), { live_portrait: jpeg });
    const again = D.createDraft(db, officer, sampleDossier(), { live_portrait: jpeg });
    expect(D.submit(db, officer, again.id).state).toBe('submitted');
  });
});

describe('queue views', () => {
  it('finds "nguyen" in "Nguyễn", by ID number exactly, and treats % and _ literally', () => {
    submitted({ fullName: 'Nguyễn Thị Nhung', idNumber: '001190012345' });
    submitted({ fullName: 'Trần Đức Anh', idNumber: '079201000777' });
    expect(D.search(db, 'nguyen').map((r) => r.fullName)).toEqual(['Nguyễn Thị Nhung']);
    expect(D.search(db, 'NGUYỄN THỊ').length).toBe(1);
    expect(D.search(db, 'duc anh').map((r) => r.fullName)).toEqual(['Trần Đức Anh']);
    expect(D.search(db, '079201000777').map((r) => r.idNumber)).toEqual(['079201000777']);
    expect(D.search(db, '%')).toEqual([]);
    expect(D.search(db, 'n_uyen')).toEqual([]);
    expect(D.search(db, 'nguyen', { officerId: 's-2' })).toEqual([]);
    expect(D.countsByState(db)).toEqual({ submitted: 2 });
  });
});

describe('roles in the store itself', () => {
  it('an administrator account does not take intakes', () => {
    const admin: Officer = { id: 'a-1', username: 'qtv01', displayName: 'Quản trị', role: 'admin', active: true };
    expect(() => D.createDraft(db, admin, sampleDossier())).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});
