/**
 * The keys to try on a chip, from what the officer gave: the CAN (PACE) always, and BAC keys from
 * typed dates or, with a scanned QR code, from the card's validity rule (several candidates).
 */
import type { AccessInput } from '../../../shared/contract/card';
import { toYymmdd } from '../../../shared/domain/dates';
import { canFromId, documentNumberFromId } from '../../../shared/domain/id-number';
import { accessCandidatesFromQr } from './cccd/bac-candidates';
import type { AccessKeys } from './read/access-control';

export function accessKeyCandidates(input: AccessInput): AccessKeys[] {
  const can = canFromId(input.idNumber);
  const dob = input.dateOfBirth ? toYymmdd(input.dateOfBirth) : null;
  if (!dob) return [{ can }];
  if (input.dateOfExpiry) {
    const doe = input.dateOfExpiry === 'none' ? '<<<<<<' : toYymmdd(input.dateOfExpiry);
    if (doe) return [{ can, mrz: { documentNumber: documentNumberFromId(input.idNumber), dateOfBirth: dob, dateOfExpiry: doe } }];
  }
  const fromRule = accessCandidatesFromQr({
    idNumber: input.idNumber,
    dateOfBirth: input.dateOfBirth!,
    ...(input.dateOfIssue ? { dateOfIssue: input.dateOfIssue } : {}),
  });
  const keys = fromRule.bac.map((b) => ({ can, mrz: { documentNumber: b.documentNumber, dateOfBirth: b.dateOfBirth, dateOfExpiry: b.dateOfExpiry } }));
  return keys.length ? keys : [{ can }];
}
