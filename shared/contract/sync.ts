/**
 * Sync upstream over the bridge (issue 11): the station's sync state and one dossier's, pause and
 * resume (supervisors, the administrator), and enrolment with the upstream's one-time token (the
 * administrator). Error codes of an attempt are the closed set the host maps from the upstream's
 * problems and the network; the screen turns them into words.
 */
import { z } from 'zod';
import { dossierRefSchema } from '../domain/shapes';
import { defineCall, defineEvent, noInput } from './define';

const code = z.string().max(80);
const when = z.string().max(40);

/** The upstream's problem codes (docs/upstream-api.yaml, Problem.code). */
export const UPSTREAM_PROBLEM_CODES = [
  'enrolment.token_invalid',
  'enrolment.token_used',
  'enrolment.csr_invalid',
  'device.unknown',
  'device.revoked',
  'packet.malformed',
  'packet.digest_mismatch',
  'packet.decrypt_failed',
  'packet.signature_invalid',
  'packet.manifest_mismatch',
  'packet.chip_unverified',
  'packet.too_large',
  'packet.conflict',
  'packet.superseded',
  'packet.wrong_device',
  'packet.unknown',
  'request.invalid',
  'upload.offset_mismatch',
  'upload.unknown',
  'rate_limited',
  'unavailable',
] as const;

/** Failures on the kiosk's side of the wire, and the kiosk's own. */
export const SYNC_LOCAL_CODES = ['net.refused', 'net.reset', 'net.timeout', 'net.tls', 'net.dns', 'net.other', 'bad_response', 'not_enrolled', 'packet.build_failed'] as const;

/** Why the upstream rejected a stored dossier. */
export const REJECTION_CODES = ['data_mismatch', 'portrait_quality', 'chip_verification', 'duplicate_person', 'other'] as const;

export const SYNC_ERRORS = ['sync.not_configured', 'sync.not_enrolled', 'sync.enrolment_refused', 'sync.unreachable', 'dossier.not_found', 'dossier.forbidden', 'store.locked'] as const;

export const syncStatusSchema = z.object({
  /** An upstream URL is in the configuration. */
  configured: z.boolean(),
  enrolled: z.object({ deviceId: z.string().max(40), enrolledAt: when, upstreamHost: z.string().max(200) }).nullable(),
  paused: z.boolean(),
  running: z.boolean(),
  /** Uploads under way now. */
  busy: z.number().int().min(0),
  counts: z.object({
    pending: z.number().int().min(0),
    sending: z.number().int().min(0),
    done: z.number().int().min(0),
    failed: z.number().int().min(0),
    /** Pending rows whose last attempt failed (waiting out a backoff). */
    retrying: z.number().int().min(0),
  }),
  lastPoll: z.object({ at: when.nullable(), ok: z.boolean().nullable(), code: code.nullable() }),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const OUTBOX_STATES = ['pending', 'sending', 'done', 'failed'] as const;
export const UPSTREAM_STATUSES = ['received', 'accepted', 'rejected'] as const;

export const dossierSyncSchema = z.object({
  outbox: z
    .object({
      state: z.enum(OUTBOX_STATES),
      attempts: z.number().int().min(0),
      lastError: code.nullable(),
      httpStatus: z.number().int().nullable(),
      nextAttemptAt: when.nullable(),
      lastAttemptAt: when.nullable(),
      doneAt: when.nullable(),
    })
    .nullable(),
  upstream: z
    .object({
      status: z.enum(UPSTREAM_STATUSES),
      /** With a rejection: data_mismatch, portrait_quality, chip_verification, duplicate_person, other. */
      code: code.nullable(),
      at: when.nullable(),
    })
    .nullable(),
  /** A large packet's resumable upload: bytes the upstream holds of it (also while it waits to resume). */
  upload: z.object({ sent: z.number().int().min(0), total: z.number().int().min(1) }).nullable().optional(),
});
export type DossierSync = z.infer<typeof dossierSyncSchema>;

export const syncStatus = defineCall('sync.status', {
  input: noInput,
  output: syncStatusSchema,
  errors: ['store.locked'] as const,
  access: 'signed_in',
  summary: 'The station\'s sync state: enrolled or not, paused, counts, the last status poll',
});

export const syncDossier = defineCall('sync.dossier', {
  input: dossierRefSchema,
  output: dossierSyncSchema,
  errors: SYNC_ERRORS,
  access: 'queue.own',
  summary: 'One dossier\'s upload (attempts, last error, next try) and the upstream\'s decision (officers: their own only)',
});

export const syncPause = defineCall('sync.pause', {
  input: z.object({ paused: z.boolean() }).strict(),
  output: syncStatusSchema,
  errors: SYNC_ERRORS,
  access: 'sync.control',
  summary: 'Pauses or resumes uploads (supervisor, administrator); audited',
});

export const syncEnrol = defineCall('sync.enrol', {
  input: z.object({ token: z.string().trim().min(16).max(128) }).strict(),
  output: syncStatusSchema,
  errors: SYNC_ERRORS,
  access: 'sync.enrol',
  summary: 'Enrols this kiosk with the configured upstream using its one-time token (administrator); audited',
});

export const syncChanged = defineEvent('sync.changed', {
  payload: z.object({ at: when }),
  summary: 'Something the sync screens show changed (an upload recorded, a status pulled, pause, enrolment)',
});
