/**
 * The trust store, read-only over the bridge: CSCA anchors and the roots that signed the master
 * lists imported. Only the administrator changes it, with the command-line tool `npm run trust`
 * (docs/card.md); no call here can add or remove an anchor.
 */
import { z } from 'zod';
import { hexSchema } from '../domain/shapes';
import { defineCall, noInput } from './define';

/** Longest text of each listed field; the host shortens longer ones for display (never drops the entry). */
export const TRUST_TEXT_MAX = { subject: 500, issuer: 500, country: 10, serial: 100, source: 300 } as const;

export const trustEntrySchema = z.object({
  sha256: hexSchema(32),
  subject: z.string().max(TRUST_TEXT_MAX.subject),
  issuer: z.string().max(TRUST_TEXT_MAX.issuer),
  country: z.string().max(TRUST_TEXT_MAX.country).optional(),
  serial: z.string().max(TRUST_TEXT_MAX.serial),
  notBefore: z.string(),
  notAfter: z.string(),
  source: z.string().max(TRUST_TEXT_MAX.source),
});

export const trustList = defineCall('trust.list', {
  summary: 'Every CSCA trust anchor and every master-list signer root.',
  input: noInput,
  output: z.object({ anchors: z.array(trustEntrySchema), mlRoots: z.array(trustEntrySchema), persistent: z.boolean() }),
});
