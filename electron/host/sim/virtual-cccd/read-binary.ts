/**
 * READ BINARY as the card answers it: even INS B0 (offset in P1-P2, or a short EF identifier in
 * P1) and odd INS B1 (offset in DO'54', data returned inside DO'53', for offsets past 32 KB).
 */
import type { CommandApdu, ResponseApdu } from '../../card/iso7816/apdu';
import { encodeTlv, parseTlvList } from '../../card/iso7816/tlv';
import { fileBytes, fileSize, type CardFile } from './card-files';
import { ok, sw, SWC } from './status';

export interface ReadLimits {
  /** Largest Le the card serves; above it the card answers 6700 (seen on some CCCDs). */
  maxLe: number;
}

export interface ReadTarget {
  file: CardFile;
  offset: number;
  le: number;
  odd: boolean;
}

/** Decodes offset and Le; the caller has already resolved which file is read. */
export function readParams(cmd: CommandApdu): { offset: number; odd: boolean } | ResponseApdu {
  if (cmd.ins === 0xb0) {
    const offset = cmd.p1 & 0x80 ? cmd.p2 : ((cmd.p1 & 0x7f) << 8) | cmd.p2;
    return { offset, odd: false };
  }
  const data = cmd.data;
  if (!data) return sw(SWC.WRONG_DATA);
  let tlvs;
  try {
    tlvs = parseTlvList(data);
  } catch {
    return sw(SWC.WRONG_DATA);
  }
  const off = tlvs.find((t) => t.tag === 0x54);
  if (!off || off.value.length === 0 || off.value.length > 3) return sw(SWC.WRONG_DATA);
  let offset = 0;
  for (const b of off.value) offset = offset * 256 + b;
  return { offset, odd: true };
}

export function readFile(t: ReadTarget, limits: ReadLimits): ResponseApdu {
  if (t.le > limits.maxLe) return sw(SWC.WRONG_LENGTH);
  const size = fileSize(t.file);
  if (t.offset > size) return sw(SWC.WRONG_OFFSET);
  if (!t.odd) {
    const chunk = fileBytes(t.file, t.offset, t.le);
    // Fewer bytes than asked: 7816-4 says "end of file reached before reading Le bytes".
    return chunk.length < t.le ? { data: chunk, sw: SWC.END_OF_FILE } : ok(chunk);
  }
  // Odd INS: Le counts the DO'53' wrapper too, so the payload is a little shorter.
  const header = t.le > 0x80 + 3 ? 4 : t.le > 0x80 + 2 ? 3 : 2;
  let n = Math.max(0, Math.min(t.le - header, size - t.offset));
  // An Le that cannot carry DO'53' and one byte of what is left (as cards answer it).
  if (n === 0 && t.offset < size) return sw(SWC.WRONG_LENGTH);
  let wrapped = encodeTlv(0x53, fileBytes(t.file, t.offset, n));
  while (wrapped.length > t.le && n > 0) {
    n -= 1;
    wrapped = encodeTlv(0x53, fileBytes(t.file, t.offset, n));
  }
  return t.offset + n >= size && wrapped.length < t.le ? { data: wrapped, sw: SWC.END_OF_FILE } : ok(wrapped);
}
