/**
 * Officers' display names by id, for screens that show who took a dossier or acted on it (the
 * audit trail and the dossier rows hold only officer ids). Names of officers, never of citizens.
 */
import type { Db } from '../store/database';

/** The display name of each known id; ids that are no officer (e.g. 'system') are left out. */
export function officerNames(db: Db, ids: Iterable<string>): Record<string, string> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return {};
  const marks = wanted.map(() => '?').join(', ');
  const rows = db.prepare(`SELECT id, display_name AS name FROM officers WHERE id IN (${marks})`).all(...wanted) as Array<{ id: string; name: string }>;
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
