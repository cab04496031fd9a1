/**
 * Enrolment drives: a supervisor or the administrator opens one (name, place, dates, companies),
 * officers switch the kiosk's current company in one touch, and every dossier created while it is
 * open is tagged with the drive and that company (a trigger of migration 0040, inside the
 * dossier's own creation). One drive is open at a time on a kiosk. Closing it starts its report
 * period (REPORT_KEEP_DAYS), after which its Form 02 rows are deleted (keep.ts).
 * Every change is one transaction with its audit entry.
 */
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/database';

/** Days a closed drive's Form 02 rows are kept for the weekly and closing reports. */
export const REPORT_KEEP_DAYS = 90;

export type DriveErrorCode = 'not_found' | 'closed' | 'already_open' | 'invalid';
export class DriveError extends Error {
  constructor(readonly code: DriveErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

export interface Company {
  id: string;
  name: string;
}
export interface Drive {
  id: string;
  name: string;
  place: string;
  startsOn: string;
  endsOn: string;
  state: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  reportsUntil: string | null;
  companies: Company[];
}
export interface DriveInput {
  name: string;
  place: string;
  startsOn: string;
  endsOn: string;
  companies: string[];
}

const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex').toUpperCase()}`;
const clean = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

function companiesOf(db: Db, driveId: string): Company[] {
  return db.prepare('SELECT id, name FROM drive_companies WHERE drive_id = ? ORDER BY position').all(driveId) as Company[];
}

export function getDrive(db: Db, id: string): Drive {
  const r = db
    .prepare(`SELECT id, name, place, starts_on AS startsOn, ends_on AS endsOn, state, opened_at AS openedAt, closed_at AS closedAt, reports_until AS reportsUntil FROM drives WHERE id = ?`)
    .get(id) as Omit<Drive, 'companies'> | undefined;
  if (!r) throw new DriveError('not_found');
  return { ...r, companies: companiesOf(db, id) };
}

export function listDrives(db: Db): Drive[] {
  const ids = db.prepare('SELECT id FROM drives ORDER BY opened_at DESC LIMIT 200').all() as Array<{ id: string }>;
  return ids.map((r) => getDrive(db, r.id));
}

function insertCompany(db: Db, actor: string, driveId: string, name: string, at: string): Company {
  const n = clean(name);
  if (!n || n.length > 200) throw new DriveError('invalid', 'company name');
  if (db.prepare('SELECT 1 FROM drive_companies WHERE drive_id = ? AND name = ?').get(driveId, n)) throw new DriveError('invalid', 'company already in the drive');
  const id = newId('CO');
  const pos = (db.prepare('SELECT count(*) AS n FROM drive_companies WHERE drive_id = ?').get(driveId) as { n: number }).n;
  db.prepare('INSERT INTO drive_companies (id, drive_id, name, position) VALUES (?, ?, ?, ?)').run(id, driveId, n, pos);
  appendAudit(db, { actor, action: 'drive.company_added', at, detail: { driveId, companyId: id } });
  return { id, name: n };
}

export function openDrive(db: Db, actor: string, input: DriveInput, now = new Date()): Drive {
  const name = clean(input.name);
  const place = clean(input.place);
  if (!name || !place || input.endsOn < input.startsOn || input.companies.length === 0) throw new DriveError('invalid');
  const id = newId('DR');
  const at = now.toISOString();
  db.transaction(() => {
    if (db.prepare(`SELECT 1 FROM drives WHERE state = 'open'`).get()) throw new DriveError('already_open');
    db.prepare(`INSERT INTO drives (id, name, place, starts_on, ends_on, state, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?)`).run(
      id, name, place, input.startsOn, input.endsOn, actor, at,
    );
    appendAudit(db, { actor, action: 'drive.opened', at, detail: { driveId: id, companies: input.companies.length } });
    const first = input.companies.map((c) => insertCompany(db, actor, id, c, at))[0]!;
    db.prepare('INSERT OR REPLACE INTO kiosk_drive (one, drive_id, company_id, changed_at) VALUES (1, ?, ?, ?)').run(id, first.id, at);
  }).immediate();
  return getDrive(db, id);
}

export function addCompany(db: Db, actor: string, driveId: string, name: string, now = new Date()): Drive {
  db.transaction(() => {
    if (getDrive(db, driveId).state !== 'open') throw new DriveError('closed');
    insertCompany(db, actor, driveId, name, now.toISOString());
  }).immediate();
  return getDrive(db, driveId);
}

export function closeDrive(db: Db, actor: string, driveId: string, now = new Date()): Drive {
  const at = now.toISOString();
  const until = new Date(now.getTime() + REPORT_KEEP_DAYS * 86_400_000).toISOString();
  db.transaction(() => {
    if (getDrive(db, driveId).state !== 'open') throw new DriveError('closed');
    db.prepare(`UPDATE drives SET state = 'closed', closed_by = ?, closed_at = ?, reports_until = ? WHERE id = ?`).run(actor, at, until, driveId);
    db.prepare('DELETE FROM kiosk_drive WHERE drive_id = ?').run(driveId);
    appendAudit(db, { actor, action: 'drive.closed', at, detail: { driveId, reportDays: REPORT_KEEP_DAYS } });
  }).immediate();
  return getDrive(db, driveId);
}

export interface CurrentDrive {
  drive: Drive;
  companyId: string | null;
}

export function currentDrive(db: Db): CurrentDrive | null {
  const r = db.prepare(`SELECT k.drive_id AS driveId, k.company_id AS companyId FROM kiosk_drive k JOIN drives d ON d.id = k.drive_id WHERE d.state = 'open'`).get() as
    | { driveId: string; companyId: string | null }
    | undefined;
  return r ? { drive: getDrive(db, r.driveId), companyId: r.companyId } : null;
}

/** The officer's one touch: the company the next dossiers are tagged with (null: none of them). */
export function switchCompany(db: Db, actor: string, companyId: string | null, now = new Date()): CurrentDrive {
  const at = now.toISOString();
  db.transaction(() => {
    const cur = currentDrive(db);
    if (!cur) throw new DriveError('closed', 'no open drive');
    if (companyId !== null && !cur.drive.companies.some((c) => c.id === companyId)) throw new DriveError('not_found', 'company');
    db.prepare('UPDATE kiosk_drive SET company_id = ?, changed_at = ? WHERE one = 1').run(companyId, at);
    appendAudit(db, { actor, action: 'drive.company_switched', at, detail: { driveId: cur.drive.id, companyId } });
  }).immediate();
  return currentDrive(db)!;
}

/** The drive and company a dossier was taken in, if any. */
export function dossierDrive(db: Db, dossierId: string): { driveId: string; companyId: string | null } | null {
  return (db.prepare('SELECT drive_id AS driveId, company_id AS companyId FROM dossier_drive WHERE dossier_id = ?').get(dossierId) as { driveId: string; companyId: string | null } | undefined) ?? null;
}
