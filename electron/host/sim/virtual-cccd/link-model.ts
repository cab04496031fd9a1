/**
 * A model of the contactless link, so that a benchmark through the emulator says something about
 * a real reader: each exchange costs the bits on the air at the given bit rate plus a fixed
 * turnaround (reader firmware, card processing, frame waiting time).
 */
export interface LinkModel {
  /** Air bit rate in bit/s, e.g. 424_000 (ISO 14443 fc/32) or 106_000. */
  bitRate: number;
  /** Fixed time per APDU exchange in milliseconds, e.g. 3. */
  turnaroundMs: number;
}

// ISO 14443-3: every byte costs 10 bit times on the air at 106 kbit/s (start, 8 data, parity);
// at higher rates framing is similar. Count 10 bits a byte plus ~6 bytes of I-block framing
// (PCB, CRC, and the CID/NAD a reader may add) each way.
const BITS_PER_BYTE = 10;
const FRAME_OVERHEAD_BYTES = 6;

export function linkTimeMs(model: LinkModel, commandBytes: number, responseBytes: number): number {
  const bytes = commandBytes + responseBytes + 2 * FRAME_OVERHEAD_BYTES;
  return model.turnaroundMs + (bytes * BITS_PER_BYTE * 1000) / model.bitRate;
}

export function describeLink(model: LinkModel): string {
  return `${Math.round(model.bitRate / 1000)} kbit/s, ${model.turnaroundMs} ms turnaround per APDU`;
}
