/**
 * Dossiers in the store: drafts the officer saves and resumes, submission, the supervisor's
 * approval (which writes the outbox row) or return, cancellation that wipes a draft. Every change
 * is one synchronous transaction holding the state check, the change, its audit entry and, on
 * approval, the outbox row: a killed process leaves the dossier before or after, never between.
 */
import { looksLikeReturnCode } from '../../../shared/domain/return-reason';
import { createHash, randomBytes } from 'node:crypto';
import { levelTwoRule } from '../../../shared/domain/age-rules';
import { isoDateAt } from '../../../shared/domain/dates';
import {
  completeDossierSchema,
  DOSSIER_SCHEMA_VERSION,
  draftDossierSchema,
  IMAGE_KINDS,
  type CompleteDossier,
  type DraftDossier,
  type ImageKind,
} from '../../../shared/domain/dossier';
import { canMove, PENDING_STATES, type DossierState } from '../../../shared/domain/dossier-state';
import { nameKey } from '../../../shared/domain/vn-text';
import type { Officer } from '../auth/accounts';
import { can } from '../../../shared/domain/roles';
import { appendAudit } from './audit';
import type { Db } from './database';

export type DossierErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'wrong_state'
  | 'stale'
  | 'incomplete'
  | 'duplicate'
  | 'age_rule'
  | 'guardian_required'
  | 'override_required'
  | 'four_eyes';

export class DossierError extends Error {
  constructor(readonly code: DossierErrorCode, readonly detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

export interface DossierRow {
  id: string;
  state: DossierState;
  officerId: string;
  supervisorId: string | null;
  idNumber: string | null;
  fullName: string | null;
  revision: number;
  returnReason: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
}

const COLUMNS = `id, state, officer_id AS officerId, supervisor_id AS supervisorId, id_number AS idNumber, full_name AS fullName,
  revision, return_reason AS returnReason, created_at AS createdAt, updated_at AS updatedAt, submitted_at AS submittedAt, decided_at AS decidedAt`;

/** Reference shown to the officer and the citizen: HS- and 10 characters, no look-alikes. */
export function newDossierId(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  return `HS-${[...randomBytes(10)].map((b) => alphabet[b % 32]).join('')}`;
}

function searchKey(d: DraftDossier): string {
  const id = d.identity?.identity;
  return id ? `${nameKey(id.fullName).toLowerCase()} ${id.idNumber}` : '';
}

function row(db: Db, id: string): DossierRow {
  const r = db.prepare(`SELECT ${COLUMNS} FROM dossiers WHERE id = ?`).get(id) as DossierRow | undefined;
  if (!r) throw new DossierError('not_found');
  return r;
}

function move(db: Db, d: DossierRow, to: DossierState): void {
  if (!canMove(d.state, to)) throw new DossierError('wrong_state', `${d.state} → ${to}`);
}

export function body(db: Db, id: string): DraftDossier {
  const r = db.prepare('SELECT body FROM dossiers WHERE id = ?').get(id) as { body: string } | undefined;
  if (!r) throw new DossierError('not_found');
  return draftDossierSchema.parse(JSON.parse(r.body));
}

function putImages(db: Db, id: string, images: Partial<Record<ImageKind, Uint8Array>>): void {
  const put = db.prepare('INSERT INTO dossier_images (dossier_id, kind, bytes) VALUES (?, ?, ?) ON CONFLICT (dossier_id, kind) DO UPDATE SET bytes = excluded.bytes');
  for (const [kind, bytes] of Object.entries(images)) {
    if (!(IMAGE_KINDS as readonly string[]).includes(kind) || !bytes) continue;
    put.run(id, kind, Buffer.from(bytes));
  }
}

export function image(db: Db, id: string, kind: ImageKind): Buffer | null {
  const r = db.prepare('SELECT bytes FROM dossier_images WHERE dossier_id = ? AND kind = ?').get(id, kind) as { bytes: Buffer } | undefined;
  return r?.bytes ?? null;
}

/** Taking intakes is the officer's and the supervisor's work (the role table), never the administrator's. */
function mayTakeIntakes(officer: Officer): void {
  if (!can(officer.role, 'intake') || !officer.active) throw new DossierError('forbidden', 'this account does not take intakes');
}

function ownDraft(officer: Officer, d: DossierRow): void {
  if (d.officerId !== officer.id) throw new DossierError('forbidden', 'only the officer who took the intake edits it');
}

export function createDraft(db: Db, officer: Officer, input: unknown, images: Partial<Record<ImageKind, Uint8Array>> = {}, now = new Date()): DossierRow {
  mayTakeIntakes(officer);
  const d = draftDossierSchema.parse(input);
  // The face comparison is the host's (face/record.ts), never the screen's.
  if (d.portrait) delete d.portrait.faceMatch;
  const id = newDossierId();
  const at = now.toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO dossiers (id, state, officer_id, id_number, full_name, search_key, schema_version, body, created_at, updated_at)
       VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, officer.id, d.identity?.identity.idNumber ?? null, d.identity?.identity.fullName ?? null, searchKey(d), DOSSIER_SCHEMA_VERSION, JSON.stringify(d), at, at);
    putImages(db, id, images);
    appendAudit(db, { actor: officer.id, action: 'draft.created', dossierId: id, at });
  }).immediate();
  return row(db, id);
}

