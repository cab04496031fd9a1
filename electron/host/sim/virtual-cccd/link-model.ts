/**
 * A model of the contactless link, so that a benchmark through the emulator says something about
 * a real reader: each APDU costs a fixed turnaround (reader firmware, card processing, frame
 * waiting) plus the bits on the air. ISO 14443-4 carries an APDU in I-blocks of at most
 * `frameSize` bytes (FSC/FSD, commonly 256); a longer APDU is chained, and every extra block
 * costs its framing, an R(ACK) the other way and a short gap. This keeps an extended-length read
 * from looking free: it saves APDU turnarounds, not bits.
 */
export interface LinkModel {
  /** Air bit rate in bit/s, e.g. 424_000 (ISO 14443 fc/32) or 106_000. */
  bitRate: number;
  /** Fixed time per APDU exchange in milliseconds, e.g. 3. */
  turnaroundMs: number;
  /** Largest ISO 14443-4 frame, bytes (default 256). */
  frameSize?: number;
  /** Extra time per chained block (ACK round trip, frame delay), ms (default 0.3). */
  chainGapMs?: number;
}

// On the air every byte costs about 10 bit times (8 data bits, parity, start/stop framing).
const BITS_PER_BYTE = 10;
// Per I-block: PCB, optional CID, two CRC bytes. An R(ACK) block is PCB + CRC.
const BLOCK_OVERHEAD = 4;
const ACK_BYTES = 3;

function direction(model: LinkModel, bytes: number): { airBytes: number; extraBlocks: number } {
  const payload = (model.frameSize ?? 256) - BLOCK_OVERHEAD;
  const blocks = Math.max(1, Math.ceil(bytes / payload));
  return { airBytes: bytes + blocks * BLOCK_OVERHEAD + (blocks - 1) * ACK_BYTES, extraBlocks: blocks - 1 };
}

export function linkTimeMs(model: LinkModel, commandBytes: number, responseBytes: number): number {
  const c = direction(model, commandBytes);
  const r = direction(model, responseBytes);
  const airMs = ((c.airBytes + r.airBytes) * BITS_PER_BYTE * 1000) / model.bitRate;
  return model.turnaroundMs + airMs + (c.extraBlocks + r.extraBlocks) * (model.chainGapMs ?? 0.3);
}

export function describeLink(model: LinkModel): string {
  return (
    `${Math.round(model.bitRate / 1000)} kbit/s, ${model.turnaroundMs} ms turnaround per APDU, ` +
    `${model.frameSize ?? 256}-byte frames, ${model.chainGapMs ?? 0.3} ms per chained block`
  );
}
