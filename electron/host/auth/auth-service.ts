/**
 * The kiosk's gate: the encrypted store (first run, locked, open), who is signed in, and the idle
 * lock. The dispatcher asks `authorize` before every handler; a call the role may not make is
 * refused here with a typed error, whatever the UI shows.
 */
import type { Access, AuthStatus } from '../../../shared/contract/index';
import { can } from '../../../shared/domain/roles';
import { HostError } from '../bridge/host-error';
import type { EventHub } from '../events';
import type { Logger } from '../log';
import { KeyFileError, readKeyFile, WrongPassphraseError, type KeySealer } from '../store/key-file';
import { createStore, DatabaseMissingError, StoreExistsError, UnlockThrottledError, unlockStore, WeakPassphraseError, type OpenStore } from '../store/store';
import { UnlockGuard } from '../store/unlock-guard';
import type { Db } from '../store/database';
import { accountInputProblem, AccountError, countOfficers, createFirstAdmin, LOCKOUT_MS, MAX_FAILED_SIGN_INS, signIn, type Officer } from './accounts';
import { appendAudit } from '../store/audit';
import { RetentionSchedule } from '../store/retention-schedule';
import { storedSettings } from '../store/settings';
import { DEFAULT_IDLE_MS, SessionState, type LockReason } from './session';

export interface AuthServiceOptions {
  dataDir: string;
  hub: EventHub;
  log: Logger;
  /** Idle lock when the administrator has not set one; default 5 minutes. */
  idleMs?: number;
  /** The OS keystore, when the shell has a real one (never a plaintext backend). */
  sealer?: KeySealer | null;
  training?: AuthStatus['training'];
  now?: () => number;
}

export class AuthService {
  private store: OpenStore | null = null;
  /** Wrong supervisor passwords typed on each officer's screen (in memory: a restart forgets them, the accounts' own counters stay). */
  private readonly confirmFailures = new Map<string, { count: number; until: number | null }>();
  private readonly session: SessionState;
  private readonly guard: UnlockGuard;
  private readonly idleTimer: NodeJS.Timeout;
  private readonly retention: RetentionSchedule;

  constructor(private readonly o: AuthServiceOptions) {
    this.guard = new UnlockGuard(o.dataDir, o.now);
    this.session = new SessionState(o.idleMs ?? DEFAULT_IDLE_MS, o.now, (why) => {
      o.log.info('auth.session_ended', { why });
      if (this.store) this.audit('system', `auth.${why === 'signed_out' ? 'signed_out' : 'locked_' + why}`);
      o.hub.emit('auth.changed', this.status());
    });
    // The idle lock must also fire when nobody calls: the screen clears on its own.
    this.idleTimer = setInterval(() => this.session.current(), 5_000);
    this.idleTimer.unref();
    this.retention = new RetentionSchedule({ log: o.log, now: () => new Date(o.now ? o.now() : Date.now()) });
  }

  /** The store has opened (first run, passphrase, OS keystore): its settings apply, retention runs. */
  private opened(store: OpenStore, audit?: string): void {
    this.store = store;
    if (audit) this.audit('system', audit);
    this.applySettings();
    this.retention.start(store.db);
  }

  /** Re-reads the administrator's settings that the session uses (the idle lock). */
  applySettings(): void {
    const minutes = this.store ? storedSettings(this.store.db).idleLockMinutes : undefined;
    this.session.setIdleMs(minutes !== undefined ? minutes * 60_000 : (this.o.idleMs ?? DEFAULT_IDLE_MS));
  }

  get db(): Db {
    if (!this.store) throw new HostError('store.locked', 'The store is locked.');
    return this.store.db;
  }

  officer(): Officer | null {
    return this.session.current();
  }

