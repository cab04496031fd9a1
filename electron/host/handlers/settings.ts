/**
 * The administrator's settings over the bridge. The dispatcher has already checked the
 * 'settings' permission; the change is written with its audit entry under the signed-in
 * administrator's id, and the idle lock takes the new value at once.
 */
import type { HandlerTable } from '../bridge/dispatch';
import type { HostContext } from '../host-context';
import { readSettings, writeSettings } from '../store/settings';

export function settingsHandlers(ctx: HostContext): Pick<HandlerTable, 'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => readSettings(ctx.auth.db),
    'settings.set': (patch) => {
      const actor = ctx.auth.officer();
      if (!actor) throw new Error('settings.set reached without a signed-in officer');
      const settings = writeSettings(ctx.auth.db, actor.id, patch);
      ctx.auth.applySettings();
      return settings;
    },
  };
}
