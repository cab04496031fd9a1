import { citizenIdentitySchema, type CitizenIdentity } from '../../../../shared/domain/citizen';
import { parseDmy } from '../../../../shared/domain/dates';
import { normalizeIdNumber } from '../../../../shared/domain/id-number';
import type { ManualIdentityFields } from './AccessForm';

/** A typed identity (no chip, no QR): the form has validated every field before this runs. */
export function manualIdentity(f: ManualIdentityFields): CitizenIdentity {
  const doe = f.noExpiry ? 'none' : (parseDmy(f.dateOfExpiry) ?? 'none');
  return citizenIdentitySchema.parse({
    source: 'manual',
    idNumber: normalizeIdNumber(f.idNumber),
    fullName: f.fullName.trim().normalize('NFC'),
    dateOfBirth: parseDmy(f.dateOfBirth),
    sex: f.sex || 'X',
    nationality: 'Việt Nam',
    dateOfExpiry: doe,
    unknownFields: [],
  });
}
