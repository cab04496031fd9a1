/**
 * DG13 (+ DG1 for what DG13 lacks) → CitizenIdentity. Field numbers per docs cccd-chip.md;
 * numbers above 15 and any not in the table go to unknownFields with their raw DER.
 */
import { parseDmy, parseYymmdd } from '../../../../shared/domain/dates';
import { citizenIdentitySchema, parseSex, type CitizenIdentity } from '../../../../shared/domain/citizen';
import { CardError } from '../errors';
import type { Dg1 } from '../icao/lds/dg1';
import { dg13Parents, dg13Text, type Dg13 } from './dg13';

/** Fields this mapping understands; 16 is deliberately absent (meaning unknown, kept raw). */
const KNOWN = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);

/** `Không thời hạn` and similar: the card does not expire. */
function isNoExpiry(text: string): boolean {
  const t = text.normalize('NFC').toLowerCase();
  return t.includes('không thời hạn') || t.includes('khong thoi han') || /^<*$/.test(t);
}

/**
 * The identity fields by name, exactly as the read screen gets them, before validation: what a
 * technician needs to see (parse CLI) even when a required field is missing.
 */
export function dg13Fields(dg13: Dg13, dg1: Dg1 | undefined, today: string): Record<string, unknown> {
  const text = (n: number): string | undefined => dg13Text(dg13, n);
  const dobFromMrz = dg1 ? parseYymmdd(dg1.dateOfBirth, 'birth', today) : null;
  const expiryText = text(12);
  let dateOfExpiry: string | null = null;
  if (expiryText) dateOfExpiry = isNoExpiry(expiryText) ? 'none' : parseDmy(expiryText);
  if (!dateOfExpiry && dg1) dateOfExpiry = /^<{6}$/.test(dg1.dateOfExpiry) ? 'none' : parseYymmdd(dg1.dateOfExpiry, 'expiry', today);
  const parents = dg13Parents(dg13);
  const spouse = text(14);
  const optional = {
    oldIdNumber: text(15),
    ethnicity: text(6),
    religion: text(7),
    placeOfOrigin: text(8),
    placeOfResidence: text(9),
    personalMarks: text(10),
    dateOfIssue: text(11) ? (parseDmy(text(11) ?? '') ?? undefined) : undefined,
    fatherName: parents.father,
    motherName: parents.mother,
    spouseName: spouse,
  };
  return {
    source: 'chip' as const,
    idNumber: text(1) ?? dg1?.idNumber ?? '',
    fullName: text(2) ?? (dg1 ? `${dg1.surname} ${dg1.givenNames}`.trim() : ''),
    dateOfBirth: (text(3) ? parseDmy(text(3) ?? '') : null) ?? dobFromMrz ?? '',
    sex: text(4) ? parseSex(text(4) ?? '') : (dg1?.sex ?? 'X'),
    nationality: text(5) ?? dg1?.nationality ?? '',
    dateOfExpiry: dateOfExpiry ?? '',
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    unknownFields: dg13.entries
      .filter((e) => !KNOWN.has(e.n))
      .map((e) => ({ n: e.n, raw: e.raw, ...(e.text ? { text: e.text } : {}) })),
  };
}

/** DG13 (+ DG1) → a validated CitizenIdentity, or the fields and what is wrong with them. */
export function mapDg13(dg13: Dg13, dg1: Dg1 | undefined, today: string): { ok: true; identity: CitizenIdentity } | { ok: false; fields: Record<string, unknown>; invalid: string[] } {
  const fields = dg13Fields(dg13, dg1, today);
  const parsed = citizenIdentitySchema.safeParse(fields);
  if (parsed.success) return { ok: true, identity: parsed.data };
  return { ok: false, fields, invalid: parsed.error.issues.map((i) => i.path.join('.')) };
}

export function dg13ToIdentity(dg13: Dg13, dg1: Dg1 | undefined, today: string): CitizenIdentity {
  const r = mapDg13(dg13, dg1, today);
  if (!r.ok) throw new CardError('card.parse', `DG13/DG1 lack required identity fields: ${r.invalid.join(', ')}`);
  return r.identity;
}