/** Saves the officer's work; `revision` guards against a second screen overwriting newer work. */
export function saveDraft(db: Db, officer: Officer, id: string, revision: number, input: unknown, images: Partial<Record<ImageKind, Uint8Array>> = {}, now = new Date()): DossierRow {
  const d = draftDossierSchema.parse(input);
  db.transaction(() => {
    const cur = row(db, id);
    ownDraft(officer, cur);
    if (cur.state !== 'draft' && cur.state !== 'returned') throw new DossierError('wrong_state', `${cur.state} is not editable`);
    if (cur.revision !== revision) throw new DossierError('stale');
    // The chip portrait is what the supervisor compares the live one with: given once (by the read), never replaced.
    // The identity (with its verdict) is set once: the chip files and portrait stored with it are that citizen's.
    const before = body(db, id);
    const had = before.identity;
    if (had && JSON.stringify(had) !== JSON.stringify(d.identity)) throw new DossierError('forbidden', 'the identity of a dossier is never changed');
    // The face comparison is the host's (face/record.ts): the screen's copy never counts; a new live portrait drops it.
    const liveChanged = images.live_portrait && !image(db, id, 'live_portrait')?.equals(images.live_portrait);
    if (d.portrait) d.portrait.faceMatch = liveChanged ? undefined : before.portrait?.faceMatch;
    if (images.chip_portrait && image(db, id, 'chip_portrait')) throw new DossierError('forbidden', 'the chip portrait is never replaced');
    db.prepare('UPDATE dossiers SET body = ?, id_number = ?, full_name = ?, search_key = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(
      JSON.stringify(d), d.identity?.identity.idNumber ?? null, d.identity?.identity.fullName ?? null, searchKey(d), now.toISOString(), id,
    );
    putImages(db, id, images);
    appendAudit(db, { actor: officer.id, action: 'draft.saved', dossierId: id, at: now.toISOString(), detail: { revision: revision + 1 } });
  }).immediate();
  return row(db, id);
}

/** Another dossier for the same ID number that is pending or done here, if any. */
export function findDuplicate(db: Db, idNumber: string, exceptId: string): DossierRow | null {
  const marks = PENDING_STATES.map(() => '?').join(', ');
  return (db.prepare(`SELECT ${COLUMNS} FROM dossiers WHERE id_number = ? AND id != ? AND state IN (${marks}) LIMIT 1`).get(idNumber, exceptId, ...PENDING_STATES) as DossierRow | undefined) ?? null;
}

/** The checks a submission must pass, in the order the officer would fix them. */
export function submissionProblems(d: CompleteDossier, today: string): DossierError | null {
  const id = d.identity;
  const rule = levelTwoRule(id.identity.dateOfBirth, id.cardKind, today);
  if (!rule.allowed) return new DossierError('age_rule', rule.rule);
  if (rule.rule === 'minor_with_guardian' && !d.guardian) return new DossierError('guardian_required');
  if (id.verification.overall === 'failed' && !d.overrides.some((o) => o.kind === 'chip_failed')) return new DossierError('override_required', 'chip_failed');
  if (d.portrait.liveness !== 'passed' && !d.overrides.some((o) => o.kind === 'liveness_exhausted')) return new DossierError('override_required', 'liveness_exhausted');
  if (d.portrait.faceMatch?.decision === 'no_match' && !d.portrait.faceMatch.acknowledged) return new DossierError('override_required', 'face_mismatch');
  return null;
}

