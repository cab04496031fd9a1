/**
 * Dossiers over the bridge: the officer's drafts and submission, the supervisor's decision, the
 * queue and a dossier's history. The host checks the role on every call and, for officers, that
 * the dossier is their own.
 */
import { z } from 'zod';
import { dossierIdSchema as dossierId, dossierRefSchema, hexSchema } from '../domain/shapes';
import { draftDossierSchema } from '../domain/dossier';
import { DOSSIER_STATES } from '../domain/dossier-state';
import { defineCall } from './define';

const officerName = z.string().max(120);
/** The live portrait JPEG, base64; ~100 KB in practice, refused above 1.5 MB. */
const jpegBase64 = z.string().max(2_000_000).regex(/^[A-Za-z0-9+/]+={0,2}$/);

/**
 * A dossier body as the screen sends it, at most 200,000 characters as JSON (a real one is a few
 * KB plus the liveness evidence, at most 40,000): the identity's strings and arrays have no bound
 * of their own (they mirror what a chip may hold), so the whole body has one.
 */
export const MAX_BODY_CHARS = 200_000;
const bodyInput = draftDossierSchema.refine((b) => JSON.stringify(b).length <= MAX_BODY_CHARS, `the dossier body is over ${MAX_BODY_CHARS} characters`);

export const DOSSIER_ERRORS = [
  'dossier.not_found',
  'dossier.forbidden',
  'dossier.wrong_state',
  'dossier.stale',
  'dossier.incomplete',
  'dossier.duplicate',
  'dossier.age_rule',
  'dossier.guardian_required',
  'dossier.override_required',
  'dossier.four_eyes',
  'dossier.read_expired',
  'store.locked',
] as const;

export const dossierRowSchema = z.object({
  id: dossierId,
  state: z.enum(DOSSIER_STATES),
  officerId: z.string(),
  supervisorId: z.string().nullable(),
  idNumber: z.string().nullable(),
  fullName: z.string().nullable(),
  revision: z.number().int(),
  returnReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type DossierRowView = z.infer<typeof dossierRowSchema>;

export const dossierCreate = defineCall('dossier.create', {
  input: z
    .object({
      body: bodyInput,
      /** The card read this intake starts from: the host attaches that read's raw chip files (SOD, DGs). */
      chipReadId: hexSchema(16).optional(),
    })
    .strict(),
  output: dossierRowSchema,
  errors: DOSSIER_ERRORS,
  access: 'intake',
  summary: 'Starts a draft for the signed-in officer, with the chip portrait and the raw chip files of the read it starts from',
});

export const dossierSave = defineCall('dossier.save', {
  input: z
    .object({
      id: dossierId,
      revision: z.number().int().min(1),
      body: bodyInput,
      livePortrait: jpegBase64.optional(),
    })
    .strict(),
  output: dossierRowSchema,
  errors: DOSSIER_ERRORS,
  access: 'intake',
  summary: 'Saves the officer’s own draft (or returned dossier); a stale revision is refused',
});

export const dossierSubmit = defineCall('dossier.submit', {
  input: z
    .object({
      id: dossierId,
      allowDuplicate: z.boolean().default(false),
      /** The revision the officer reviewed: a newer save (another screen) makes the submission stale. */
      revision: z.number().int().min(1).optional(),
    })
    .strict(),
  output: dossierRowSchema,
  errors: DOSSIER_ERRORS,
  access: 'intake',
  summary: 'Submits for approval after the completeness, age, override and duplicate checks',
});

export const dossierCancel = defineCall('dossier.cancel', {
  input: dossierRefSchema,
  output: z.object({ cancelled: z.literal(true) }),
  errors: DOSSIER_ERRORS,
  access: 'intake',
  summary: 'Cancels the officer’s own draft and wipes its personal data',
});

export const dossierGet = defineCall('dossier.get', {
  input: dossierRefSchema,
  output: z.object({ row: dossierRowSchema, body: draftDossierSchema }),
  errors: DOSSIER_ERRORS,
  access: 'queue.own',
  summary: 'One dossier with its content (officers: their own only)',
});

export const dossierList = defineCall('dossier.list', {
  input: z.object({ state: z.enum(DOSSIER_STATES).optional(), query: z.string().max(100).optional() }).strict(),
  output: z.object({
    rows: z.array(dossierRowSchema).max(200),
    /** The display names of the officers who took the listed dossiers, by officer id. */
    officers: z.record(z.string(), officerName),
  }),
  errors: DOSSIER_ERRORS,
  access: 'queue.own',
  summary: 'The queue by state, or a search by ID number or name (with or without diacritics); officers see their own',
});

export const dossierDecide = defineCall('dossier.decide', {
  input: z.discriminatedUnion('decision', [
    z.object({ id: dossierId, decision: z.literal('approve') }).strict(),
    z.object({ id: dossierId, decision: z.literal('return'), reason: z.string().trim().min(1).max(500) }).strict(),
  ]),
  output: dossierRowSchema,
  errors: DOSSIER_ERRORS,
  access: 'approve',
  summary: 'A supervisor approves (the dossier is queued for upload) or returns it with a reason; never one they took',
});

export const dossierHistory = defineCall('dossier.history', {
  input: dossierRefSchema,
  output: z.object({
    entries: z
      .array(
        z.object({
          seq: z.number().int(),
          at: z.string(),
          actor: z.string(),
          /** The acting officer's display name; null for the kiosk itself ('system') or an unknown id. Never the citizen's data. */
          actorName: officerName.nullable(),
          action: z.string(),
        }),
      )
      .max(500),
  }),
  errors: DOSSIER_ERRORS,
  access: 'queue.own',
  summary: 'What happened to a dossier, from the audit trail, with who did it',
});

export const dossierCounts = defineCall('dossier.counts', {
  input: z.union([z.undefined(), z.object({}).strict()]),
  output: z.object({ counts: z.partialRecord(z.enum(DOSSIER_STATES), z.number().int()) }),
  errors: ['store.locked', 'auth.forbidden'] as const,
  // Every role gets counts, but not the same ones: the handler gives the station's to 'queue.counts'
  // and an officer's own to 'queue.own' (and refuses a role with neither).
  access: 'signed_in',
  summary: 'How many dossiers are in each state: the station’s (queue.counts) or the officer’s own (queue.own)',
});

export const dossierImage = defineCall('dossier.image', {
  input: z.object({ id: dossierId, kind: z.enum(['live_portrait', 'chip_portrait']) }).strict(),
  output: z.object({ dataUrl: z.string().startsWith('data:image/').max(2_100_000).nullable() }),
  errors: DOSSIER_ERRORS,
  access: 'queue.own',
  summary: 'A dossier’s live or chip portrait for the approval screen (officers: their own only)',
});
