/**
 * BAC keys to try when the officer scanned the QR code instead of reading the MRZ: the document
 * number is the last 9 digits of the ID number (strongly indicated, not official) and the expiry
 * is not in the QR, so it comes from the card's validity rule (shared/domain/card-expiry.ts).
 * Candidates are ordered most likely first; the caller stops at the first that opens the chip.
 */
import { addYears, toYymmdd, type IsoDate } from '../../../../shared/domain/dates';
import { expectedExpiry } from '../../../../shared/domain/card-expiry';
import { canFromId, documentNumberFromId } from '../../../../shared/domain/id-number';
import type { CccdQr } from '../../../../shared/domain/cccd-qr';

export interface BacKeyCandidate {
  documentNumber: string;
  /** YYMMDD */
  dateOfBirth: string;
  /** YYMMDD, or `<<<<<<` for the no-expiry filler. */
  dateOfExpiry: string;
  /** Why this candidate: for the log, never shown with personal data. */
  reason: 'rule' | 'neighbour' | 'no_expiry_guess' | 'no_expiry_filler' | 'no_issue_date';
}

export interface AccessCandidates {
  /** PACE CAN: last 6 digits of the ID number. */
  can: string;
  bac: BacKeyCandidate[];
}

export function accessCandidatesFromQr(qr: Pick<CccdQr, 'idNumber' | 'dateOfBirth' | 'dateOfIssue'>): AccessCandidates {
  const documentNumber = documentNumberFromId(qr.idNumber);
  const dob = toYymmdd(qr.dateOfBirth) ?? '';
  const make = (iso: IsoDate, reason: BacKeyCandidate['reason']): BacKeyCandidate | null => {
    const exp = toYymmdd(iso);
    return exp ? { documentNumber, dateOfBirth: dob, dateOfExpiry: exp, reason } : null;
  };
  const out: Array<BacKeyCandidate | null> = [];
  const rule = qr.dateOfIssue ? expectedExpiry(qr.dateOfBirth, qr.dateOfIssue) : null;
  if (rule?.kind === 'date') {
    out.push(make(rule.expiry, 'rule'), ...rule.candidates.filter((c) => c !== rule.expiry).map((c) => make(c, 'neighbour')));
  } else if (rule?.kind === 'none') {
    out.push(...rule.candidates.map((c) => make(c, 'no_expiry_guess')));
    out.push({ documentNumber, dateOfBirth: dob, dateOfExpiry: '<<<<<<', reason: 'no_expiry_filler' });
  } else {
    // No issue date: every renewal birthday is possible.
    out.push(...[25, 40, 60].map((y) => addYears(qr.dateOfBirth, y)).map((d) => (d ? make(d, 'no_issue_date') : null)));
  }
  const seen = new Set<string>();
  const bac = out.filter((c): c is BacKeyCandidate => {
    if (!c || seen.has(c.dateOfExpiry)) return false;
    seen.add(c.dateOfExpiry);
    return true;
  });
  return { can: canFromId(qr.idNumber), bac };
}
