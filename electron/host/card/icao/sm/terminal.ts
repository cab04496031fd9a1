import { CardError } from '../../errors';
import { needsExtended, type CommandApdu, type ResponseApdu } from '../../iso7816/apdu';
import { concat, equalBytes } from '../../iso7816/bytes';
import { SW } from '../../iso7816/status';
import { encodeTlv, parseTlvHeader } from '../../iso7816/tlv';
import { unpad } from '../crypto/padding';
import {
  encodeLe,
  incrementSsc,
  paddedHeader,
  smDecrypt,
  smEncrypt,
  smMac,
  SM_CLA_BITS,
  type SmSession,
} from './sm-session';

/**
 * Terminal side of 9303-11 §9.8 secure messaging: protect a plain command, then check and open
 * the card's answer. Every protected answer is MAC-verified before anything in it is used.
 */

export function wrapCommand(sm: SmSession, cmd: CommandApdu): CommandApdu {
  incrementSsc(sm);
  const extended = needsExtended(cmd);
  const dos: Uint8Array[] = [];
  if (cmd.data && cmd.data.length > 0) {
    const cryptogram = smEncrypt(sm, cmd.data);
    // Odd INS (B1, ...) carry BER-TLV data: DO'85' without the padding-indicator byte.
    dos.push((cmd.ins & 1) === 1 ? encodeTlv(0x85, cryptogram) : encodeTlv(0x87, concat(Uint8Array.of(0x01), cryptogram)));
  }
  if (cmd.le !== undefined) dos.push(encodeTlv(0x97, encodeLe(cmd.le, extended)));
  const body = concat(...dos);
  const mac = smMac(sm, concat(paddedHeader(sm, cmd.cla, cmd.ins, cmd.p1, cmd.p2), body));
  const data = concat(body, encodeTlv(0x8e, mac));
  return {
    cla: cmd.cla | SM_CLA_BITS,
    ins: cmd.ins,
    p1: cmd.p1,
    p2: cmd.p2,
    data,
    le: extended || data.length > 255 ? 65536 : 256,
  };
}

interface SplitDos {
  cryptogram?: { tag: number; value: Uint8Array };
  sw?: number;
  macInput: Uint8Array;
  mac?: Uint8Array;
}

/** Walks the DOs in order, keeping the raw bytes before DO'8E' (they are what the MAC covers). */
function splitResponse(data: Uint8Array): SplitDos {
  const out: SplitDos = { macInput: new Uint8Array(0) };
  let at = 0;
  while (at < data.length) {
    const h = parseTlvHeader(data, at);
    const start = at + h.headerLength;
    const end = start + h.valueLength;
    if (end > data.length) throw new CardError('card.sm_invalid', 'SM response DO overruns the data');
    const value = data.subarray(start, end);
    if (h.tag === 0x8e) {
      if (end !== data.length) throw new CardError('card.sm_invalid', "data after DO'8E'");
      out.macInput = data.subarray(0, at);
      out.mac = value;
    } else if (h.tag === 0x87 || h.tag === 0x85) {
      out.cryptogram = { tag: h.tag, value };
    } else if (h.tag === 0x99) {
      if (value.length !== 2) throw new CardError('card.sm_invalid', "DO'99' must hold 2 bytes");
      out.sw = ((value[0] ?? 0) << 8) | (value[1] ?? 0);
    } else {
      throw new CardError('card.sm_invalid', `unexpected DO ${h.tag.toString(16)} in SM response`);
    }
    at = end;
  }
  return out;
}

/** A success or warning status: the card claims data, so it must be authenticated. */
function claimsSuccess(sw: number): boolean {
  return sw === SW.OK || (sw & 0xff00) === 0x6200 || (sw & 0xff00) === 0x6300;
}

export function unwrapResponse(sm: SmSession, resp: ResponseApdu): ResponseApdu {
  incrementSsc(sm);
  if (resp.sw === SW.SM_DATA_MISSING || resp.sw === SW.SM_DATA_INCORRECT) {
    throw new CardError('card.sm_invalid', 'card rejected secure messaging', resp.sw);
  }
  // Cards answer some errors (6A82, 6982 on DG3) in plain. Such a status carries no data and
  // only makes us stop, so it is passed up unauthenticated; anything claiming success is not.
  if (resp.data.length === 0 && !claimsSuccess(resp.sw)) return { data: resp.data, sw: resp.sw };
  let split: SplitDos;
  try {
    split = splitResponse(resp.data);
  } catch (e) {
    if (e instanceof CardError && e.code === 'card.sm_invalid') throw e;
    throw new CardError('card.sm_invalid', 'SM response is not BER-TLV', resp.sw);
  }
  if (!split.mac) throw new CardError('card.sm_invalid', "SM response without DO'8E'", resp.sw);
  if (!equalBytes(smMac(sm, split.macInput), split.mac)) {
    throw new CardError('card.sm_invalid', 'SM response MAC mismatch', resp.sw);
  }
  let data: Uint8Array = new Uint8Array(0);
  if (split.cryptogram) {
    const c = split.cryptogram.tag === 0x87 ? split.cryptogram.value.subarray(1) : split.cryptogram.value;
    if (split.cryptogram.tag === 0x87 && split.cryptogram.value[0] !== 0x01) {
      throw new CardError('card.sm_invalid', 'unknown padding indicator');
    }
    if (c.length === 0 || c.length % sm.suite.blockSize !== 0) throw new CardError('card.sm_invalid', 'bad cryptogram length');
    data = unpad(smDecrypt(sm, c));
  }
  return { data, sw: split.sw ?? resp.sw };
}
