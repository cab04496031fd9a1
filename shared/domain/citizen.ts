/**
 * The citizen's identity as the kiosk handles it, whatever the source (chip, QR, typed).
 * The zod schema is the contract's copy: the bridge validates what the host sends with it.
 */
import { z } from 'zod';
import { isoDateSchema as isoDate } from './shapes';

export const unknownFieldSchema = z.object({
  n: z.number().int(),
  /** DER of the field's value(s), hex: kept so nothing the card says is lost. */
  raw: z.string(),
  /** Best-effort text when the value decodes as a string. */
  text: z.string().optional(),
});

export const citizenIdentitySchema = z.object({
  source: z.enum(['chip', 'qr', 'manual']),
  idNumber: z.string().regex(/^\d{12}$/),
  oldIdNumber: z.string().optional(),
  fullName: z.string().min(1),
  dateOfBirth: isoDate,
  sex: z.enum(['M', 'F', 'X']),
  nationality: z.string(),
  ethnicity: z.string().optional(),
  religion: z.string().optional(),
  placeOfOrigin: z.string().optional(),
  placeOfResidence: z.string().optional(),
  personalMarks: z.string().optional(),
  dateOfIssue: isoDate.optional(),
  dateOfExpiry: z.union([isoDate, z.literal('none')]),
  fatherName: z.string().optional(),
  motherName: z.string().optional(),
  spouseName: z.string().optional(),
  unknownFields: z.array(unknownFieldSchema),
});

export type CitizenIdentity = z.infer<typeof citizenIdentitySchema>;
export type UnknownField = z.infer<typeof unknownFieldSchema>;

/** `Nam`/`Nữ` (DG13, QR) or MRZ `M`/`F`/`<` → the one sex code used everywhere else. */
export function parseSex(s: string): 'M' | 'F' | 'X' {
  const t = s.trim().normalize('NFC').toLowerCase();
  if (t === 'nam' || t === 'm' || t === 'male') return 'M';
  if (t === 'nữ' || t === 'nu' || t === 'f' || t === 'female') return 'F';
  return 'X';
}
