import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../store/audit';
import type { Db } from '../store/database';
import * as D from '../store/dossiers';
import { purgeExpired } from '../store/retention';
import { sampleDossier } from '../store/test-dossier';
import { addCompany, closeDrive, currentDrive, dossierDrive, DriveError, openDrive, REPORT_KEEP_DAYS, switchCompany } from './drives';
import { enrol, officer, storeEachTest, supervisor } from './fixture';
import { expireDriveReports } from './keep';

let db: Db;
storeEachTest((d) => (db = d));

const drive = () => openDrive(db, supervisor.id, { name: 'Đợt KCN Tân Bình', place: 'KCN Tân Bình, TP.HCM', startsOn: '2026-11-23', endsOn: '2026-11-30', companies: ['Công ty May Việt Tiến', 'Công ty Điện tử Sài Gòn'] });
const actions = () => (db.prepare('SELECT action FROM audit ORDER BY seq').all() as Array<{ action: string }>).map((r) => r.action);
const form02Count = () => (db.prepare('SELECT count(*) AS n FROM form02_rows').get() as { n: number }).n;

describe('drives', () => {
  it('opening makes the drive current with its first company; one drive open at a time; every change audited', () => {
    const d = drive();
    expect(d.companies.map((c) => c.name)).toEqual(['Công ty May Việt Tiến', 'Công ty Điện tử Sài Gòn']);
    expect(currentDrive(db)).toMatchObject({ drive: { id: d.id }, companyId: d.companies[0]!.id });
    expect(() => drive()).toThrow(DriveError);
    const more = addCompany(db, supervisor.id, d.id, '  Công ty  Giày Thái Bình ');
    expect(more.companies.at(-1)!.name).toBe('Công ty Giày Thái Bình');
    expect(actions()).toEqual(['drive.opened', 'drive.company_added', 'drive.company_added', 'drive.company_added']);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('tags every dossier with the drive and the company current at its creation; a switch is one call', () => {
    const d = drive();
    const [a, b] = d.companies;
    const first = D.createDraft(db, officer, sampleDossier()).id;
    switchCompany(db, officer.id, b!.id);
    const second = D.createDraft(db, officer, sampleDossier({ idNumber: '001190099999' })).id;
    expect(dossierDrive(db, first)).toEqual({ driveId: d.id, companyId: a!.id });
    expect(dossierDrive(db, second)).toEqual({ driveId: d.id, companyId: b!.id });
    expect(() => switchCompany(db, officer.id, 'CO-NOTINDRIVE')).toThrow(DriveError);
    expect(actions().filter((a) => a === 'drive.company_switched')).toHaveLength(1);
    closeDrive(db, supervisor.id, d.id);
    expect(currentDrive(db)).toBeNull();
    expect(dossierDrive(db, D.createDraft(db, officer, sampleDossier()).id)).toBeNull();
    expect(() => switchCompany(db, officer.id, a!.id)).toThrow(DriveError);
  });

  it("keeps a drive's Form 02 rows through the dossier purge until the report period ends; other dossiers' rows go with the purge", () => {
    const t0 = new Date('2026-11-24T03:00:00Z');
    const d = drive();
    const inDrive = enrol(db, { idNumber: '079203001234', fullName: 'Trần Thị Ánh', dateOfBirth: '2003-04-05' }, t0);
    closeDrive(db, supervisor.id, d.id, t0);
    const outside = enrol(db, { idNumber: '079203005678', fullName: 'Lê Văn Đức', dateOfBirth: '1999-01-02' }, t0);
    expect(form02Count()).toBe(2);
    for (const id of [inDrive, outside]) db.prepare(`UPDATE dossiers SET state = 'accepted', upstream_outcome = 'accepted', updated_at = ? WHERE id = ?`).run(t0.toISOString(), id);
    purgeExpired(db, new Date(t0.getTime() + 31 * 86_400_000), 30);
    expect(db.prepare('SELECT dossier_id AS id, full_name AS n FROM form02_rows').all()).toEqual([{ id: inDrive, n: 'Trần Thị Ánh' }]);
    expect(expireDriveReports(db, new Date(t0.getTime() + (REPORT_KEEP_DAYS - 1) * 86_400_000))).toEqual({ drives: 0, rows: 0 });
    expect(expireDriveReports(db, new Date(t0.getTime() + (REPORT_KEEP_DAYS + 1) * 86_400_000))).toEqual({ drives: 1, rows: 1 });
    expect(form02Count()).toBe(0);
    expect(actions()).toContain('drive.reports_expired');
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('a drive nobody closed is closed by the retention run once the report period after its last day has passed, and its people go', () => {
    const d = drive(); // ends 2026-11-30
    const t0 = new Date('2026-11-25T03:00:00Z');
    enrol(db, { idNumber: '079203004321', fullName: 'Phạm Văn Quên', dateOfBirth: '2001-02-03' }, t0);
    const lastDay = new Date('2026-11-30T12:00:00Z');
    expect(expireDriveReports(db, new Date(lastDay.getTime() + (REPORT_KEEP_DAYS - 1) * 86_400_000))).toEqual({ drives: 0, rows: 0 });
    expect(currentDrive(db)).toMatchObject({ drive: { id: d.id } });
    expect(expireDriveReports(db, new Date(lastDay.getTime() + (REPORT_KEEP_DAYS + 1) * 86_400_000))).toEqual({ drives: 1, rows: 1 });
    expect(form02Count()).toBe(0);
    expect(currentDrive(db)).toBeNull();
    expect(actions().slice(-2)).toEqual(['drive.closed', 'drive.reports_expired']);
    expect(verifyAudit(db).ok).toBe(true);
  });
});
