/**
 * Active authentication, card side: INTERNAL AUTHENTICATE signs the terminal's 8-byte challenge
 * with the private key matching DG15. A cloned chip has the DG15 data but not the key, so it
 * signs with a key of its own and the terminal's check fails, as it would in the field.
 */
import type { KeyObject } from 'node:crypto';
import { signAaEcdsa, signAaRsa } from '../../lds-builder/active-auth-sign';
import { ok, sw, SWC } from '../status';
import type { ProtocolHandler } from './index';

export interface ActiveAuthBehaviour {
  /** Answer min(s, n − s), as ISO/IEC 9796-2 allows (RSA only). */
  minForm?: boolean;
  /** Refuse a short-length command (Le ≤ 256) with 6700: the RSA-2048 answer does not fit it. */
  extendedOnly?: boolean;
}

export function activeAuthHandler(privateKey: KeyObject, behaviour: ActiveAuthBehaviour = {}): ProtocolHandler {
  const isRsa = privateKey.asymmetricKeyType === 'rsa';
  return {
    reset() {},
    handle(cmd, inSm) {
      if (cmd.ins !== 0x88) return undefined;
      // After BAC/PACE only: the CCCD protects the signature like every other answer.
      if (!inSm) return { response: sw(SWC.SECURITY) };
      const challenge = cmd.data;
      if (!challenge || challenge.length !== 8) return { response: sw(SWC.WRONG_DATA) };
      if (cmd.le === undefined || (behaviour.extendedOnly && cmd.le <= 256)) return { response: sw(SWC.WRONG_LENGTH) };
      return { response: ok(isRsa ? signAaRsa(privateKey, challenge, 'SHA-1', behaviour.minForm) : signAaEcdsa(privateKey, challenge)) };
    },
  };
}
