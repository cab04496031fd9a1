/**
 * Form 01 (Mẫu số 01): a company's outreach teams (team name, members with full name, position
 * and phone, note), entered in the app by a supervisor or the administrator. A save replaces the
 * company's whole list in one transaction with its audit entry (counts only, never the names).
 */
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/database';
import { DriveError, getDrive } from './drives';

export interface TeamMember {
  fullName: string;
  position: string;
  phone: string;
}
export interface Team {
  teamName: string;
  note: string;
  members: TeamMember[];
}

const nfc = (s: string) => s.normalize('NFC').trim();

function companyDrive(db: Db, companyId: string): string {
  const r = db.prepare('SELECT drive_id AS driveId FROM drive_companies WHERE id = ?').get(companyId) as { driveId: string } | undefined;
  if (!r) throw new DriveError('not_found', 'company');
  return r.driveId;
}

export function listTeams(db: Db, companyId: string): Team[] {
  companyDrive(db, companyId);
  const rows = db.prepare('SELECT team_name AS teamName, note, members FROM form01_teams WHERE company_id = ? ORDER BY position').all(companyId) as Array<{ teamName: string; note: string; members: string }>;
  return rows.map((r) => ({ teamName: r.teamName, note: r.note, members: JSON.parse(r.members) as TeamMember[] }));
}

export function saveTeams(db: Db, actor: string, companyId: string, teams: Team[], now = new Date()): Team[] {
  const driveId = companyDrive(db, companyId);
  const clean = teams.map((t) => ({
    teamName: nfc(t.teamName),
    note: nfc(t.note),
    members: t.members.map((m) => ({ fullName: nfc(m.fullName), position: nfc(m.position), phone: m.phone.replace(/\s+/g, '') })),
  }));
  if (clean.some((t) => !t.teamName || t.members.some((m) => !m.fullName))) throw new DriveError('invalid', 'team name and member names are required');
  db.transaction(() => {
    if (getDrive(db, driveId).state !== 'open') throw new DriveError('closed');
    db.prepare('DELETE FROM form01_teams WHERE company_id = ?').run(companyId);
    const put = db.prepare('INSERT INTO form01_teams (id, drive_id, company_id, position, team_name, note, members) VALUES (?, ?, ?, ?, ?, ?, ?)');
    clean.forEach((t, i) => put.run(`TM-${randomBytes(6).toString('hex')}`, driveId, companyId, i, t.teamName, t.note, JSON.stringify(t.members)));
    appendAudit(db, { actor, action: 'form01.saved', at: now.toISOString(), detail: { driveId, companyId, teams: clean.length, members: clean.reduce((n, t) => n + t.members.length, 0) } });
  }).immediate();
  return listTeams(db, companyId);
}
