import { CardError } from '../../errors';
import { decodeOid } from '../../iso7816/asn1';
import { equalBytes } from '../../iso7816/bytes';
import { encodeTlv, findTlv, parseTlv, parseTlvList, requireTlv } from '../../iso7816/tlv';
import type { SmSession } from '../sm/sm-session';
import {
  authToken,
  decodePoint,
  encodePoint,
  mapGenerator,
  nonceLength,
  paceSessionKeys,
  paceSmSession,
  passwordKey,
  securePaceRandom,
  suiteFor,
  type EcPoint,
  type PaceKeys,
  type PacePassword,
  type PaceRandom,
} from './pace-crypto';
import { paceProtocol, standardCurve, type PaceCurve, type PaceProtocol } from './pace-params';

/**
 * Card side of PACE (ECDH generic mapping) for the virtual card. The emulator parses MSE:Set AT
 * with parseMseSetAt, builds a PaceCard with the password the terminal named, and hands it the
 * data field of each GENERAL AUTHENTICATE. A CardError from `answer` means: reply 6300 (wrong
 * password at the token step) or 6A80 (malformed data), and forget this PaceCard.
 */

export interface MseSetAt {
  protocol: PaceProtocol;
  /** 1 = MRZ, 2 = CAN (DO'83'). */
  passwordRef: number;
  parameterId?: number;
}

export function parseMseSetAt(data: Uint8Array): MseSetAt {
  const dos = parseTlvList(data);
  const protocol = paceProtocol(decodeOid(requireTlv(dos, 0x80, 'MSE:Set AT').value));
  if (!protocol) throw new CardError('card.unsupported', 'MSE:Set AT names no PACE protocol');
  const ref = requireTlv(dos, 0x83, 'MSE:Set AT').value;
  const param = findTlv(dos, 0x84)?.value;
  const out: MseSetAt = { protocol, passwordRef: ref[0] ?? 0 };
  if (param && param.length === 1) out.parameterId = param[0];
  return out;
}

type Phase =
  | { at: 'nonce' }
  | { at: 'map'; nonce: Uint8Array }
  | { at: 'key'; generator: EcPoint }
  | { at: 'token'; keys: PaceKeys; cardPoint: Uint8Array; terminalPoint: Uint8Array }
  | { at: 'done'; sm: SmSession };

export class PaceCard {
  private readonly curve: PaceCurve;
  private readonly kPi: Uint8Array;
  private phase: Phase = { at: 'nonce' };

  constructor(
    private readonly protocol: PaceProtocol,
    parameterId: number,
    password: PacePassword,
    private readonly random: PaceRandom = securePaceRandom,
  ) {
    if (protocol.agreement !== 'ECDH' || protocol.mapping !== 'GM') {
      throw new CardError('card.unsupported', `PACE ${protocol.oid} is not implemented (ECDH-GM only)`);
    }
    this.curve = standardCurve(parameterId);
    this.kPi = passwordKey(password, protocol.cipher);
  }

  /** The SM session once the terminal's token verified. */
  get session(): SmSession | undefined {
    return this.phase.at === 'done' ? this.phase.sm : undefined;
  }

  /** Data field of a GENERAL AUTHENTICATE in, data field of the answer out. */
  answer(commandData: Uint8Array): Uint8Array {
    const t = parseTlv(commandData);
    if (t.tag !== 0x7c) throw new CardError('card.protocol', 'GENERAL AUTHENTICATE data is not 7C');
    const get = (tag: number) => requireTlv(t.children, tag, 'GENERAL AUTHENTICATE').value;
    const alg = this.protocol.cipher;
    const n = this.curve.Point.CURVE().n;
    switch (this.phase.at) {
      case 'nonce': {
        const nonce = this.random.bytes(nonceLength(alg));
        this.phase = { at: 'map', nonce };
        return encodeTlv(0x7c, encodeTlv(0x80, suiteFor(alg).encrypt(this.kPi, nonce)));
      }
      case 'map': {
        const terminalMap = decodePoint(this.curve, get(0x81));
        const sk = this.random.scalar(n);
        const generator = mapGenerator(this.curve, this.phase.nonce, terminalMap.multiply(sk));
        this.phase = { at: 'key', generator };
        return encodeTlv(0x7c, encodeTlv(0x82, encodePoint(this.curve, this.curve.Point.BASE.multiply(sk))));
      }
      case 'key': {
        const terminalPoint = get(0x83);
        const pk = decodePoint(this.curve, terminalPoint);
        const sk = this.random.scalar(n);
        const cardPoint = encodePoint(this.curve, this.phase.generator.multiply(sk));
        if (equalBytes(cardPoint, terminalPoint)) throw new CardError('card.access_denied', 'PACE: terminal echoed our key');
        this.phase = { at: 'token', keys: paceSessionKeys(this.curve, pk.multiply(sk), alg), cardPoint, terminalPoint };
        return encodeTlv(0x7c, encodeTlv(0x84, cardPoint));
      }
      case 'token': {
        const { keys, cardPoint, terminalPoint } = this.phase;
        if (!equalBytes(get(0x85), authToken(alg, keys.kMac, this.protocol.oid, cardPoint))) {
          throw new CardError('card.access_denied', 'PACE: terminal token does not verify (wrong password)');
        }
        this.phase = { at: 'done', sm: paceSmSession(alg, keys) };
        return encodeTlv(0x7c, encodeTlv(0x86, authToken(alg, keys.kMac, this.protocol.oid, terminalPoint)));
      }
      case 'done':
        throw new CardError('card.protocol', 'PACE already complete');
    }
  }
}
