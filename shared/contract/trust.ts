/**
 * The trust store the administrator manages: CSCA certificates (imported one by one as PEM/DER,
 * or from an ICAO master list verified against its signer) and the roots allowed to sign lists.
 */
import { z } from 'zod';
import { defineCall, noInput } from './define';

/** Longest text of each listed field; the host shortens longer ones for display (never drops the entry). */
export const TRUST_TEXT_MAX = { subject: 500, issuer: 500, country: 10, serial: 100, source: 300 } as const;

export const trustEntrySchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  subject: z.string().max(TRUST_TEXT_MAX.subject),
  issuer: z.string().max(TRUST_TEXT_MAX.issuer),
  country: z.string().max(TRUST_TEXT_MAX.country).optional(),
  serial: z.string().max(TRUST_TEXT_MAX.serial),
  notBefore: z.string(),
  notAfter: z.string(),
  source: z.string().max(TRUST_TEXT_MAX.source),
});

export const TRUST_ERRORS = ['trust.invalid_file', 'trust.signature_invalid', 'trust.no_ml_root', 'trust.not_found'] as const;

/** Up to 6 MB of file, base64-encoded (fits one 8 MiB bridge frame): a master list is well under 1 MB. */
const fileInput = z
  .object({ fileName: z.string().min(1).max(200), dataBase64: z.string().min(4).max(8_000_000).regex(/^[A-Za-z0-9+/]+=*$/) })
  .strict();

export const trustList = defineCall('trust.list', {
  summary: 'Every CSCA trust anchor and every master-list signer root.',
  input: noInput,
  output: z.object({ anchors: z.array(trustEntrySchema), mlRoots: z.array(trustEntrySchema), persistent: z.boolean() }),
});

export const trustImport = defineCall('trust.import', {
  summary: 'Import CSCA certificates (PEM/DER/CER) or an ICAO master list (.ml, verified against a trusted root).',
  input: fileInput,
  output: z.object({
    kind: z.enum(['master-list', 'certificates']),
    total: z.number().int(),
    added: z.number().int(),
    signerSubject: z.string().optional(),
  }),
  errors: TRUST_ERRORS,
});

export const trustImportRoot = defineCall('trust.importRoot', {
  summary: 'Import a root certificate allowed to sign master lists (e.g. a country\'s master-list signer CA).',
  input: fileInput,
  output: z.object({ added: z.number().int(), total: z.number().int() }),
  errors: TRUST_ERRORS,
});

export const trustRemove = defineCall('trust.remove', {
  summary: 'Remove a trust anchor or a master-list root by its SHA-256.',
  input: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  output: z.object({ removed: z.literal(true) }),
  errors: TRUST_ERRORS,
});
