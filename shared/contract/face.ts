/**
 * The 1:1 face comparison of a dossier's live portrait with its chip portrait. The host runs it
 * on the portraits it holds and keeps the result in the dossier (portrait.faceMatch); the screen
 * only asks for it and, for a mismatch, gives the officer's explicit acknowledgement.
 */
import { z } from 'zod';
import { dossierRefSchema } from '../domain/shapes';
import { faceMatchSchema } from '../domain/dossier';
import { defineCall } from './define';
import { DOSSIER_ERRORS } from './dossier';

const input = dossierRefSchema;

export const faceCompare = defineCall('face.compare', {
  input,
  /** Null when the dossier has no chip portrait (QR or typed intake) or no live portrait yet. */
  output: z.object({ faceMatch: faceMatchSchema.nullable() }),
  errors: DOSSIER_ERRORS,
  access: 'intake',
  summary: 'Compares the officer’s own draft’s live portrait with its chip portrait (once per live portrait) and records the score and decision in the dossier',
});

export const faceAcknowledge = defineCall('face.acknowledge', {
  input,
  output: z.object({ faceMatch: faceMatchSchema }),
  errors: DOSSIER_ERRORS,
  access: 'intake',
  summary: 'The officer acknowledges that the live face does not match the chip portrait (audited; the supervisor sees it)',
});
