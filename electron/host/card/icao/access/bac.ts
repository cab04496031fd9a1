import { randomBytes } from 'node:crypto';
import { CardError } from '../../errors';
import { concat, equalBytes, xorBytes } from '../../iso7816/bytes';
import { expectOk } from '../../iso7816/status';
import { kdf, KDF_ENC, KDF_MAC } from '../crypto/kdf';
import { bacKeySeed, type MrzKeyInput } from '../crypto/mrz-key';
import { pad } from '../crypto/padding';
import { retailMac, tdesCbcDecrypt, tdesCbcEncrypt } from '../crypto/des';
import { TDES_SUITE } from '../crypto/suite';
import { createSmSession, type SmSession } from '../sm/sm-session';
import type { ApduChannel } from '../session';

/**
 * Basic Access Control (9303-11 §4.3). The terminal and card halves are separate pure steps so
 * the standard's worked example can be replayed with its fixed nonces, and the virtual card
 * can answer with the same code.
 */
export interface BacKeys {
  kEnc: Uint8Array;
  kMac: Uint8Array;
}

export type RandomSource = (n: number) => Uint8Array;
export const secureRandom: RandomSource = (n) => new Uint8Array(randomBytes(n));

export function bacKeysFromSeed(kSeed: Uint8Array): BacKeys {
  return { kEnc: kdf(kSeed, KDF_ENC, '3DES'), kMac: kdf(kSeed, KDF_MAC, '3DES') };
}

export function deriveBacKeys(mrz: MrzKeyInput): BacKeys {
  return bacKeysFromSeed(bacKeySeed(mrz));
}

/** E = 3DES(Kenc, plain), M = MAC(Kmac, pad(E)): both directions of the exchange use it. */
function seal(keys: BacKeys, plain: Uint8Array): Uint8Array {
  const e = tdesCbcEncrypt(keys.kEnc, plain);
  return concat(e, retailMac(keys.kMac, pad(e, 8)));
}

/** Checks the MAC before decrypting; a wrong MAC means a wrong key, i.e. wrong MRZ data. */
function open(keys: BacKeys, sealed: Uint8Array, who: string): Uint8Array {
  if (sealed.length !== 40) throw new CardError('card.access_denied', `${who}: cryptogram must be 40 bytes`);
  const e = sealed.subarray(0, 32);
  if (!equalBytes(retailMac(keys.kMac, pad(e, 8)), sealed.subarray(32))) {
    throw new CardError('card.access_denied', `${who}: MAC does not verify`);
  }
  return tdesCbcDecrypt(keys.kEnc, e);
}

/** Session keys and SSC (low halves of the two nonces) from the exchanged key halves. */
function sessionFrom(kIfd: Uint8Array, kIc: Uint8Array, rndIc: Uint8Array, rndIfd: Uint8Array): SmSession {
  const seed = xorBytes(kIfd, kIc);
  const ssc = concat(rndIc.subarray(4, 8), rndIfd.subarray(4, 8));
  return createSmSession(TDES_SUITE, kdf(seed, KDF_ENC, '3DES'), kdf(seed, KDF_MAC, '3DES'), ssc);
}

export interface BacTerminalState {
  keys: BacKeys;
  rndIc: Uint8Array;
  rndIfd: Uint8Array;
  kIfd: Uint8Array;
}

/** Data of EXTERNAL AUTHENTICATE: EIFD || MIFD over S = RND.IFD || RND.IC || K.IFD. */
export function bacExternalAuthData(s: BacTerminalState): Uint8Array {
  return seal(s.keys, concat(s.rndIfd, s.rndIc, s.kIfd));
}

/** Verifies the card's EIC || MIC and derives the session. */
export function bacTerminalFinish(s: BacTerminalState, cardResponse: Uint8Array): SmSession {
  const r = open(s.keys, cardResponse, 'BAC card response');
  if (!equalBytes(r.subarray(0, 8), s.rndIc) || !equalBytes(r.subarray(8, 16), s.rndIfd)) {
    throw new CardError('card.access_denied', 'BAC: card did not return our nonces');
  }
  return sessionFrom(s.kIfd, r.subarray(16, 32), s.rndIc, s.rndIfd);
}

/** The whole terminal side over a plain channel: GET CHALLENGE, EXTERNAL AUTHENTICATE. */
export async function performBac(channel: ApduChannel, mrz: MrzKeyInput, random: RandomSource = secureRandom): Promise<SmSession> {
  const keys = deriveBacKeys(mrz);
  const challenge = expectOk(await channel({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 8 }), 'GET CHALLENGE', 'auth');
  if (challenge.length !== 8) throw new CardError('card.protocol', 'GET CHALLENGE: expected 8 bytes');
  const state: BacTerminalState = { keys, rndIc: challenge, rndIfd: random(8), kIfd: random(16) };
  const resp = await channel({ cla: 0, ins: 0x82, p1: 0, p2: 0, data: bacExternalAuthData(state), le: 40 });
  return bacTerminalFinish(state, expectOk(resp, 'EXTERNAL AUTHENTICATE', 'auth'));
}

export interface BacCardInput {
  keys: BacKeys;
  /** The challenge this card gave in answer to GET CHALLENGE. */
  rndIc: Uint8Array;
  /** The data field of EXTERNAL AUTHENTICATE. */
  commandData: Uint8Array;
  /** The card's key half (random unless a test replays the standard's example). */
  kIc?: Uint8Array;
}

/**
 * Card side of EXTERNAL AUTHENTICATE. Throws CardError('card.access_denied') when EIFD/MIFD do
 * not verify (the emulator answers 6300 then); otherwise returns the 40-byte answer and the
 * card's SM session.
 */
export function bacCardRespond(input: BacCardInput, random: RandomSource = secureRandom): { response: Uint8Array; sm: SmSession } {
  const s = open(input.keys, input.commandData, 'BAC terminal cryptogram');
  const rndIfd = s.subarray(0, 8);
  if (!equalBytes(s.subarray(8, 16), input.rndIc)) throw new CardError('card.access_denied', 'BAC: wrong challenge echoed');
  const kIfd = s.subarray(16, 32);
  const kIc = input.kIc ?? random(16);
  const response = seal(input.keys, concat(input.rndIc, rndIfd, kIc));
  return { response, sm: sessionFrom(kIfd, kIc, input.rndIc, rndIfd) };
}
