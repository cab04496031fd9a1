/**
 * What a level-2 dossier holds (dossier.md), typed and versioned so the upstream adapter can map
 * it when the national schema is known. A draft may be incomplete; `completeDossierSchema` is
 * what a submission must satisfy. Images travel and are stored apart from this body.
 */
import { z } from 'zod';
import { citizenIdentitySchema } from './citizen';
import { isPlausibleEmail, normaliseMobile } from './phone';
import { hexSchema, isoDateSchema as isoDate } from './shapes';

export const DOSSIER_SCHEMA_VERSION = 1;

const isoTime = z.string().datetime();
const text = (max: number) => z.string().trim().min(1).max(max);

export const fieldSourceSchema = z.enum(['chip_verified', 'chip_unverified', 'qr', 'typed']);

export const verificationLineSchema = z.object({
  check: z.enum(['access', 'signature', 'chain', 'hashes', 'clone', 'purpose']),
  status: z.enum(['ok', 'warn', 'fail', 'not_done']),
  note: z.string().max(300).optional(),
});

export const identityPartSchema = z.object({
  identity: citizenIdentitySchema,
  /** Where each field came from; a chip value is never overwritten by a typed one. */
  sources: z.record(z.string().max(40), fieldSourceSchema),
  cardKind: z.enum(['cccd_chip', 'can_cuoc']),
  verification: z.object({
    overall: z.enum(['genuine', 'not_fully_verified', 'failed', 'not_read']),
    lines: z.array(verificationLineSchema).max(20),
  }),
  /** Why the chip was not used (QR-only or typed data), from a fixed list plus a note. */
  fallback: z.object({ reason: z.enum(['reader_failed', 'chip_damaged', 'chip_unreadable', 'no_reader', 'other']), note: z.string().max(500) }).optional(),
  disagreements: z.array(z.object({ field: z.string().max(40), values: z.array(z.object({ source: z.string().max(20), value: z.string().max(500) })).max(4) })).max(20),
});

const mobile = z.string().refine((s) => normaliseMobile(s).ok, 'not a Vietnamese mobile number');

export const contactSchema = z.object({
  mobile: mobile.transform((s) => (normaliseMobile(s) as { national: string }).national),
  email: z.string().trim().max(254).refine(isPlausibleEmail, 'not an e-mail address').optional(),
});

const dependantSchema = z.object({
  fullName: text(120),
  dateOfBirth: isoDate,
  idNumber: z.string().regex(/^\d{12}$/).optional(),
  birthCertificateNumber: text(40).optional(),
  relationship: z.enum(['child_under_14', 'under_guardianship']),
});

export const integrationSchema = z.object({
  drivingLicence: z.object({ number: z.string().regex(/^\d{12}$/), class: z.enum(['A1', 'A', 'B1', 'B', 'C1', 'C', 'D1', 'D2', 'D', 'BE', 'C1E', 'CE', 'D1E', 'D2E', 'DE']) }).optional(),
  vehicle: z.object({ plate: z.string().regex(/^\d{2}[A-Z]{1,2}\d?-?\d{3}\.?\d{2}$/), registrationNumber: text(20) }).optional(),
  healthInsurance: z.object({ number: z.string().regex(/^([A-Z]{2}\d{13}|\d{10})$/) }).optional(),
  socialInsurance: z.object({ number: z.string().regex(/^\d{10}$/) }).optional(),
  dependants: z.array(dependantSchema).max(10).default([]),
});

export const guardianSchema = z.object({
  idNumber: z.string().regex(/^\d{12}$/),
  fullName: text(120),
  relationship: z.enum(['father', 'mother', 'guardian']),
  present: z.literal(true),
});

/**
 * The host's 1:1 comparison of the live portrait with the chip's (electron/host/face): written by
 * the host only, whatever body the screen sends. `score` is a similarity 0–1 (null when not
 * compared), `live` the SHA-256 of the live portrait compared, `acknowledged` the officer's
 * explicit acknowledgement of a mismatch.
 */
export const faceMatchSchema = z.object({
  score: z.number().min(0).max(1).nullable(),
  decision: z.enum(['match', 'no_match', 'not_compared']),
  acknowledged: z.boolean(),
  threshold: z.number().min(0).max(1).optional(),
  reason: z.enum(['no_face_chip', 'no_face_live', 'unavailable']).optional(),
  live: hexSchema(32).optional(),
});
export type FaceMatch = z.infer<typeof faceMatchSchema>;

export const portraitPartSchema = z.object({
  qualityPassed: z.number().int().min(0).max(20),
  qualityTotal: z.number().int().min(1).max(20),
  liveness: z.enum(['passed', 'overridden']),
  attempts: z.number().int().min(1).max(10),
  evidence: z.string().max(40_000),
  faceMatch: faceMatchSchema.optional(),
});

export const consentSchema = z.object({
  termsVersion: text(20),
  citizenAgreedAt: isoTime,
  officerConfirmedAt: isoTime,
});

export const overrideSchema = z.object({
  /** liveness_retry: one more liveness attempt was granted (the portrait still had to pass); the others let a failed check through. */
  kind: z.enum(['chip_failed', 'liveness_exhausted', 'liveness_retry', 'face_mismatch']),
  supervisorId: z.string().max(64),
  reason: text(500),
  at: isoTime,
});

/** A draft: whatever the officer has so far. */
export const draftDossierSchema = z.object({
  schemaVersion: z.literal(DOSSIER_SCHEMA_VERSION),
  identity: identityPartSchema.optional(),
  contact: contactSchema.optional(),
  integration: integrationSchema.optional(),
  guardian: guardianSchema.optional(),
  portrait: portraitPartSchema.optional(),
  consent: consentSchema.optional(),
  overrides: z.array(overrideSchema).max(5).default([]),
  station: z.string().max(120).nullable().default(null),
  driveId: z.string().max(64).nullable().default(null),
});
export type DraftDossier = z.infer<typeof draftDossierSchema>;

/** What a submission must hold. */
export const completeDossierSchema = draftDossierSchema.required({ identity: true, contact: true, portrait: true, consent: true }).extend({
  integration: integrationSchema.default({ dependants: [] }),
});
export type CompleteDossier = z.infer<typeof completeDossierSchema>;

export const IMAGE_KINDS = ['chip_portrait', 'live_portrait', 'ef_com', 'ef_sod', 'dg1', 'dg2', 'dg13', 'dg14', 'dg15'] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];
