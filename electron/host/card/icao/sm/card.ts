import { CardError } from '../../errors';
import type { CommandApdu, ResponseApdu } from '../../iso7816/apdu';
import { concat, equalBytes } from '../../iso7816/bytes';
import { encodeTlv, parseTlvHeader } from '../../iso7816/tlv';
import { unpad } from '../crypto/padding';
import { decodeLe, incrementSsc, paddedHeader, smDecrypt, smEncrypt, smMac, SM_CLA_BITS, type SmSession } from './sm-session';

/**
 * Card side of secure messaging, for the virtual card. A CardError('card.sm_invalid') from
 * unwrapCommand means the emulator should answer 6988 (or 6987 when DOs are missing) in plain
 * and, like real chips, drop the session.
 */

export function unwrapCommand(sm: SmSession, cmd: CommandApdu): CommandApdu {
  incrementSsc(sm);
  if ((cmd.cla & SM_CLA_BITS) !== SM_CLA_BITS) throw new CardError('card.sm_invalid', 'plain command in an SM session');
  const data = cmd.data ?? new Uint8Array(0);
  let at = 0;
  let cryptogram: { tag: number; value: Uint8Array } | undefined;
  let le: number | undefined;
  let mac: Uint8Array | undefined;
  let macEnd = 0;
  try {
    while (at < data.length) {
      const h = parseTlvHeader(data, at);
      const start = at + h.headerLength;
      const end = start + h.valueLength;
      if (end > data.length) throw new CardError('card.sm_invalid', 'DO overruns the command');
      const value = data.subarray(start, end);
      if (h.tag === 0x8e) {
        mac = value;
        macEnd = at;
      } else if (h.tag === 0x87 || h.tag === 0x85) cryptogram = { tag: h.tag, value };
      else if (h.tag === 0x97) le = decodeLe(value);
      else throw new CardError('card.sm_invalid', `unexpected DO ${h.tag.toString(16)}`);
      at = end;
    }
  } catch (e) {
    if (e instanceof CardError && e.code === 'card.sm_invalid') throw e;
    throw new CardError('card.sm_invalid', 'SM command is not BER-TLV');
  }
  if (!mac) throw new CardError('card.sm_invalid', "SM command without DO'8E'");
  const expected = smMac(sm, concat(paddedHeader(sm, cmd.cla, cmd.ins, cmd.p1, cmd.p2), data.subarray(0, macEnd)));
  if (!equalBytes(expected, mac)) throw new CardError('card.sm_invalid', 'SM command MAC mismatch');
  const plain: CommandApdu = { cla: cmd.cla & ~SM_CLA_BITS & 0xff, ins: cmd.ins, p1: cmd.p1, p2: cmd.p2 };
  if (cryptogram) {
    const c = cryptogram.tag === 0x87 ? cryptogram.value.subarray(1) : cryptogram.value;
    if (c.length === 0 || c.length % sm.suite.blockSize !== 0) throw new CardError('card.sm_invalid', 'bad cryptogram length');
    plain.data = unpad(smDecrypt(sm, c));
  }
  if (le !== undefined) plain.le = le;
  return plain;
}

/** `ins` of the command answered: odd INS answers carry BER-TLV data, hence DO'85'. */
export function wrapResponse(sm: SmSession, resp: ResponseApdu, ins = 0xb0): ResponseApdu {
  incrementSsc(sm);
  const dos: Uint8Array[] = [];
  if (resp.data.length > 0) {
    const cryptogram = smEncrypt(sm, resp.data);
    dos.push((ins & 1) === 1 ? encodeTlv(0x85, cryptogram) : encodeTlv(0x87, concat(Uint8Array.of(0x01), cryptogram)));
  }
  dos.push(encodeTlv(0x99, Uint8Array.of((resp.sw >> 8) & 0xff, resp.sw & 0xff)));
  const body = concat(...dos);
  return { data: concat(body, encodeTlv(0x8e, smMac(sm, body))), sw: resp.sw };
}

/**
 * An unprotected error status (some chips answer 6A82 this way). The counter still advances,
 * because the terminal advances its own for every answer it receives.
 */
export function plainErrorResponse(sm: SmSession, sw: number): ResponseApdu {
  incrementSsc(sm);
  return { data: new Uint8Array(0), sw };
}
