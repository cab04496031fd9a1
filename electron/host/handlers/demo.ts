import { HostError } from '../bridge/host-error';
import type { HandlerTable } from '../bridge/dispatch';
import type { HostContext } from '../host-context';
import { DemoCards } from '../sim/demo-cards';

function demoOnly(ctx: HostContext): DemoCards {
  if (!ctx.demo) throw new HostError('demo.not_demo', 'only available in demo / training mode');
  return ctx.demo;
}

export function demoHandlers(ctx: HostContext): Pick<HandlerTable, 'demo.setCard' | 'demo.cardStatus'> {
  return {
    'demo.setCard': (input) => demoOnly(ctx).set(input),
    'demo.cardStatus': () => ({ ...demoOnly(ctx).current, csca: DemoCards.cscaExport() }),
  };
}
