/**
 * Reading the chip ID card. The officer first gives what opens the chip (scanned QR code or the
 * ID number and dates typed), then places the card; the host reads it with progress events and
 * returns the identity, the portrait and a verification report with each check kept apart.
 */
import { z } from 'zod';
import { hexSchema, isoDateSchema as isoDate } from '../domain/shapes';
import { citizenIdentitySchema } from '../domain/citizen';
import { defineCall, defineEvent, noInput } from './define';

export const CARD_CALL_ERRORS = [
  'card.no_reader',
  'card.no_card',
  'card.removed',
  'card.timeout',
  'card.not_icao',
  'card.access_denied',
  'card.sm_invalid',
  'card.file_not_found',
  'card.file_locked',
  'card.protocol',
  'card.parse',
  'card.crypto',
  'card.unsupported',
  'card.busy',
  'card.cancelled',
  'card.reader_limit',
  'card.file_too_large',
] as const;

/** What opens the chip: CAN from the ID number (PACE); BAC also needs the birth and expiry dates. */
export const accessInputSchema = z
  .object({
    idNumber: z.string().regex(/^\d{12}$/),
    dateOfBirth: isoDate.optional(),
    /** As printed on the card; 'none' for a card without expiry. */
    dateOfExpiry: z.union([isoDate, z.literal('none')]).optional(),
    /** From the QR code: lets the host derive the expiry by the card's validity rule. */
    dateOfIssue: isoDate.optional(),
  })
  .strict();
export type AccessInput = z.infer<typeof accessInputSchema>;

export const verificationSchema = z.object({
  accessControl: z.object({ protocol: z.enum(['PACE-CAN', 'PACE-MRZ', 'BAC']), paceSkipped: z.enum(['not_offered', 'refused']).optional() }),
  signature: z.enum(['valid', 'invalid']),
  chain: z.object({
    status: z.enum(['trusted', 'untrusted', 'no_anchor', 'expired', 'ds_wrong_purpose', 'csca_wrong_purpose']),
    issuer: z.string(),
    anchor: z.string().optional(),
    detail: z.string().optional(),
  }),
  hashes: z.array(z.object({ dg: z.number().int(), status: z.enum(['match', 'mismatch', 'not_read']) })),
  notInSod: z.array(z.number().int()),
  activeAuth: z.enum(['passed', 'failed', 'not_supported']),
  chipAuth: z.enum(['passed', 'failed', 'not_supported']),
  /** Why active or chip authentication failed or was not performed (technical English, no personal data). */
  chipDetail: z.string().max(500).optional(),
  dg3: z.string(),
  /** One word for the badge: every check passed / something to look at / failed. */
  overall: z.enum(['genuine', 'unverified', 'failed']),
});
export type CardVerificationView = z.infer<typeof verificationSchema>;

export const disagreementSchema = z.object({
  field: z.enum(['idNumber', 'fullName', 'dateOfBirth']),
  values: z.array(z.object({ source: z.enum(['dg1', 'dg13', 'qr', 'typed']), value: z.string() })),
});

/** Largest chip portrait sent as a data: URL; a bigger one is reported instead of sent. */
export const MAX_PORTRAIT_URL = 2_000_000;

export const cardReadResultSchema = z.object({
  identity: citizenIdentitySchema,
  /** data: URL of the chip portrait (JPEG as is; JPEG 2000 converted to PNG). */
  portrait: z.string().startsWith('data:image/').max(MAX_PORTRAIT_URL).nullable(),
  portraitFormat: z.enum(['jpeg', 'jpeg2000', 'none']),
  verification: verificationSchema,
  disagreements: z.array(disagreementSchema),
  /** The read succeeded but something is missing: e.g. a portrait that cannot be shown. */
  warnings: z.array(z.enum(['portrait_unreadable', 'portrait_too_large'])),
  /** Warnings on the ID number's century/sex/year digits against the chip's data. */
  idWarnings: z.array(z.string()),
  stats: z.object({ apdus: z.number().int(), ms: z.number(), readerName: z.string(), chunkSize: z.number().int() }),
  /** Names this read's raw chip files (EF.SOD, DGs), held by the host for the dossier the officer starts from it. */
  readId: hexSchema(16).optional(),
});
export type CardReadView = z.infer<typeof cardReadResultSchema>;

export const cardRead = defineCall('card.read', {
  summary: 'Read the card on the active reader with the given access data; progress arrives as card.progress events.',
  input: z
    .object({
      access: accessInputSchema,
      /** What the QR code or the officer said, to cross-check against the chip. */
      claimed: z
        .object({
          source: z.enum(['qr', 'typed']),
          idNumber: z.string().max(20).optional(),
          fullName: z.string().max(200).optional(),
          dateOfBirth: isoDate.optional(),
        })
        .strict()
        .optional(),
      reader: z.string().max(200).optional(),
    })
    .strict(),
  output: cardReadResultSchema,
  errors: CARD_CALL_ERRORS,
});

export const cardCancel = defineCall('card.cancel', {
  summary: 'Stop the read in progress or the wait for a card; card.read then ends with card.cancelled.',
  input: noInput,
  output: z.object({ cancelled: z.boolean() }),
});

export const cardProgress = defineEvent('card.progress', {
  summary: 'Progress of card.read: which step, which file, overall fraction 0..1.',
  payload: z.object({
    step: z.enum(['waiting_card', 'access_control', 'reading', 'verifying', 'done']),
    file: z.string().max(20).optional(),
    fraction: z.number().min(0).max(1),
  }),
});
