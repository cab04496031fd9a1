/**
 * The administrator's settings in the store's `settings` table (key → JSON value), so they are
 * encrypted with everything else and travel with the database's backup. A value missing, damaged
 * or out of bounds reads as its default. Each change is written in one transaction with its audit
 * entry (which setting, from, to: never personal data).
 */
import { SETTING_LIMITS, settingsSchema, type SettingName, type Settings } from '../../../shared/contract/settings';
import { appendAudit } from './audit';
import type { Db } from './database';

/** The table's keys. */
export const SETTING_KEYS: Readonly<Record<SettingName, string>> = {
  retentionDays: 'retention.days',
  idleLockMinutes: 'session.idle_minutes',
};

const NAMES = Object.keys(SETTING_KEYS) as SettingName[];

/** Only the settings an administrator has set (valid ones); the caller picks its defaults. */
export function storedSettings(db: Db): Partial<Settings> {
  const out: Partial<Settings> = {};
  const get = db.prepare('SELECT value FROM settings WHERE key = ?');
  for (const name of NAMES) {
    const row = get.get(SETTING_KEYS[name]) as { value: string } | undefined;
    if (!row) continue;
    let value: unknown;
    try {
      value = JSON.parse(row.value);
    } catch {
      continue;
    }
    const parsed = settingsSchema.shape[name].safeParse(value);
    if (parsed.success) out[name] = parsed.data;
  }
  return out;
}

export function readSettings(db: Db): Settings {
  return { retentionDays: SETTING_LIMITS.retentionDays.default, idleLockMinutes: SETTING_LIMITS.idleLockMinutes.default, ...storedSettings(db) };
}

/** Writes the changed settings and one audit entry for each, all in one transaction. */
export function writeSettings(db: Db, actor: string, patch: Partial<Settings>, at: Date = new Date()): Settings {
  const checked = settingsSchema.partial().strict().parse(patch);
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return db
    .transaction(() => {
      const before = readSettings(db);
      for (const name of NAMES) {
        const to = checked[name];
        if (to === undefined || to === before[name]) continue;
        put.run(SETTING_KEYS[name], JSON.stringify(to));
        appendAudit(db, { actor, action: 'settings.changed', at: at.toISOString(), detail: { setting: SETTING_KEYS[name], from: before[name], to } });
      }
      return readSettings(db);
    })
    .immediate();
}
