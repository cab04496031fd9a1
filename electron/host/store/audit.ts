/**
 * The audit trail: append-only (triggers refuse UPDATE and DELETE) and hash-chained, each entry's
 * hash covering the previous hash and its own fields, so an edit, a removal or a reordering shows
 * at the first entry it touches. Entries name who, what, when and which dossier, never personal
 * data. Always written inside the caller's transaction, together with the change it records.
 */
import { createHash } from 'node:crypto';
import type { Db } from './database';

export const GENESIS = '0'.repeat(64);

export interface AuditInput {
  actor: string;
  action: string;
  dossierId?: string | null;
  /** Ids, states, counts, reasons from a fixed list: nothing that identifies a citizen. */
  detail?: Record<string, string | number | boolean | null>;
  at?: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  dossierId: string | null;
  detail: string;
  prevHash: string;
  hash: string;
}

function entryHash(prev: string, e: Omit<AuditEntry, 'hash' | 'prevHash'>): string {
  const body = JSON.stringify([e.seq, e.at, e.actor, e.action, e.dossierId, e.detail]);
  return createHash('sha256').update(prev).update('\n').update(body).digest('hex');
}

/** Appends one entry; must run inside the transaction of the change it records. */
export function appendAudit(db: Db, input: AuditInput): AuditEntry {
  if (!db.inTransaction) throw new Error('audit entries are written only inside the transaction of their change');
  const last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const e = {
    seq: (last?.seq ?? 0) + 1,
    at: input.at ?? new Date().toISOString(),
    actor: input.actor,
    action: input.action,
    dossierId: input.dossierId ?? null,
    detail: JSON.stringify(input.detail ?? {}),
  };
  const prevHash = last?.hash ?? GENESIS;
  const hash = entryHash(prevHash, e);
  db.prepare('INSERT INTO audit (seq, at, actor, action, dossier_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    e.seq, e.at, e.actor, e.action, e.dossierId, e.detail, prevHash, hash,
  );
  return { ...e, prevHash, hash };
}

export type AuditVerdict = { ok: true; entries: number; head: string } | { ok: false; entries: number; firstBroken: number; reason: string };

export function verifyAudit(db: Db): AuditVerdict {
  let prev = GENESIS;
  let expectedSeq = 1;
  let n = 0;
  const rows = db.prepare('SELECT seq, at, actor, action, dossier_id AS dossierId, detail, prev_hash AS prevHash, hash FROM audit ORDER BY seq').iterate() as Iterable<AuditEntry>;
  for (const r of rows) {
    n++;
    if (r.seq !== expectedSeq) return { ok: false, entries: n, firstBroken: r.seq, reason: `entry ${expectedSeq} is missing` };
    if (r.prevHash !== prev) return { ok: false, entries: n, firstBroken: r.seq, reason: 'does not follow the previous entry' };
    if (entryHash(prev, r) !== r.hash) return { ok: false, entries: n, firstBroken: r.seq, reason: 'content altered' };
    prev = r.hash;
    expectedSeq++;
  }
  return { ok: true, entries: n, head: prev };
}

export function auditFor(db: Db, dossierId: string): AuditEntry[] {
  return db
    .prepare('SELECT seq, at, actor, action, dossier_id AS dossierId, detail, prev_hash AS prevHash, hash FROM audit WHERE dossier_id = ? ORDER BY seq')
    .all(dossierId) as AuditEntry[];
}