/** The purposes of a supervisor's password check (auth.confirmSupervisor) that stand behind each kind of override. */
const OVERRIDE_PURPOSES: Readonly<Record<string, readonly string[]>> = {
  chip_failed: ['chip_failed'],
  // One more attempt (liveness_retry) or ending the intake (end_intake) is not leave to skip the check.
  liveness_exhausted: ['liveness_exhausted'],
  liveness_retry: ['liveness_retry'],
  face_mismatch: ['face_mismatch'],
};

/**
 * An override is in the body the officer's screen writes, so it counts only when the host saw it
 * given: it names an active supervisor who is not the officer submitting (nobody overrides a check
 * on their own intake), and that supervisor's password was checked for this dossier with a matching
 * purpose (the audit entry auth.confirmSupervisor writes).
 */
function checkOverrides(db: Db, officer: Officer, dossierId: string, d: CompleteDossier): void {
  const who = db.prepare('SELECT role, active FROM officers WHERE id = ?');
  const checked = db.prepare(
    `SELECT json_extract(detail, '$.purpose') AS purpose FROM audit WHERE action = 'auth.supervisor_checked' AND actor = ? AND dossier_id = ?`,
  );
  for (const o of d.overrides) {
    const r = who.get(o.supervisorId) as { role: string; active: number } | undefined;
    if (!r || r.role !== 'supervisor' || r.active !== 1 || o.supervisorId === officer.id) {
      throw new DossierError('forbidden', `${o.kind} override not given by another active supervisor`);
    }
    const purposes = (checked.all(o.supervisorId, dossierId) as Array<{ purpose: string | null }>).map((c) => c.purpose);
    if (!purposes.some((p) => p !== null && (OVERRIDE_PURPOSES[o.kind] ?? []).includes(p))) {
      throw new DossierError('forbidden', `${o.kind} override without that supervisor's password checked for this dossier`);
    }
  }
}

/** A row count from a caller: a whole number from 1 to `max` (SQLite takes a negative LIMIT as none). */
function rowLimit(asked: number | undefined, fallback: number, max: number): number {
  const n = Math.floor(asked ?? fallback);
  return Number.isFinite(n) ? Math.min(Math.max(n, 1), max) : fallback;
}

/** A dossier holding both portraits has a comparison of the live portrait it holds now (face/record.ts writes it). */
function faceCompared(db: Db, id: string, d: CompleteDossier): boolean {
  const live = image(db, id, 'live_portrait');
  if (!live || !image(db, id, 'chip_portrait')) return true;
  return d.portrait.faceMatch?.live === createHash('sha256').update(live).digest('hex');
}

/**
 * `requireFaceMatch` (the bridge's submission): a dossier with both portraits is refused
 * ('incomplete', 'face_match') unless the host compared the live portrait it holds now.
 */
export function submit(db: Db, officer: Officer, id: string, opts: { allowDuplicate?: boolean; revision?: number; requireFaceMatch?: boolean } = {}, now = new Date()): DossierRow {
  db.transaction(() => {
    const cur = row(db, id);
    ownDraft(officer, cur);
    if (opts.revision !== undefined && cur.revision !== opts.revision) throw new DossierError('stale');
    move(db, cur, 'submitted');
    const parsed = completeDossierSchema.safeParse(body(db, id));
    if (!parsed.success) throw new DossierError('incomplete', parsed.error.issues[0]?.path.join('.') ?? '');
    checkOverrides(db, officer, id, parsed.data);
    if (opts.requireFaceMatch && !faceCompared(db, id, parsed.data)) throw new DossierError('incomplete', 'face_match');
    const problem = submissionProblems(parsed.data, isoDateAt(now.getTime()));
    if (problem) throw problem;
    const dup = findDuplicate(db, parsed.data.identity.identity.idNumber, id);
    if (dup && !opts.allowDuplicate) throw new DossierError('duplicate', dup.id);
    if (!image(db, id, 'live_portrait')) throw new DossierError('incomplete', 'live_portrait');
    db.prepare(`UPDATE dossiers SET state = 'submitted', submitted_at = ?, updated_at = ?, return_reason = NULL, revision = revision + 1 WHERE id = ?`).run(now.toISOString(), now.toISOString(), id);
    appendAudit(db, { actor: officer.id, action: 'dossier.submitted', dossierId: id, at: now.toISOString(), detail: { duplicateOf: dup?.id ?? null } });
  }).immediate();
  return row(db, id);
}

