import type { HandlerTable } from '../bridge/dispatch';
import type { HostContext } from '../host-context';

export function deviceHandlers(ctx: HostContext): Pick<HandlerTable, 'device.status' | 'camera.setAllowed'> {
  return {
    'device.status': () => ctx.devices.status(),
    'camera.setAllowed': ({ label }) => ctx.devices.setCamera(label),
  };
}
