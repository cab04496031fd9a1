/** A packet's compact JWE, as the kiosk holds it between the build and the wire. */

/**
 * A compact JWE as text, or as its bytes (it is ASCII): a packet built in a thread comes back as
 * bytes, handed over without a copy and put on the wire as they are, never made one 400 KB string.
 */
export type Jwe = string | Uint8Array;

/** The JWE's bytes (no copy when it is bytes already). */
export const jweBytes = (jwe: Jwe): Buffer => (typeof jwe === 'string' ? Buffer.from(jwe, 'latin1') : Buffer.from(jwe.buffer, jwe.byteOffset, jwe.byteLength));

/** The JWE as text (to keep it in a TEXT column). */
export const jweText = (jwe: Jwe): string => (typeof jwe === 'string' ? jwe : jweBytes(jwe).toString('latin1'));
