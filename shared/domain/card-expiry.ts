/**
 * The card's validity rule (docs cccd-chip.md): renewal at 25, 40 and 60; a card issued within
 * two years before one of those ages runs to the next one. A QR code has no expiry date but BAC
 * needs one, so it is computed here. What a no-expiry card writes in its MRZ is not established,
 * hence candidates rather than one answer.
 */
import { addYears, ageOn, type IsoDate } from './dates';

export type ExpiryResult =
  | { kind: 'date'; expiry: IsoDate; candidates: IsoDate[] }
  /** `tryMrzFiller`: ICAO lets an MRZ without expiry carry `<<<<<<`; try that too. */
  | { kind: 'none'; candidates: IsoDate[]; tryMrzFiller: true };

/** [age at issue below which → card runs to this birthday] */
const RULE: ReadonlyArray<readonly [number, number]> = [
  [23, 25],
  [38, 40],
  [58, 60],
];

/**
 * Expected expiry for a card issued on `dateOfIssue` to someone born on `dateOfBirth`.
 * `candidates` lists dates worth trying for BAC, most likely first: the rule's date, then the
 * neighbouring birthdays (an issue date near a boundary, or an older card under earlier rules).
 * For no-expiry cards the candidates are guesses only: the officer types the printed value if they fail.
 */
export function expectedExpiry(dateOfBirth: IsoDate, dateOfIssue: IsoDate): ExpiryResult | null {
  const age = ageOn(dateOfBirth, dateOfIssue);
  if (age === null || age < 0) return null;
  const at = (years: number): IsoDate | null => addYears(dateOfBirth, years);
  const uniq = (xs: Array<IsoDate | null>): IsoDate[] => [...new Set(xs.filter((x): x is IsoDate => x !== null))];
  for (const [limit, renewAt] of RULE) {
    if (age < limit) {
      const expiry = at(renewAt);
      if (!expiry) return null;
      // Căn cước cards issued to children (from July 2024) are also renewed at 14: not in the
      // rule above and not confirmed for the chip, so only a candidate, tried right after the rule.
      const child = age < 12 ? [at(14)] : [];
      const others = [25, 40, 60]
        .filter((a) => a !== renewAt)
        .map(at)
        .filter((d) => d !== null && d > dateOfIssue);
      return { kind: 'date', expiry, candidates: uniq([expiry, ...child, ...others]) };
    }
  }
  // From 58 on: no expiry. Cards seen elsewhere fill an open-ended MRZ date with a far-future
  // date; none is confirmed for this card, so offer the 60th birthday and the filler-like ones.
  return { kind: 'none', candidates: uniq([at(60), at(100), '2099-12-31']), tryMrzFiller: true };
}
