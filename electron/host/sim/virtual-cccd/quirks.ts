/**
 * Interoperability quirks of real cards that an independent ICAO 9303 implementation showed our
 * reader did not handle. Unlike the variants (which the training panel offers, each a verdict),
 * a quirk is legal card behaviour: a card with any of them is still genuine, and the reader must
 * say so. They combine with any variant (e.g. `small-reads` + `big-dg2`).
 */
export const CARD_QUIRKS = [
  'aa-min-s', // active authentication returns min(s, n − s) (ISO/IEC 9796-2), as many chips do
  'ia-extended-only', // RSA-2048 AA key; a short INTERNAL AUTHENTICATE is refused with 6700
  'short-overflow', // RSA-2048 AA key; answers a short INTERNAL AUTHENTICATE with > 256 bytes anyway
  'big-dg2', // a high-resolution portrait: DG2 over 32 KB, so offsets past 32767 need READ BINARY B1
  'ber-sod', // the LDSSecurityObject in a constructed (BER) OCTET STRING, as some issuers do
  'oversized-dg2', // not a genuine card: DG2 announces a 4 GiB length and serves filler forever
] as const;

export type CardQuirk = (typeof CARD_QUIRKS)[number];

export function isCardQuirk(s: string): s is CardQuirk {
  return (CARD_QUIRKS as readonly string[]).includes(s);
}

/** The length DG2 of the `oversized-dg2` card claims (4 GiB − 1). */
export const OVERSIZED_DECLARED_LENGTH = 0xffffffff;
