import type { HandlerTable } from '../bridge/dispatch';
import type { HostContext } from '../host-context';

export function deviceHandlers(ctx: HostContext): Pick<HandlerTable, 'device.status'> {
  return {
    'device.status': () => ctx.devices.status(),
  };
}
