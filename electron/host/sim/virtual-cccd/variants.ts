/**
 * The negative-test variants of the virtual CCCD. Each names one way a real card (or a forged
 * one) differs from a genuine chip, and each has an integration test that expects the matching
 * verdict from the reader.
 */
export const CARD_VARIANTS = [
  'genuine', // everything right; PACE-CAN offered, BAC works too
  'bac-only', // no EF.CardAccess: the terminal must fall back to BAC
  'jpeg2000', // DG2 carries a JPEG 2000 portrait instead of JPEG
  'dg2-39794', // DG2 in the ISO/IEC 39794-5 container (readers must accept it from 2026)
  'tampered-dg', // DG13 changed after signing: its hash no longer matches the SOD
  'unknown-csca', // SOD signed by a DS under a CSCA nobody trusts
  'expired-ds', // SOD signed by a DS certificate already expired
  'cloned', // data copied from a genuine chip, but no AA/CA private key: answers with a wrong key
  'pulled-away', // leaves the field after some bytes of DG2
  'glitch', // once, mid-DG2: one answer lost and the chip resets (SM gone) but stays on the reader
  'small-reads', // answers 6700 to Le > 0xDF and to extended-length APDUs
] as const;

export type CardVariant = (typeof CARD_VARIANTS)[number];

export function isCardVariant(s: string): s is CardVariant {
  return (CARD_VARIANTS as readonly string[]).includes(s);
}

/** Bytes of DG2 the 'pulled-away' card sends before it disappears. */
export const PULL_AWAY_AFTER_DG2_BYTES = 4000;

/** Bytes of DG2 before the 'glitch' card's one lost answer. */
export const GLITCH_AFTER_DG2_BYTES = 8000;
