/** Demo / training mode only: put the virtual card on the simulated reader or take it off. */
import { z } from 'zod';
import { hexSchema } from '../domain/shapes';
import { defineCall } from './define';

export const CARD_VARIANTS = [
  'genuine', // everything right; PACE-CAN offered, BAC works too
  'bac-only', // no EF.CardAccess: the terminal must fall back to BAC
  'pace-mrz', // PACE with the MRZ key accepted, the CAN refused (a chip of the other kind)
  'jpeg2000', // DG2 carries a JPEG 2000 portrait instead of JPEG
  'dg2-39794', // DG2 in the ISO/IEC 39794-5 container (readers must accept it from 2026)
  'tampered-dg', // DG13 changed after signing: its hash no longer matches the SOD
  'unknown-csca', // SOD signed by a DS under a CSCA nobody trusts
  'expired-ds', // SOD signed by a DS certificate already expired
  'cloned', // data copied from a genuine chip, but no AA/CA private key: answers with a wrong key
  'pulled-away', // leaves the field after some bytes of DG2
  'glitch', // once, mid-DG2: one answer lost and the chip resets (SM gone) but stays on the reader
  'small-reads', // answers 6700 to Le > 0xDF and to extended-length APDUs
] as const;

/** The synthetic citizens: two adults, a child of 6 to 13 and a child under 6 (both with Căn cước cards). */
export const DEMO_CITIZEN_KEYS = ['nhung', 'ducanh', 'minh', 'bean'] as const;
export type DemoCitizen = (typeof DEMO_CITIZEN_KEYS)[number];

/** The same list under the name the training panel uses. */
export const DEMO_VARIANTS = CARD_VARIANTS;

const demoCardState = z.object({ present: z.boolean(), variant: z.enum(DEMO_VARIANTS), citizen: z.string().max(40) });

export const demoSetCard = defineCall('demo.setCard', {
  summary: 'Place (with a variant and a synthetic citizen) or remove the virtual card; refused outside demo mode.',
  input: z.object({ present: z.boolean(), variant: z.enum(DEMO_VARIANTS).optional(), citizen: z.enum(DEMO_CITIZEN_KEYS).optional() }).strict(),
  output: demoCardState,
  errors: ['demo.not_demo'],
});

/** The synthetic CSCA the virtual cards chain to: a trust anchor for testing another reader against them. */
const demoCsca = z.object({ derBase64: z.string().max(8000), subject: z.string().max(300), sha256: hexSchema(32) });

export const demoCardStatus = defineCall('demo.cardStatus', {
  summary: 'What the virtual card currently is, and the CSCA its SOD chains to (for download); refused outside demo mode.',
  input: z.union([z.undefined(), z.object({}).strict()]),
  output: demoCardState.extend({ csca: demoCsca }),
  errors: ['demo.not_demo'],
});
