/**
 * Start-up and who is at the kiosk: the store's state (first run, locked, open), unlocking it with
 * the station passphrase, signing officers in and out. Everything else needs a signed-in officer.
 */
import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { defineCall, defineEvent, noInput } from './define';

export const officerViewSchema = z.object({
  id: z.string().max(64),
  username: z.string().max(40),
  displayName: z.string().max(120),
  role: z.enum(ROLES),
});
export type OfficerView = z.infer<typeof officerViewSchema>;

export const authStatusSchema = z.object({
  /** missing: first run (no store yet); locked: the passphrase is needed; open: ready. */
  store: z.enum(['missing', 'locked', 'open']),
  /** How the store's key is held: a passphrase typed at start-up, or the OS keystore. */
  keyHolder: z.enum(['passphrase', 'os-keystore']).nullable(),
  /** Wrong passphrases so far, and how long the next try must wait. */
  unlockFailures: z.number().int().min(0),
  unlockWaitMs: z.number().int().min(0),
  officer: officerViewSchema.nullable(),
  idleLockMs: z.number().int().positive(),
  /** Demo / training mode: the training accounts' names and password, shown on the sign-in screen. */
  training: z.object({ accounts: z.array(z.object({ username: z.string(), role: z.enum(ROLES) })), password: z.string() }).nullable(),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;

const passphrase = z.string().min(1).max(200);
const password = z.string().min(1).max(128);
const username = z.string().trim().min(1).max(40);

export const authStatus = defineCall('auth.status', {
  input: noInput,
  output: authStatusSchema,
  summary: 'The store state and the signed-in officer',
});

export const storeCreate = defineCall('store.create', {
  input: z.object({ passphrase, admin: z.object({ username, displayName: z.string().trim().min(1).max(120), password }) }).strict(),
  output: authStatusSchema,
  errors: ['store.exists', 'store.weak_passphrase', 'auth.weak_password', 'auth.bad_username'] as const,
  summary: 'First run: creates the encrypted store and the first administrator, who is then signed in',
});

export const storeUnlock = defineCall('store.unlock', {
  input: z.object({ passphrase }).strict(),
  output: authStatusSchema,
  errors: ['store.wrong_passphrase', 'store.throttled', 'store.damaged', 'store.missing'] as const,
  summary: 'Opens the store with the station passphrase (a supervisor or administrator types it)',
});

export const authSignIn = defineCall('auth.signIn', {
  input: z.object({ username, password }).strict(),
  output: authStatusSchema,
  errors: ['auth.bad_credentials', 'auth.locked', 'store.locked'] as const,
  summary: 'Signs an officer in',
});

export const authSignOut = defineCall('auth.signOut', {
  input: noInput,
  output: authStatusSchema,
  access: 'signed_in',
  summary: 'Signs the officer out; every screen is cleared',
});

export const authChanged = defineEvent('auth.changed', {
  payload: authStatusSchema,
  summary: 'Sent on unlock, sign-in, sign-out and the idle lock',
});

/** Why a supervisor confirms on the officer's screen (the officer stays signed in). */
export const SUPERVISOR_PURPOSES = ['chip_failed', 'fallback', 'liveness_retry', 'liveness_exhausted', 'end_intake'] as const;

export const authConfirmSupervisor = defineCall('auth.confirmSupervisor', {
  input: z.object({ username, password, purpose: z.enum(SUPERVISOR_PURPOSES), dossierId: z.string().max(64).optional(), reason: z.string().trim().max(500).optional() }).strict(),
  output: z.object({ supervisorId: z.string().max(64), displayName: z.string().max(120), at: z.string().datetime() }),
  errors: ['auth.bad_credentials', 'auth.locked', 'auth.forbidden', 'store.locked'] as const,
  access: 'intake',
  summary: "A supervisor's password on the officer's screen (override, one more liveness attempt): role-checked, audited, with the sign-in lock-out",
});
