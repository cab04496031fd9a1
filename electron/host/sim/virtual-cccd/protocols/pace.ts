/**
 * PACE, card side: MSE:Set AT (P1-P2 = C1 A4) names the protocol and the password, then four
 * GENERAL AUTHENTICATE steps run the protocol core's PaceCard. Like the cards seen in the field,
 * PACE with the CAN works and PACE with the MRZ is refused (6982), so readers fall back to BAC;
 * the 'pace-mrz' variant is the other kind of chip: MRZ accepted, CAN refused.
 */
import { isCardError } from '../../../card/errors';
import { PaceCard, parseMseSetAt } from '../../../card/icao/access/pace-card';
import type { PacePassword } from '../../../card/icao/access/pace-crypto';
import type { CardSecrets } from '../personalise';
import { PACE_PARAM_P256 } from '../card-access';
import { ok, sw, SWC } from '../status';
import { smCardChannel } from './sm-channel';
import type { ProtocolHandler } from './index';

const PASSWORD_MRZ = 1;
const PASSWORD_CAN = 2;

export function paceHandler(secrets: CardSecrets, accepts: { can: boolean; mrz: boolean }): ProtocolHandler {
  let card: PaceCard | undefined;
  return {
    reset() {
      card = undefined;
    },
    handle(cmd, inSm) {
      if (cmd.ins === 0x22 && cmd.p1 === 0xc1 && cmd.p2 === 0xa4) {
        card = undefined;
        if (inSm) return { response: sw(SWC.CONDITIONS) };
        try {
          const mse = parseMseSetAt(cmd.data ?? new Uint8Array());
          let password: PacePassword | undefined;
          if (mse.passwordRef === PASSWORD_CAN && accepts.can) password = { kind: 'CAN', can: secrets.can };
          if (mse.passwordRef === PASSWORD_MRZ && accepts.mrz) password = { kind: 'MRZ', mrz: secrets.mrz };
          if (!password) return { response: sw(SWC.SECURITY) };
          card = new PaceCard(mse.protocol, mse.parameterId ?? PACE_PARAM_P256, password);
          return { response: ok() };
        } catch {
          return { response: sw(SWC.REF_NOT_FOUND) };
        }
      }
      if (cmd.ins !== 0x86 || !card || inSm) return undefined;
      const pace = card;
      try {
        const answer = pace.answer(cmd.data ?? new Uint8Array());
        const session = pace.session;
        if (!session) return { response: ok(answer) };
        card = undefined;
        return { response: ok(answer), channel: smCardChannel(session) };
      } catch (err) {
        card = undefined;
        const denied = isCardError(err) && err.code === 'card.access_denied';
        return { response: sw(denied ? SWC.AUTH_FAILED : SWC.WRONG_DATA) };
      }
    },
  };
}
