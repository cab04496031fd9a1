import type { HandlerTable } from '../bridge/dispatch';
import type { HostContext } from '../host-context';

export function cardHandlers(ctx: HostContext): Pick<HandlerTable, 'card.read' | 'card.cancel'> {
  return {
    'card.read': ({ access, claimed, reader }) => ctx.card.read(access, claimed, reader),
    'card.cancel': () => ({ cancelled: ctx.card.cancel() }),
  };
}
