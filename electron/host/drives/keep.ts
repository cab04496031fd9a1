/**
 * How long the forms keep a drive's people: a closed drive's Form 02 rows (name, birth date,
 * residence, ID number, phone) and Form 01 teams (members' names and phones) are deleted once its report period (`reports_until`, set at closing)
 * has passed. Rows of dossiers outside any drive already go with the dossier's own purge (a
 * trigger of migration 0040). Each drive's deletion is one transaction with its audit entry.
 * A drive nobody closed is closed here once REPORT_KEEP_DAYS have passed since its last day, its
 * report period taken as over: a forgotten drive does not keep its people for ever.
 */
import { appendAudit } from '../store/audit';
import type { Db } from '../store/database';
import { REPORT_KEEP_DAYS } from './drives';

function closeForgotten(db: Db, now: Date): void {
  const at = now.toISOString();
  const lastDay = new Date(now.getTime() - REPORT_KEEP_DAYS * 86_400_000).toISOString().slice(0, 10);
  const forgotten = db.prepare(`SELECT id FROM drives WHERE state = 'open' AND ends_on < ?`).all(lastDay) as Array<{ id: string }>;
  for (const d of forgotten) {
    db.transaction(() => {
      db.prepare(`UPDATE drives SET state = 'closed', closed_at = ?, reports_until = ? WHERE id = ? AND state = 'open'`).run(at, at, d.id);
      db.prepare('DELETE FROM kiosk_drive WHERE drive_id = ?').run(d.id);
      appendAudit(db, { actor: 'system', action: 'drive.closed', at, detail: { driveId: d.id, reportDays: 0, reason: 'ended_long_ago' } });
    }).immediate();
  }
}

export function expireDriveReports(db: Db, now = new Date()): { drives: number; rows: number } {
  closeForgotten(db, now);
  // A moment later than the closing above, so a drive it closed is due at once.
  const at = new Date(now.getTime() + 1).toISOString();
  const due = db
    .prepare(`SELECT id FROM drives WHERE state = 'closed' AND reports_until IS NOT NULL AND reports_until < ?
      AND (EXISTS (SELECT 1 FROM dossier_drive t JOIN form02_rows f ON f.dossier_id = t.dossier_id WHERE t.drive_id = drives.id)
        OR EXISTS (SELECT 1 FROM form01_teams WHERE drive_id = drives.id))`)
    .all(at) as Array<{ id: string }>;
  let rows = 0;
  for (const d of due) {
    db.transaction(() => {
      const n = db.prepare('DELETE FROM form02_rows WHERE dossier_id IN (SELECT dossier_id FROM dossier_drive WHERE drive_id = ?)').run(d.id).changes;
      const teams = db.prepare('DELETE FROM form01_teams WHERE drive_id = ?').run(d.id).changes;
      rows += n;
      appendAudit(db, { actor: 'system', action: 'drive.reports_expired', at, detail: { driveId: d.id, rows: n, teams } });
    }).immediate();
  }
  return { drives: due.length, rows };
}
