/**
 * A CitizenIdentity from the QR code alone (the officer scanned the card but the chip could not be
 * read). The QR has no expiry, so it is computed by the validity rule; without a date of issue
 * there is no honest value and the caller must ask for the printed one.
 */
import { expectedExpiry } from './card-expiry';
import type { CccdQr } from './cccd-qr';
import { citizenIdentitySchema, type CitizenIdentity } from './citizen';
import { fail, ok, type DomainResult } from './result';

export function qrToIdentity(qr: CccdQr, printedExpiry?: string | 'none'): DomainResult<CitizenIdentity, 'qr.expiry_unknown' | 'qr.invalid'> {
  const rule = qr.dateOfIssue ? expectedExpiry(qr.dateOfBirth, qr.dateOfIssue) : null;
  const dateOfExpiry = printedExpiry ?? (rule ? (rule.kind === 'none' ? 'none' : rule.expiry) : undefined);
  if (!dateOfExpiry) return fail('qr.expiry_unknown', 'no date of issue in the QR: the printed expiry is needed');
  const parsed = citizenIdentitySchema.safeParse({
    source: 'qr',
    idNumber: qr.idNumber,
    ...(qr.oldIdNumber ? { oldIdNumber: qr.oldIdNumber } : {}),
    fullName: qr.fullName,
    dateOfBirth: qr.dateOfBirth,
    sex: qr.sex,
    nationality: 'Việt Nam',
    ...(qr.placeOfResidence ? { placeOfResidence: qr.placeOfResidence } : {}),
    ...(qr.dateOfIssue ? { dateOfIssue: qr.dateOfIssue } : {}),
    dateOfExpiry,
    // Extra QR fields have no number of their own; keep them by position (8, 9, …).
    unknownFields: qr.extra.map((text, i) => ({ n: 8 + i, raw: '', text })).filter((f) => f.text !== ''),
  });
  return parsed.success ? ok(parsed.data) : fail('qr.invalid', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
}
