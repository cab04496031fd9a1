/**
 * The receipt's facts from the store: only for a dossier that has been submitted (a draft has no
 * receipt yet, a purged one no longer holds the citizen's name), and only the fields the receipt prints.
 */
import { levelTwoRule } from '../../../shared/domain/age-rules';
import { isoDateAt } from '../../../shared/domain/dates';
import { body, get } from '../store/dossiers';
import type { Db } from '../store/database';
import type { ReceiptInfo } from './receipt-text';

export class ReceiptUnavailable extends Error {}

export function receiptInfo(db: Db, id: string, stationFallback: string | null): ReceiptInfo {
  const row = get(db, id);
  if (row.state === 'draft' || row.state === 'purged' || !row.submittedAt) throw new ReceiptUnavailable(row.state);
  const b = body(db, id);
  const identity = b.identity?.identity;
  if (!identity || !b.contact) throw new ReceiptUnavailable('incomplete');
  return {
    dossierId: row.id,
    submittedAt: row.submittedAt,
    station: b.station ?? stationFallback,
    fullName: identity.fullName.normalize('NFC'),
    mobile: b.contact.mobile,
    rule: levelTwoRule(identity.dateOfBirth, b.identity!.cardKind, isoDateAt(new Date(row.submittedAt).getTime())).rule,
  };
}
