/**
 * The administrator's settings over the bridge. The dispatcher has already checked the
 * 'settings' permission; the change is written with its audit entry under the signed-in
 * administrator's id, and the idle lock takes the new value at once.
 */
import { stationNameSchema } from '../../../shared/contract/settings';
import type { HandlerTable } from '../bridge/dispatch';
import { HostError } from '../bridge/host-error';
import type { HostContext } from '../host-context';
import { appendAudit } from '../store/audit';
import { readSettings, writeSettings } from '../store/settings';
import { writeStationName } from '../station-name';

export function settingsHandlers(ctx: HostContext): Pick<HandlerTable, 'settings.get' | 'settings.set' | 'station.setName'> {
  return {
    'station.setName': ({ name }) => {
      const actor = ctx.auth.officer();
      if (!actor) throw new Error('station.setName reached without a signed-in officer');
      if (ctx.configStationName) throw new HostError('station.fixed_by_config', 'the configuration file names this station');
      const parsed = stationNameSchema.safeParse(name);
      if (!parsed.success) throw new HostError('station.bad_name', 'a station name is 3 to 120 characters of text');
      writeStationName(ctx.config.dataDir, parsed.data);
      ctx.config.stationName = parsed.data;
      const db = ctx.auth.db;
      db.transaction(() => appendAudit(db, { actor: actor.id, action: 'station.named', at: new Date().toISOString(), detail: { stationName: parsed.data } }))();
      return { stationName: parsed.data };
    },
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
