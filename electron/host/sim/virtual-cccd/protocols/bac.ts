/**
 * Basic Access Control, card side: GET CHALLENGE hands out RND.IC, EXTERNAL AUTHENTICATE checks
 * the terminal's cryptogram against the keys from the printed MRZ and opens 3DES secure messaging.
 */
import { bacCardRespond, deriveBacKeys, type BacKeys } from '../../../card/icao/access/bac';
import { randomBytes } from 'node:crypto';
import { isCardError } from '../../../card/errors';
import type { MrzKeyInput } from '../../../card/icao/crypto/mrz-key';
import { ok, sw, SWC } from '../status';
import { smCardChannel } from './sm-channel';
import type { ProtocolHandler } from './index';

export function bacHandler(mrz: MrzKeyInput): ProtocolHandler {
  const keys: BacKeys = deriveBacKeys(mrz);
  let rndIc: Uint8Array | undefined;
  return {
    reset() {
      rndIc = undefined;
    },
    handle(cmd, inSm) {
      if (cmd.ins === 0x84) {
        // GET CHALLENGE is also used inside SM (before active authentication by some readers).
        if (cmd.le === undefined) return { response: sw(SWC.WRONG_LENGTH) };
        if (cmd.le !== 8) return { response: sw(0x6c08) };
        rndIc = new Uint8Array(randomBytes(8));
        return { response: ok(rndIc) };
      }
      if (cmd.ins !== 0x82) return undefined;
      if (inSm) return { response: sw(SWC.CONDITIONS) };
      const challenge = rndIc;
      rndIc = undefined; // one attempt per challenge, as on a real chip
      if (!challenge) return { response: sw(SWC.CONDITIONS) };
      if (!cmd.data || cmd.data.length !== 40) return { response: sw(SWC.WRONG_LENGTH) };
      try {
        const { response, sm } = bacCardRespond({ keys, rndIc: challenge, commandData: cmd.data });
        return { response: ok(response), channel: smCardChannel(sm) };
      } catch (err) {
        if (isCardError(err) && err.code === 'card.access_denied') return { response: sw(SWC.AUTH_FAILED) };
        throw err;
      }
    },
  };
}
