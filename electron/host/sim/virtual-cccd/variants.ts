/**
 * The negative-test variants of the virtual CCCD. Each names one way a real card (or a forged
 * one) differs from a genuine chip, and each has an integration test that expects the matching
 * verdict from the reader.
 */
/** The list lives in the demo contract, so the training panel offers exactly what the card does. */
export { CARD_VARIANTS } from '../../../../shared/contract/demo';
import { CARD_VARIANTS } from '../../../../shared/contract/demo';

export type CardVariant = (typeof CARD_VARIANTS)[number];

export function isCardVariant(s: string): s is CardVariant {
  return (CARD_VARIANTS as readonly string[]).includes(s);
}

/** Bytes of DG2 the 'pulled-away' card sends before it disappears. */
export const PULL_AWAY_AFTER_DG2_BYTES = 4000;

/** Bytes of DG2 before the 'glitch' card's one lost answer. */
export const GLITCH_AFTER_DG2_BYTES = 8000;
