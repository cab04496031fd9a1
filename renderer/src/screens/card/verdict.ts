/**
 * What the chip's checks mean for the officer: the one thing to do now, and which of the card's
 * fields a failed hash covers (those fields may have been altered and are marked on screen).
 * Pure: unit-tested without a DOM.
 */
import type { CardVerificationView } from '../../../../shared/contract/card';

/** The key under `verify.todo_*` for this verdict: one instruction, the most pressing cause first. */
export function todoKey(v: CardVerificationView): string {
  if (v.overall === 'genuine') return 'genuine';
  if (v.overall === 'failed') {
    if (v.hashes.some((h) => h.status === 'mismatch')) return 'failed_data';
    if (v.activeAuth === 'failed' || v.chipAuth === 'failed') return 'failed_clone';
    return 'failed';
  }
  if (v.chain.status === 'no_anchor') return 'no_anchor';
  if (v.chain.status === 'expired') return 'expired';
  if (v.activeAuth !== 'passed' && v.chipAuth !== 'passed') return 'no_clone_check';
  return 'unverified';
}

/** The fields each data group carries on a CCCD: DG1 the MRZ, DG2 the portrait, DG13 the citizen's data. */
const DG_FIELDS: Record<number, readonly string[]> = {
  1: ['dateOfBirth', 'sex', 'dateOfExpiry'],
  2: ['portrait'],
  13: [
    'idNumber', 'oldIdNumber', 'fullName', 'dateOfBirth', 'sex', 'nationality', 'ethnicity', 'religion', 'placeOfOrigin',
    'placeOfResidence', 'personalMarks', 'dateOfIssue', 'dateOfExpiry', 'fatherName', 'motherName', 'spouseName', 'unknownFields',
  ],
};

/** The fields whose data group failed its hash (empty when every hash matched). */
export function suspectFields(v: CardVerificationView): Set<string> {
  const out = new Set<string>();
  for (const h of v.hashes) if (h.status === 'mismatch') for (const f of DG_FIELDS[h.dg] ?? []) out.add(f);
  return out;
}

/** The data groups that failed, with the plain-words key naming what each holds. */
export function failedGroups(v: CardVerificationView): Array<{ dg: number; key: string }> {
  return v.hashes.filter((h) => h.status === 'mismatch').map((h) => ({ dg: h.dg, key: DG_FIELDS[h.dg] ? `dg${h.dg}` : 'dgOther' }));
}
