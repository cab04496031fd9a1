/**
 * The station's counts: dossiers per day (the day each was taken, Vietnam time), per officer, per
 * outcome (the dossier's state now) and per company, over a range of days and optionally one drive.
 * Counts and officers' names only: nothing of a citizen. Purged dossiers keep their dates and
 * state, so they still count.
 */
import { DOSSIER_STATES, type DossierState } from '../../../shared/domain/dossier-state';
import type { Db } from '../store/database';
import { VN_DAY } from './form02';

export interface StatsFilter {
  from: string;
  to: string;
  driveId?: string;
}

export interface Stats {
  from: string;
  to: string;
  byDay: Array<{ day: string; total: number; byState: Partial<Record<DossierState, number>> }>;
  byOfficer: Array<{ officerId: string; name: string; total: number; byState: Partial<Record<DossierState, number>> }>;
  byOutcome: Record<DossierState, number>;
  byCompany: Array<{ companyId: string | null; name: string | null; total: number }>;
  total: number;
}

function scope(f: StatsFilter): { where: string; args: unknown[] } {
  const where = [`${VN_DAY('d.created_at')} BETWEEN ? AND ?`];
  const args: unknown[] = [f.from, f.to];
  if (f.driveId) {
    where.push('t.drive_id = ?');
    args.push(f.driveId);
  }
  return { where: where.join(' AND '), args };
}

const FROM = 'FROM dossiers d LEFT JOIN dossier_drive t ON t.dossier_id = d.id';

export function stats(db: Db, f: StatsFilter): Stats {
  const { where, args } = scope(f);
  const byOutcome = Object.fromEntries(DOSSIER_STATES.map((s) => [s, 0])) as Record<DossierState, number>;
  const days = new Map<string, Stats['byDay'][number]>();
  const officers = new Map<string, Stats['byOfficer'][number]>();
  const rows = db
    .prepare(`SELECT ${VN_DAY('d.created_at')} AS day, d.officer_id AS officerId, o.display_name AS name, d.state, count(*) AS n
      ${FROM} JOIN officers o ON o.id = d.officer_id WHERE ${where} GROUP BY day, d.officer_id, d.state ORDER BY day`)
    .all(...args) as Array<{ day: string; officerId: string; name: string; state: DossierState; n: number }>;
  let total = 0;
  for (const r of rows) {
    total += r.n;
    byOutcome[r.state] += r.n;
    const day = days.get(r.day) ?? { day: r.day, total: 0, byState: {} };
    day.total += r.n;
    day.byState[r.state] = (day.byState[r.state] ?? 0) + r.n;
    days.set(r.day, day);
    const off = officers.get(r.officerId) ?? { officerId: r.officerId, name: r.name, total: 0, byState: {} };
    off.total += r.n;
    off.byState[r.state] = (off.byState[r.state] ?? 0) + r.n;
    officers.set(r.officerId, off);
  }
  const byCompany = db
    .prepare(`SELECT t.company_id AS companyId, c.name, count(*) AS total ${FROM} LEFT JOIN drive_companies c ON c.id = t.company_id
      WHERE ${where} GROUP BY t.company_id ORDER BY total DESC`)
    .all(...args) as Stats['byCompany'];
  return { from: f.from, to: f.to, byDay: [...days.values()], byOfficer: [...officers.values()].sort((a, b) => b.total - a.total), byOutcome, byCompany, total };
}
