/**
 * Who may have a level-2 account (Decree 69/2024/ND-CP, in force 1 July 2024), from the verified
 * date of birth, on the day of the intake:
 * - 14 and over, with a chip CCCD or a Căn cước card: by themselves;
 * - 6 to under 14, with a Căn cước card: on request, through a parent or guardian who is present;
 * - under 6: no level-2 dossier (level 1 only, through the guardian's account).
 */
export type CardKind = 'cccd_chip' | 'can_cuoc';

export type AgeRule =
  | { allowed: true; rule: 'adult'; age: number }
  | { allowed: true; rule: 'minor_with_guardian'; age: number }
  | { allowed: false; rule: 'under_6' | 'minor_needs_can_cuoc'; age: number };

/** Whole years between an ISO birth date and an ISO day (29 February birthdays count on 1 March). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

export function levelTwoRule(dateOfBirth: string, card: CardKind, day: string): AgeRule {
  const age = ageOn(dateOfBirth, day);
  if (age >= 14) return { allowed: true, rule: 'adult', age };
  if (age < 6) return { allowed: false, rule: 'under_6', age };
  return card === 'can_cuoc' ? { allowed: true, rule: 'minor_with_guardian', age } : { allowed: false, rule: 'minor_needs_can_cuoc', age };
}

/** The Law on Identification 2023 took effect on this day: cards issued from it are Căn cước cards. */
export const CAN_CUOC_FROM = '2024-07-01';

/** The card's kind from its date of issue; without one, the older chip CCCD (the stricter rule for minors). */
export function cardKindFromIssue(dateOfIssue: string | undefined): CardKind {
  return dateOfIssue && dateOfIssue >= CAN_CUOC_FROM ? 'can_cuoc' : 'cccd_chip';
}
