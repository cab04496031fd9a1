/**
 * Local officer accounts in the encrypted store: the first administrator at first run, accounts
 * made by an administrator, sign-in with lock-out after repeated failures. Every change is one
 * transaction with its audit entry. Password checks (scrypt, slow on purpose) run before the
 * transaction, never inside it.
 */
import { randomUUID } from 'node:crypto';
import { appendAudit, type AuditInput } from '../store/audit';
import type { Db } from '../store/database';
import { DUMMY_HASH, hashPassword, passwordProblem, verifyPassword } from './passwords';
import type { Role } from './roles';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export interface Officer {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
}

export class AccountError extends Error {
  constructor(readonly code: 'exists' | 'weak_password' | 'bad_username' | 'not_first_run' | 'not_found') {
    super(code);
  }
}

interface Row {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  active: number;
}

const toOfficer = (r: Row): Officer => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, active: r.active === 1 });

/** Usernames: the officer's service code or a short login, lower case, no spaces. */
const USERNAME = /^[a-z0-9._-]{3,40}$/;

export function countOfficers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM officers').get() as { n: number }).n;
}

/** Why an account could not be made from this input, checked before anything is written. */
export function accountInputProblem(input: { username: string; password: string }): 'bad_username' | 'weak_password' | null {
  if (!USERNAME.test(input.username.trim().toLowerCase())) return 'bad_username';
  return passwordProblem(input.password) ? 'weak_password' : null;
}

async function insert(db: Db, actor: string, input: { username: string; displayName: string; role: Role; password: string }, firstRun: boolean): Promise<Officer> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) throw new AccountError('bad_username');
  if (passwordProblem(input.password)) throw new AccountError('weak_password');
  const hash = await hashPassword(input.password);
  const id = randomUUID();
  return db.transaction(() => {
    if (firstRun && countOfficers(db) > 0) throw new AccountError('not_first_run');
    if (db.prepare('SELECT 1 FROM officers WHERE username = ?').get(username)) throw new AccountError('exists');
    db.prepare('INSERT INTO officers (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      id, username, input.displayName.trim().normalize('NFC'), input.role, hash, new Date().toISOString(),
    );
    appendAudit(db, { actor: firstRun ? id : actor, action: 'account.created', detail: { officer: id, role: input.role } });
    return { id, username, displayName: input.displayName.trim().normalize('NFC'), role: input.role, active: true };
  }).immediate();
}

/** First run only: the first account, always an administrator. */
export function createFirstAdmin(db: Db, input: { username: string; displayName: string; password: string }): Promise<Officer> {
  return insert(db, 'system', { ...input, role: 'admin' }, true);
}

/** By an administrator (the caller checks the role). */
export function createAccount(db: Db, adminId: string, input: { username: string; displayName: string; role: Role; password: string }): Promise<Officer> {
  return insert(db, adminId, input, false);
}

export type SignInResult = { ok: true; officer: Officer } | { ok: false; reason: 'bad_credentials' } | { ok: false; reason: 'locked'; until: string };

/**
 * Checks a name and password with the lock-out counter. `success` is the audit entry a good
 * password writes: a sign-in, or a supervisor confirming an action on another officer's screen.
 */
export async function signIn(
  db: Db,
  usernameRaw: string,
  password: string,
  now: () => Date = () => new Date(),
  success: Pick<AuditInput, 'action' | 'dossierId' | 'detail'> = { action: 'auth.signed_in' },
  /** Goes into every entry this check writes (a supervisor's check names the officer whose screen asked). */
  context: Record<string, string> = {},
): Promise<SignInResult> {
  const username = usernameRaw.trim().toLowerCase();
  const row = db.prepare('SELECT * FROM officers WHERE username = ?').get(username) as Row | undefined;
  // An unknown name costs the same scrypt as a known one: no probing for valid usernames by timing.
  const good = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  if (!row || row.active !== 1) return { ok: false, reason: 'bad_credentials' };
  const t = now();
  return db.transaction((): SignInResult => {
    const cur = db.prepare('SELECT failed_attempts, locked_until FROM officers WHERE id = ?').get(row.id) as Pick<Row, 'failed_attempts' | 'locked_until'>;
    if (cur.locked_until && new Date(cur.locked_until) > t) {
      appendAudit(db, { actor: row.id, action: 'auth.refused_locked', at: t.toISOString(), ...(Object.keys(context).length ? { detail: context } : {}) });
      return { ok: false, reason: 'locked', until: cur.locked_until };
    }
    if (!good) {
      const failed = (cur.locked_until ? 0 : cur.failed_attempts) + 1;
      const locked = failed >= MAX_FAILED_SIGN_INS ? new Date(t.getTime() + LOCKOUT_MS).toISOString() : null;
      db.prepare('UPDATE officers SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(locked ? 0 : failed, locked, row.id);
      appendAudit(db, { actor: row.id, action: locked ? 'auth.locked_out' : 'auth.failed', at: t.toISOString(), detail: { ...context, failed } });
      return locked ? { ok: false, reason: 'locked', until: locked } : { ok: false, reason: 'bad_credentials' };
    }
    db.prepare('UPDATE officers SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(row.id);
    appendAudit(db, { actor: row.id, at: t.toISOString(), ...success });
    return { ok: true, officer: toOfficer(row) };
  }).immediate();
}

export function getOfficer(db: Db, id: string): Officer | null {
  const r = db.prepare('SELECT * FROM officers WHERE id = ?').get(id) as Row | undefined;
  return r ? toOfficer(r) : null;
}

export function listOfficers(db: Db): Officer[] {
  return (db.prepare('SELECT * FROM officers ORDER BY role, username').all() as Row[]).map(toOfficer);
}
