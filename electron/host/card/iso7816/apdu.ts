import { CardError } from '../errors';
import { hex } from './bytes';

/**
 * ISO/IEC 7816-4 command and response APDUs. `le` is the number of bytes expected (1..65536);
 * 256 is written as the short "00" and 65536 as the extended "0000", so callers never deal
 * with the zero encodings.
 */
export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data?: Uint8Array;
  le?: number;
}

export interface ResponseApdu {
  data: Uint8Array;
  sw: number;
}

export const MAX_SHORT_LC = 255;
export const MAX_SHORT_LE = 256;
export const MAX_EXTENDED_LE = 65536;

/** Extended length is needed when the body no longer fits the short form. */
export function needsExtended(cmd: CommandApdu): boolean {
  return (cmd.data?.length ?? 0) > MAX_SHORT_LC || (cmd.le ?? 0) > MAX_SHORT_LE;
}

function checkByte(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0 || v > 0xff) {
    throw new CardError('card.protocol', `APDU ${name} out of range: ${v}`);
  }
}

export function encodeCommand(cmd: CommandApdu): Uint8Array {
  checkByte('CLA', cmd.cla);
  checkByte('INS', cmd.ins);
  checkByte('P1', cmd.p1);
  checkByte('P2', cmd.p2);
  const data = cmd.data && cmd.data.length > 0 ? cmd.data : undefined;
  const le = cmd.le;
  if (le !== undefined && (!Number.isInteger(le) || le < 1 || le > MAX_EXTENDED_LE)) {
    throw new CardError('card.protocol', `APDU Le out of range: ${le}`);
  }
  if (data && data.length > 0xffff) throw new CardError('card.protocol', 'APDU data too long');
  const out: number[] = [cmd.cla, cmd.ins, cmd.p1, cmd.p2];
  if (!needsExtended(cmd)) {
    if (data) out.push(data.length, ...data);
    if (le !== undefined) out.push(le & 0xff); // 256 -> 00
    return Uint8Array.from(out);
  }
  // Extended form: a single 00 marker, then two-byte Lc and/or Le.
  out.push(0);
  if (data) out.push(data.length >> 8, data.length & 0xff, ...data);
  if (le !== undefined) out.push((le >> 8) & 0xff, le & 0xff); // 65536 -> 0000
  return Uint8Array.from(out);
}

/** Inverse of encodeCommand; the card side (emulator) needs it. */
export function decodeCommand(bytes: Uint8Array): CommandApdu {
  if (bytes.length < 4) throw new CardError('card.protocol', 'command APDU shorter than 4 bytes');
  const [cla, ins, p1, p2] = [bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0];
  const cmd: CommandApdu = { cla, ins, p1, p2 };
  const body = bytes.subarray(4);
  const bad = (): never => {
    throw new CardError('card.protocol', `malformed command APDU ${hex(bytes.subarray(0, 8))}`);
  };
  if (body.length === 0) return cmd;
  if (body.length === 1) return { ...cmd, le: body[0] === 0 ? 256 : body[0] };
  const b0 = body[0] ?? 0;
  if (b0 !== 0) {
    // Short Lc, data, optional short Le.
    if (body.length === 1 + b0) return { ...cmd, data: body.slice(1, 1 + b0) };
    if (body.length === 2 + b0) {
      const le = body[1 + b0] ?? 0;
      return { ...cmd, data: body.slice(1, 1 + b0), le: le === 0 ? 256 : le };
    }
    return bad();
  }
  // b0 == 0 with more bytes: extended form.
  if (body.length === 3) {
    const le = ((body[1] ?? 0) << 8) | (body[2] ?? 0);
    return { ...cmd, le: le === 0 ? 65536 : le };
  }
  const lc = ((body[1] ?? 0) << 8) | (body[2] ?? 0);
  if (lc === 0) return bad();
  if (body.length === 3 + lc) return { ...cmd, data: body.slice(3, 3 + lc) };
  if (body.length === 5 + lc) {
    const le = ((body[3 + lc] ?? 0) << 8) | (body[4 + lc] ?? 0);
    return { ...cmd, data: body.slice(3, 3 + lc), le: le === 0 ? 65536 : le };
  }
  return bad();
}

export function parseResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) throw new CardError('card.protocol', 'response APDU shorter than 2 bytes');
  const n = bytes.length;
  return { data: bytes.slice(0, n - 2), sw: ((bytes[n - 2] ?? 0) << 8) | (bytes[n - 1] ?? 0) };
}

export function encodeResponse(resp: ResponseApdu): Uint8Array {
  const out = new Uint8Array(resp.data.length + 2);
  out.set(resp.data);
  out[resp.data.length] = (resp.sw >> 8) & 0xff;
  out[resp.data.length + 1] = resp.sw & 0xff;
  return out;
}