  status(): AuthStatus {
    let keyHolder: AuthStatus['keyHolder'] = null;
    let store: AuthStatus['store'] = this.store ? 'open' : 'missing';
    try {
      const f = readKeyFile(this.o.dataDir);
      if (f) {
        keyHolder = f.kind;
        if (!this.store) store = 'locked';
      }
    } catch {
      store = this.store ? 'open' : 'locked';
    }
    const o = this.session.current();
    if (this.store && countOfficers(this.store.db) === 0) store = 'missing';
    return {
      store,
      keyHolder,
      unlockFailures: this.guard.failures(),
      unlockWaitMs: Math.ceil(this.guard.waitMs()),
      officer: o ? { id: o.id, username: o.username, displayName: o.displayName, role: o.role } : null,
      idleLockMs: this.session.idleLimitMs,
      training: this.o.training ?? null,
    };
  }

  private changed(): AuthStatus {
    const s = this.status();
    this.o.hub.emit('auth.changed', s);
    return s;
  }

  private audit(actor: string, action: string): void {
    const db = this.store?.db;
    if (db) db.transaction(() => appendAudit(db, { actor, action }))();
  }

  /** Opens the store without anyone typing (OS keystore); a passphrase store stays locked. */
  async autoUnlock(): Promise<void> {
    const f = readKeyFile(this.o.dataDir);
    if (f?.kind !== 'os-keystore' || !this.o.sealer) return;
    try {
      this.opened(await unlockStore(this.o.dataDir, { sealer: this.o.sealer }), 'store.unlocked');
    } catch (e) {
      // A keystore that refuses (another user, a reset keyring) leaves the store locked, not the app down.
      this.o.log.error('store.keystore_refused', { sealer: this.o.sealer.name, kind: e instanceof Error ? e.name : typeof e });
    }
  }

  async create(input: { passphrase: string; admin: { username: string; displayName: string; password: string } }): Promise<AuthStatus> {
    const problem = accountInputProblem(input.admin);
    if (problem) throw new HostError(problem === 'weak_password' ? 'auth.weak_password' : 'auth.bad_username', problem);
    // A store whose first administrator was never made (killed in between) only needs the account.
    if (this.store && countOfficers(this.store.db) === 0) return this.firstAdmin(this.store, input.admin);
    if (this.store || readKeyFile(this.o.dataDir)) throw new HostError('store.exists', 'A store already exists here.');
    let store: OpenStore;
    try {
      store = await createStore(this.o.dataDir, this.o.sealer ? { sealer: this.o.sealer } : { passphrase: input.passphrase });
    } catch (e) {
      if (e instanceof StoreExistsError) throw new HostError('store.exists', 'A store already exists here.');
      if (e instanceof WeakPassphraseError) throw new HostError('store.weak_passphrase', e.message);
      throw e;
    }
    this.opened(store);
    this.o.log.info('store.created', { keyHolder: this.o.sealer ? 'os-keystore' : 'passphrase' });
    return this.firstAdmin(store, input.admin);
  }

  private async firstAdmin(store: OpenStore, admin: { username: string; displayName: string; password: string }): Promise<AuthStatus> {
    try {
      this.session.start(await createFirstAdmin(store.db, admin));
    } catch (e) {
      if (e instanceof AccountError) throw new HostError(e.code === 'weak_password' ? 'auth.weak_password' : 'auth.bad_username', e.code);
      throw e;
    }
    return this.changed();
  }

  async unlock(passphrase: string): Promise<AuthStatus> {
    if (this.store) return this.status();
    let store: OpenStore;
    try {
      store = await unlockStore(this.o.dataDir, { passphrase }, this.guard);
    } catch (e) {
      if (e instanceof WrongPassphraseError) {
        this.o.log.warn('store.unlock_refused', { failures: this.guard.failures() });
        throw new HostError('store.wrong_passphrase', 'Wrong passphrase.');
      }
      if (e instanceof UnlockThrottledError) throw new HostError('store.throttled', `Wait ${Math.ceil(e.waitMs / 1000)} s.`);
      if (e instanceof KeyFileError) throw new HostError('store.damaged', 'The store key file is damaged.');
      if (e instanceof DatabaseMissingError) throw new HostError('store.damaged', 'The database file is missing: restore it from the backup.');
      if ((e as Error).name === 'StoreMissingError') throw new HostError('store.missing', 'No store yet.');
      throw e;
    }
    if (this.store) {
      store.close(); // two unlocks at once: the first one's store stays
      return this.status();
    }
    this.o.log.info('store.unlocked', {});
    this.opened(store, 'store.unlocked');
    return this.changed();
  }

