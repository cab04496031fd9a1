/**
 * Retention: personal data is kept only as long as the work needs it.
 * - A dossier accepted upstream keeps its data for `retentionDays` after the acceptance, then its
 *   body and images are replaced by a minimal receipt (id, dates, station, outcome) and it becomes
 *   `purged`.
 * - A draft untouched for a day is deleted whole (the officer left it; the citizen is gone).
 * Each purge is one transaction with its audit entry; secure_delete zeroes the freed pages.
 */
import { appendAudit } from './audit';
import type { Db } from './database';

/**
 * The station named in a dossier's body, read without the draft schema: a body of another schema
 * version or a damaged one must not stop the purge (of this dossier and of every one after it).
 */
function stationOf(db: Db, id: string): string | null {
  const r = db.prepare('SELECT body FROM dossiers WHERE id = ?').get(id) as { body: string } | undefined;
  try {
    const station = (JSON.parse(r?.body ?? 'null') as { station?: unknown } | null)?.station;
    return typeof station === 'string' ? station.slice(0, 120) : null;
  } catch {
    return null;
  }
}

export const DRAFT_MAX_AGE_MS = 24 * 60 * 60_000;

export interface Receipt {
  receipt: true;
  id: string;
  station: string | null;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  outcome: string | null;
}

export function purgeExpired(db: Db, now: Date, retentionDays: number): { purged: number; draftsDeleted: number } {
  const acceptedBefore = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const draftsBefore = new Date(now.getTime() - DRAFT_MAX_AGE_MS).toISOString();
  const accepted = db.prepare(`SELECT id, created_at AS createdAt, submitted_at AS submittedAt, decided_at AS decidedAt, upstream_outcome AS outcome FROM dossiers WHERE state = 'accepted' AND updated_at < ?`).all(acceptedBefore) as Array<Omit<Receipt, 'receipt' | 'station'>>;
  const drafts = db.prepare(`SELECT id FROM dossiers WHERE state = 'draft' AND updated_at < ?`).all(draftsBefore) as Array<{ id: string }>;
  const at = now.toISOString();
  for (const d of accepted) {
    db.transaction(() => {
      const receipt: Receipt = { receipt: true, station: stationOf(db, d.id), ...d };
      db.prepare('DELETE FROM dossier_images WHERE dossier_id = ?').run(d.id);
      db.prepare(`UPDATE dossiers SET state = 'purged', body = ?, id_number = NULL, full_name = NULL, search_key = '', updated_at = ? WHERE id = ?`).run(JSON.stringify(receipt), at, d.id);
      appendAudit(db, { actor: 'system', action: 'dossier.purged', dossierId: d.id, at, detail: { retentionDays } });
    }).immediate();
  }
  for (const d of drafts) {
    db.transaction(() => {
      db.prepare('DELETE FROM dossiers WHERE id = ?').run(d.id);
      appendAudit(db, { actor: 'system', action: 'draft.expired', dossierId: d.id, at });
    }).immediate();
  }
  return { purged: accepted.length, draftsDeleted: drafts.length };
}
