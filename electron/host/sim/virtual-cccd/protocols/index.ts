/**
 * The access-control and authentication protocols of the virtual card, chained: each handler
 * looks at a command and answers it or passes.
 */
import type { CommandApdu } from '../../../card/iso7816/apdu';
import { activeAuthHandler } from './active-auth';
import { bacHandler } from './bac';
import { chipAuthHandler } from './chip-auth';
import { paceHandler } from './pace';
import type { CardProtocols, CardSecureChannel } from '../engine';
import type { PersonalisedCard } from '../personalise';
import type { CardVariant } from '../variants';
import type { CardQuirk } from '../quirks';
import type { ResponseApdu } from '../../../card/iso7816/apdu';

export interface ProtocolHandler {
  handle(cmd: CommandApdu, inSm: boolean): { response: ResponseApdu; channel?: CardSecureChannel } | undefined;
  reset(): void;
}

export function cardProtocols(card: PersonalisedCard, variant: CardVariant, quirks: readonly CardQuirk[] = []): CardProtocols {
  const handlers: ProtocolHandler[] = [bacHandler(card.secrets.mrz)];
  if (variant !== 'bac-only') handlers.push(paceHandler(card.secrets, { can: variant !== 'pace-mrz', mrz: variant === 'pace-mrz' }));
  const aa = { minForm: quirks.includes('aa-min-s'), extendedOnly: quirks.includes('ia-extended-only') };
  handlers.push(activeAuthHandler(card.chipKeys.activeAuth, aa), chipAuthHandler(card.chipKeys.chipAuth));
  return {
    handle(cmd, inSm) {
      for (const h of handlers) {
        const r = h.handle(cmd, inSm);
        if (r) return r;
      }
      return undefined;
    },
    reset() {
      for (const h of handlers) h.reset();
    },
  };
}
