/** The card end of a secure-messaging session, over the protocol core's card-side SM. */
import { decodeCommand } from '../../../card/iso7816/apdu';
import { unwrapCommand, wrapResponse } from '../../../card/icao/sm/card';
import type { SmSession } from '../../../card/icao/sm/sm-session';
import type { CardSecureChannel } from '../engine';

export function smCardChannel(sm: SmSession): CardSecureChannel {
  return {
    unwrap: (apdu) => unwrapCommand(sm, decodeCommand(apdu)),
    wrap: (resp, ins) => wrapResponse(sm, resp, ins),
  };
}
