/**
 * What the crash test checks after the kills: nothing reported committed is missing or behind,
 * no intake exists twice, nothing is half-written, the database is intact and the audit chain
 * verifies.
 */
import { verifyAudit } from '../../host/store/audit';
import type { Db } from '../../host/store/database';

/** Cheap key derivation for the crash test's many restarts (the product uses DEFAULT_KDF). */
export const CRASH_KDF = { N: 2 ** 14, r: 8, p: 1 };
export const idNumberOf = (n: number) => `0012${String(n).padStart(8, '0')}`;

const RANK: Record<string, number> = { draft: 0, saved: 1, submitted: 2, queued: 3 };

export interface CrashVerdict {
  committed: number;
  lost: number;
  duplicated: number;
  halfWritten: number;
  auditOk: boolean;
  problems: string[];
}

export function checkAfterCrashes(db: Db, reported: Map<number, { state: string; id: string }>, idNumberOf: (n: number) => string): CrashVerdict {
  const problems: string[] = [];
  let lost = 0;
  for (const [n, r] of reported) {
    const row = db.prepare('SELECT state, id_number AS idNumber FROM dossiers WHERE id = ?').get(r.id) as { state: string; idNumber: string | null } | undefined;
    const have = row ? (row.state === 'draft' ? (row.idNumber ? RANK.saved! : RANK.draft!) : RANK[row.state] ?? -1) : -1;
    if (have < RANK[r.state]!) {
      lost++;
      problems.push(`intake ${n}: reported ${r.state}, store has ${row?.state ?? 'nothing'}`);
    }
    if (row?.idNumber && row.idNumber !== idNumberOf(n)) problems.push(`intake ${n}: wrong ID number`);
  }
  const dups = db.prepare('SELECT id_number, count(*) AS c FROM dossiers WHERE id_number IS NOT NULL GROUP BY id_number HAVING c > 1').all() as Array<{ c: number }>;
  // Bare drafts (no identity yet) left by a kill between create and save are abandoned work, not duplicates:
  // the resumed intake creates a new one. They are counted apart and wiped by the one-day draft purge.
  const duplicated = dups.reduce((a, d) => a + d.c - 1, 0);
  const half = [
    ["queued without its outbox row", `SELECT count(*) AS n FROM dossiers d WHERE state = 'queued' AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dossier_id = d.id)`],
    ['outbox row for a dossier not approved', `SELECT count(*) AS n FROM outbox o JOIN dossiers d ON d.id = o.dossier_id WHERE d.state != 'queued'`],
    ['submitted or approved without its portrait', `SELECT count(*) AS n FROM dossiers d WHERE state IN ('submitted', 'queued') AND NOT EXISTS (SELECT 1 FROM dossier_images i WHERE i.dossier_id = d.id AND i.kind = 'live_portrait')`],
    ['a state without its audit entry', `SELECT count(*) AS n FROM dossiers d WHERE (state = 'queued' AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.dossier_id = d.id AND a.action = 'dossier.approved'))
       OR (state IN ('submitted', 'queued') AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.dossier_id = d.id AND a.action = 'dossier.submitted'))
       OR NOT EXISTS (SELECT 1 FROM audit a WHERE a.dossier_id = d.id AND a.action = 'draft.created')`],
    ['an audit entry for a change that did not happen', `SELECT count(*) AS n FROM audit a WHERE a.action = 'dossier.approved' AND NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.id = a.dossier_id AND d.state = 'queued')`],
  ] as const;
  let halfWritten = 0;
  for (const [what, sql] of half) {
    const n = (db.prepare(sql).get() as { n: number }).n;
    if (n) problems.push(`${n} × ${what}`);
    halfWritten += n;
  }
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') {
    problems.push(`integrity_check: ${String(integrity)}`);
    halfWritten++;
  }
  const audit = verifyAudit(db);
  if (!audit.ok) problems.push(`audit broken at entry ${audit.firstBroken}: ${audit.reason}`);
  const committed = [...reported.values()].length;
  return { committed, lost, duplicated, halfWritten, auditOk: audit.ok, problems };
}