function decide(db: Db, supervisor: Officer, id: string, now: Date, to: 'queued' | 'returned', reason?: string): DossierRow {
  if (supervisor.role !== 'supervisor') throw new DossierError('forbidden', 'only a supervisor decides');
  db.transaction(() => {
    const cur = row(db, id);
    if (cur.officerId === supervisor.id) throw new DossierError('four_eyes', 'nobody approves a dossier they took');
    move(db, cur, to);
    const at = now.toISOString();
    db.prepare('UPDATE dossiers SET state = ?, supervisor_id = ?, decided_at = ?, updated_at = ?, return_reason = ?, revision = revision + 1 WHERE id = ?').run(
      to, supervisor.id, at, at, reason ?? null, id,
    );
    if (to === 'queued') {
      // The idempotency key travels with every upload attempt: upstream takes a dossier once.
      db.prepare(`INSERT INTO outbox (dossier_id, idempotency_key, state, next_attempt_at, created_at) VALUES (?, ?, 'pending', ?, ?)`).run(
        id, `${id}.${randomBytes(8).toString('hex')}`, at, at,
      );
    }
    appendAudit(db, { actor: supervisor.id, action: to === 'queued' ? 'dossier.approved' : 'dossier.returned', dossierId: id, at });
  }).immediate();
  return row(db, id);
}

export function approve(db: Db, supervisor: Officer, id: string, now = new Date()): DossierRow {
  return decide(db, supervisor, id, now, 'queued');
}

export function returnToOfficer(db: Db, supervisor: Officer, id: string, reason: string, now = new Date()): DossierRow {
  const r = reason.trim();
  if (!r || r.length > 500 || looksLikeReturnCode(r)) throw new DossierError('incomplete', 'reason');
  return decide(db, supervisor, id, now, 'returned', r);
}

/** Cancelling a draft wipes it: the row and its images go (secure_delete zeroes the pages). */
export function cancelDraft(db: Db, officer: Officer, id: string, now = new Date()): void {
  db.transaction(() => {
    const cur = row(db, id);
    ownDraft(officer, cur);
    if (cur.state !== 'draft') throw new DossierError('wrong_state', `${cur.state} cannot be cancelled`);
    db.prepare('DELETE FROM dossiers WHERE id = ?').run(id);
    appendAudit(db, { actor: officer.id, action: 'draft.cancelled', dossierId: id, at: now.toISOString() });
  }).immediate();
}

export function get(db: Db, id: string): DossierRow {
  return row(db, id);
}

export function list(db: Db, filter: { state?: DossierState; officerId?: string; limit?: number } = {}): DossierRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.state) {
    where.push('state = ?');
    args.push(filter.state);
  }
  if (filter.officerId) {
    where.push('officer_id = ?');
    args.push(filter.officerId);
  }
  const sql = `SELECT ${COLUMNS} FROM dossiers ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY updated_at DESC LIMIT ?`;
  return db.prepare(sql).all(...args, rowLimit(filter.limit, 100, 500)) as DossierRow[];
}

/** By ID number (exact, indexed) or by name with or without diacritics ("nguyen" finds "Nguyễn"). */
export function search(db: Db, query: string, filter: { officerId?: string; limit?: number } = {}): DossierRow[] {
  const q = query.trim();
  const limit = rowLimit(filter.limit, 50, 200);
  const own = filter.officerId ? ' AND officer_id = ?' : '';
  const ownArgs = filter.officerId ? [filter.officerId] : [];
  if (/^\d{12}$/.test(q)) return db.prepare(`SELECT ${COLUMNS} FROM dossiers WHERE id_number = ?${own} ORDER BY updated_at DESC LIMIT ?`).all(q, ...ownArgs, limit) as DossierRow[];
  const key = nameKey(q).toLowerCase();
  if (!key) return [];
  const like = `%${key.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return db.prepare(`SELECT ${COLUMNS} FROM dossiers WHERE search_key LIKE ? ESCAPE '\\'${own} ORDER BY updated_at DESC LIMIT ?`).all(like, ...ownArgs, limit) as DossierRow[];
}

/** Dossiers per state: the whole station's, or one officer's own when `officerId` is given. */
export function countsByState(db: Db, officerId?: string): Partial<Record<DossierState, number>> {
  const out: Partial<Record<DossierState, number>> = {};
  const rows = officerId
    ? db.prepare('SELECT state, count(*) AS n FROM dossiers WHERE officer_id = ? GROUP BY state').all(officerId)
    : db.prepare('SELECT state, count(*) AS n FROM dossiers GROUP BY state').all();
  for (const r of rows as Array<{ state: DossierState; n: number }>) out[r.state] = r.n;
  return out;
}
