import { CardError } from '../../errors';
import type { CommandApdu } from '../../iso7816/apdu';
import { encodeOid } from '../../iso7816/asn1';
import { equalBytes } from '../../iso7816/bytes';
import { expectOk } from '../../iso7816/status';
import { encodeTlv, parseTlv, requireTlv } from '../../iso7816/tlv';
import type { SmSession } from '../sm/sm-session';
import type { ApduChannel } from '../session';
import type { PaceInfo } from './card-access';
import {
  authToken,
  decodePoint,
  encodePoint,
  mapGenerator,
  paceSessionKeys,
  paceSmSession,
  passwordKey,
  passwordRef,
  securePaceRandom,
  suiteFor,
  type EcPoint,
  type PaceKeys,
  type PacePassword,
  type PaceRandom,
} from './pace-crypto';
import { standardCurve, type PaceCurve } from './pace-params';

/**
 * Terminal side of PACE v2, ECDH generic mapping (9303-11 §4.4). Each method turns the card's
 * previous answer into the next command, so a test can replay the standard's example without
 * a card; performPace drives it over a channel.
 */

/** GENERAL AUTHENTICATE with dynamic authentication data 7C; CLA 10 = "more steps follow". */
export function generalAuthenticate(content: Uint8Array, last: boolean): CommandApdu {
  return { cla: last ? 0x00 : 0x10, ins: 0x86, p1: 0, p2: 0, data: encodeTlv(0x7c, content), le: 256 };
}

/** The value of `tag` inside the card's 7C answer. */
export function dynamicData(response: Uint8Array, tag: number, step: string): Uint8Array {
  const t = parseTlv(response);
  if (t.tag !== 0x7c) throw new CardError('card.protocol', `PACE ${step}: answer is not 7C`);
  return requireTlv(t.children, tag, `PACE ${step}`).value;
}

export class PaceTerminal {
  readonly curve: PaceCurve;
  private readonly kPi: Uint8Array;
  private nonce?: Uint8Array;
  private mapKey?: bigint;
  private generator?: EcPoint;
  private key?: bigint;
  private pcdPoint?: Uint8Array;
  private keys?: PaceKeys;
  private expectedCardToken?: Uint8Array;

  constructor(
    readonly info: PaceInfo,
    readonly password: PacePassword,
    private readonly random: PaceRandom = securePaceRandom,
  ) {
    if (info.protocol.agreement !== 'ECDH' || info.protocol.mapping !== 'GM' || info.parameterId === undefined) {
      throw new CardError('card.unsupported', `PACE ${info.protocol.oid} is not implemented (ECDH-GM only)`);
    }
    this.curve = standardCurve(info.parameterId);
    this.kPi = passwordKey(password, info.protocol.cipher);
  }

  /** MSE:Set AT: protocol (80), password (83), domain parameters (84). */
  mseSetAt(): CommandApdu {
    const data = [
      encodeTlv(0x80, encodeOid(this.info.protocol.oid)),
      encodeTlv(0x83, Uint8Array.of(passwordRef(this.password))),
    ];
    if (this.info.parameterId !== undefined) data.push(encodeTlv(0x84, Uint8Array.of(this.info.parameterId)));
    return { cla: 0, ins: 0x22, p1: 0xc1, p2: 0xa4, data: Uint8Array.from(data.flatMap((d) => [...d])) };
  }

  requestNonce(): CommandApdu {
    return generalAuthenticate(new Uint8Array(0), false);
  }

  /** Step 1 answer (80: encrypted nonce) -> step 2 (81: our mapping key). */
  onEncryptedNonce(response: Uint8Array): CommandApdu {
    const z = dynamicData(response, 0x80, 'encrypted nonce');
    this.nonce = suiteFor(this.info.protocol.cipher).decrypt(this.kPi, z);
    this.mapKey = this.random.scalar(this.curve.Point.CURVE().n);
    const pk = encodePoint(this.curve, this.curve.Point.BASE.multiply(this.mapKey));
    return generalAuthenticate(encodeTlv(0x81, pk), false);
  }

  /** Step 2 answer (82: card mapping key) -> step 3 (83: our ephemeral key on G~). */
  onMappingKey(response: Uint8Array): CommandApdu {
    if (!this.nonce || this.mapKey === undefined) throw new CardError('card.protocol', 'PACE steps out of order');
    const cardMap = decodePoint(this.curve, dynamicData(response, 0x82, 'mapping'));
    this.generator = mapGenerator(this.curve, this.nonce, cardMap.multiply(this.mapKey));
    this.key = this.random.scalar(this.curve.Point.CURVE().n);
    this.pcdPoint = encodePoint(this.curve, this.generator.multiply(this.key));
    return generalAuthenticate(encodeTlv(0x83, this.pcdPoint), false);
  }

  /** Step 3 answer (84: card ephemeral key) -> step 4 (85: our token). */
  onEphemeralKey(response: Uint8Array): CommandApdu {
    if (!this.generator || this.key === undefined || !this.pcdPoint) throw new CardError('card.protocol', 'PACE steps out of order');
    const cardPointBytes = dynamicData(response, 0x84, 'key agreement');
    // A card echoing our own key would let an attacker skip the password (TR-03110 check).
    if (equalBytes(cardPointBytes, this.pcdPoint)) throw new CardError('card.access_denied', 'PACE: card echoed our key');
    const cardPoint = decodePoint(this.curve, cardPointBytes);
    const alg = this.info.protocol.cipher;
    this.keys = paceSessionKeys(this.curve, cardPoint.multiply(this.key), alg);
    this.expectedCardToken = authToken(alg, this.keys.kMac, this.info.protocol.oid, this.pcdPoint);
    return generalAuthenticate(encodeTlv(0x85, authToken(alg, this.keys.kMac, this.info.protocol.oid, cardPointBytes)), true);
  }

  /** Step 4 answer (86: card token) -> the secure-messaging session. */
  finish(response: Uint8Array): SmSession {
    if (!this.keys || !this.expectedCardToken) throw new CardError('card.protocol', 'PACE steps out of order');
    if (!equalBytes(dynamicData(response, 0x86, 'mutual authentication'), this.expectedCardToken)) {
      throw new CardError('card.access_denied', 'PACE: card token does not verify');
    }
    return paceSmSession(this.info.protocol.cipher, this.keys);
  }

  /** For tests against the worked example. */
  get sessionKeys(): PaceKeys | undefined {
    return this.keys;
  }

  get decryptedNonce(): Uint8Array | undefined {
    return this.nonce;
  }
}

/** Runs PACE over a plain channel; a wrong CAN/MRZ ends in CardError('card.access_denied'). */
export async function performPace(
  channel: ApduChannel,
  info: PaceInfo,
  password: PacePassword,
  random: PaceRandom = securePaceRandom,
): Promise<SmSession> {
  const t = new PaceTerminal(info, password, random);
  const ok = async (cmd: CommandApdu, step: string) => expectOk(await channel(cmd), `PACE ${step}`, 'auth');
  await ok(t.mseSetAt(), 'MSE:Set AT');
  const nonce = await ok(t.requestNonce(), 'encrypted nonce');
  const map = await ok(t.onEncryptedNonce(nonce), 'mapping');
  const key = await ok(t.onMappingKey(map), 'key agreement');
  const token = await ok(t.onEphemeralKey(key), 'mutual authentication');
  return t.finish(token);
}