  async signIn(username: string, password: string): Promise<AuthStatus> {
    if (!this.store) throw new HostError('store.locked', 'The store is locked.');
    const r = await signIn(this.store.db, username, password, this.o.now ? () => new Date(this.o.now!()) : undefined);
    if (!r.ok) {
      if (r.reason === 'locked') throw new HostError('auth.locked', r.until);
      throw new HostError('auth.bad_credentials', 'Wrong username or password.');
    }
    this.session.start(r.officer);
    return this.changed();
  }

  /**
   * A supervisor types their password on the officer's screen to allow one action (an override,
   * one more liveness attempt, ending the intake). The officer stays signed in; a wrong password
   * counts toward the supervisor's lock-out like a sign-in; only another active supervisor counts.
   */
  async confirmSupervisor(input: { username: string; password: string; purpose: string; dossierId?: string; reason?: string }): Promise<{ supervisorId: string; displayName: string; at: string }> {
    if (!this.store) throw new HostError('store.locked', 'The store is locked.');
    const me = this.session.current();
    if (!me) throw new HostError('auth.required', 'Sign in first.');
    const db = this.store.db;
    const now = this.o.now ? new Date(this.o.now()) : new Date();
    // One officer's screen gets MAX_FAILED_SIGN_INS wrong supervisor passwords, whatever names it
    // types, then waits like a locked account: it cannot lock every supervisor out, and a made-up
    // name answers like a real one.
    const held = this.confirmFailures.get(me.id);
    if (held?.until && held.until > now.getTime()) throw new HostError('auth.locked', new Date(held.until).toISOString());
    const detail = { purpose: input.purpose, officer: me.id, ...(input.reason ? { reason: input.reason } : {}) };
    const context = { via: 'confirm_supervisor', officer: me.id, purpose: input.purpose, ...(input.dossierId ? { dossierId: input.dossierId } : {}) };
    const success = { action: 'auth.supervisor_checked', detail, ...(input.dossierId ? { dossierId: input.dossierId } : {}) };
    const r = await signIn(db, input.username, input.password, () => now, success, context);
    if (!r.ok) {
      const count = (held && !held.until ? held.count : 0) + 1;
      const until = count >= MAX_FAILED_SIGN_INS ? now.getTime() + LOCKOUT_MS : null;
      this.confirmFailures.set(me.id, { count: until ? 0 : count, until });
      if (until) throw new HostError('auth.locked', new Date(until).toISOString());
      throw new HostError('auth.bad_credentials', 'Wrong username or password.');
    }
    this.confirmFailures.delete(me.id);
    if (r.officer.role !== 'supervisor' || r.officer.id === me.id) {
      db.transaction(() => appendAudit(db, { actor: r.officer.id, action: 'auth.supervisor_refused', detail, ...(input.dossierId ? { dossierId: input.dossierId } : {}) }))();
      throw new HostError('auth.forbidden', 'Only another supervisor can confirm this.');
    }
    return { supervisorId: r.officer.id, displayName: r.officer.displayName, at: now.toISOString() };
  }

  signOut(): AuthStatus {
    this.session.end('signed_out');
    return this.status();
  }

  /** Null when the call may go ahead; otherwise the bridge error code. Counts as activity. */
  authorize(access: Access): 'auth.required' | 'auth.forbidden' | null {
    if (access === 'public') return null;
    const o = this.session.current();
    if (!o) return 'auth.required';
    if (access !== 'signed_in' && !can(o.role, access)) return 'auth.forbidden';
    this.session.touch();
    return null;
  }

  /** Suspend or screen lock (Electron's powerMonitor): the officer signs in again. */
  lockNow(reason: LockReason): void {
    this.session.end(reason);
  }

  close(): void {
    clearInterval(this.idleTimer);
    this.retention.stop();
    this.store?.close();
    this.store = null;
  }
}
