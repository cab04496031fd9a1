/**
 * How long the forms keep a drive's people: a closed drive's Form 02 rows (name, birth date,
 * residence, ID number, phone) and Form 01 teams (members' names and phones) are deleted once its report period (`reports_until`, set at closing)
 * has passed. Rows of dossiers outside any drive already go with the dossier's own purge (a
 * trigger of migration 0040). Each drive's deletion is one transaction with its audit entry.
 */
import { appendAudit } from '../store/audit';
import type { Db } from '../store/database';

export function expireDriveReports(db: Db, now = new Date()): { drives: number; rows: number } {
  const at = now.toISOString();
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
