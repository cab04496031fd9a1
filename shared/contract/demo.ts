/** Demo / training mode only: put the virtual card on the simulated reader or take it off. */
import { z } from 'zod';
import { defineCall } from './define';

export const DEMO_VARIANTS = [
  'genuine', 'bac-only', 'jpeg2000', 'dg2-39794', 'tampered-dg', 'unknown-csca', 'expired-ds', 'cloned', 'pulled-away', 'glitch', 'small-reads',
] as const;

const demoCardState = z.object({ present: z.boolean(), variant: z.enum(DEMO_VARIANTS), citizen: z.string().max(40) });

export const demoSetCard = defineCall('demo.setCard', {
  summary: 'Place (with a variant and a synthetic citizen) or remove the virtual card; refused outside demo mode.',
  input: z.object({ present: z.boolean(), variant: z.enum(DEMO_VARIANTS).optional(), citizen: z.enum(['nhung', 'ducanh']).optional() }).strict(),
  output: demoCardState,
  errors: ['demo.not_demo'],
});

export const demoCardStatus = defineCall('demo.cardStatus', {
  summary: 'What the virtual card currently is; refused outside demo mode.',
  input: z.union([z.undefined(), z.object({}).strict()]),
  output: demoCardState,
  errors: ['demo.not_demo'],
});
