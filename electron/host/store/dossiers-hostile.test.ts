/** Dossier rules against an officer who writes their own "supervisor override", or asks for every row. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Officer } from '../auth/accounts';
import type { Db } from './database';
import { appendAudit } from './audit';
import * as D from './dossiers';
import { createStore } from './store';
import { sampleDossier } from './test-dossier';

const FAST = { N: 2 ** 14, r: 8, p: 1 };
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
let db: Db;
const officer: Officer = { id: 'o-1', username: 'cb01', displayName: 'Cán bộ Một', role: 'officer', active: true };
const officer2: Officer = { id: 'o-2', username: 'cb02', displayName: 'Cán bộ Hai', role: 'officer', active: true };
const supervisor: Officer = { id: 's-1', username: 'ld01', displayName: 'Lãnh đạo', role: 'supervisor', active: true };
const gone: Officer = { id: 's-9', username: 'ld09', displayName: 'Đã nghỉ', role: 'supervisor', active: false };

beforeEach(async () => {
  db = (await createStore(mkdtempSync(join(tmpdir(), 'kiosk-dossier-hostile-')), { passphrase: 'trạm công an phường 7' }, FAST)).db;
  const add = db.prepare(`INSERT INTO officers (id, username, display_name, role, password_hash, active, created_at) VALUES (?, ?, ?, ?, 'x', ?, 'now')`);
  for (const o of [officer, officer2, supervisor, gone]) add.run(o.id, o.username, o.displayName, o.role, o.active ? 1 : 0);
});

/** The audit entry auth.confirmSupervisor writes when `who` typed their password for `purpose` on this dossier. */
function passwordChecked(who: string, dossierId: string, purpose: string): void {
  db.transaction(() => appendAudit(db, { actor: who, action: 'auth.supervisor_checked', dossierId, at: new Date().toISOString(), detail: { purpose, officer: officer.id } }))();
}

function failedChipWithOverrideBy(who: string, submitter: Officer = officer, checked: { purpose: string; onOther?: boolean } | null = { purpose: 'chip_failed' }) {
  const body = sampleDossier({ overall: 'failed' });
  body.overrides = [{ kind: 'chip_failed', supervisorId: who, reason: 'chip hỏng, đã đối chiếu thẻ', at: new Date().toISOString() }];
  const d = D.createDraft(db, submitter, body, { live_portrait: jpeg });
  if (checked) passwordChecked(who, checked.onOther ? D.createDraft(db, submitter, { schemaVersion: 1 }).id : d.id, checked.purpose);
  return () => D.submit(db, submitter, d.id);
}

describe('supervisor overrides are a supervisor’s', () => {
  it.each([
    ['the officer themselves', officer.id],
    ['another officer', officer2.id],
    ['an id nobody has', 'ld01'],
    ['a supervisor no longer active', gone.id],
  ])('an override naming %s does not let a failed chip through', (_label, who) => {
    expect(failedChipWithOverrideBy(who)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('a supervisor never overrides for their own intake', () => {
    expect(failedChipWithOverrideBy(supervisor.id, supervisor)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it("an active supervisor's override does, once their password was checked for it on this dossier", () => {
    expect(failedChipWithOverrideBy(supervisor.id)().state).toBe('submitted');
  });

  it.each([
    ['never checked (the screen wrote the override itself)', null],
    ['checked for another purpose', { purpose: 'liveness_retry' }],
    ['checked on another dossier', { purpose: 'chip_failed', onOther: true }],
  ])('an override whose supervisor’s password was %s does not count', (_label, checked) => {
    expect(failedChipWithOverrideBy(supervisor.id, officer, checked)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});

describe('one more liveness attempt granted by a supervisor', () => {
  it('is recorded as a liveness_retry override backed by that password check, and the portrait still has to pass', () => {
    const body = sampleDossier({ idNumber: '001190017774' });
    body.overrides = [{ kind: 'liveness_retry', supervisorId: supervisor.id, reason: 'thêm một lần', at: new Date().toISOString() }];
    const d = D.createDraft(db, officer, body, { live_portrait: jpeg });
    expect(() => D.submit(db, officer, d.id)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    passwordChecked(supervisor.id, d.id, 'liveness_retry');
    expect(D.submit(db, officer, d.id).state).toBe('submitted');
    const skipped = sampleDossier({ idNumber: '001190017775' });
    skipped.overrides = body.overrides;
    skipped.portrait = { ...skipped.portrait!, liveness: 'overridden' };
    const e = D.createDraft(db, officer, skipped, { live_portrait: jpeg });
    passwordChecked(supervisor.id, e.id, 'liveness_retry');
    expect(() => D.submit(db, officer, e.id)).toThrow(expect.objectContaining({ code: 'override_required' }));
  });
});

describe('a supervisor’s return reason', () => {
  it('cannot take the shape of the host’s own upstream code (the screens would word it as the upstream’s)', () => {
    const d = D.createDraft(db, officer, sampleDossier({ idNumber: '001190017776' }), { live_portrait: jpeg });
    D.submit(db, officer, d.id);
    for (const r of ['upstream:portrait_quality', '  UPSTREAM:anything']) expect(() => D.returnToOfficer(db, supervisor, d.id, r)).toThrow(expect.objectContaining({ code: 'incomplete' }));
    expect(D.returnToOfficer(db, supervisor, d.id, 'Ảnh mờ, chụp lại').state).toBe('returned');
  });
});

describe('queue views', () => {
  it('a negative or odd limit never means "no limit"', () => {
    for (let i = 0; i < 3; i++) D.createDraft(db, officer, { schemaVersion: 1 });
    expect(D.list(db, { limit: -1 })).toHaveLength(1);
    expect(D.list(db, { limit: Number.NaN })).toHaveLength(3);
    expect(D.list(db, { limit: 0.5 })).toHaveLength(1);
    for (let i = 0; i < 3; i++) D.createDraft(db, officer, sampleDossier({ idNumber: `00119001234${i}`, fullName: `Nguyễn Văn ${i}` }));
    expect(D.search(db, 'nguyen', { limit: -1 })).toHaveLength(1);
  });
});
