/**
 * The administrator's settings, kept in the encrypted store: how many days an accepted dossier
 * keeps its data, and after how many idle minutes the kiosk locks. Only a role holding the
 * 'settings' permission (the administrator) may read or change them; the host refuses others.
 */
import { z } from 'zod';
import { defineCall, noInput } from './define';

export const SETTING_LIMITS = {
  retentionDays: { min: 1, max: 3650, default: 30 },
  idleLockMinutes: { min: 1, max: 30, default: 5 },
} as const;

const bounded = (l: { min: number; max: number }) => z.number().int().min(l.min).max(l.max);

export const settingsSchema = z
  .object({
    /** Days an accepted dossier keeps its data before it becomes a receipt. */
    retentionDays: bounded(SETTING_LIMITS.retentionDays),
    /** Minutes without a call before the session locks. */
    idleLockMinutes: bounded(SETTING_LIMITS.idleLockMinutes),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;
export type SettingName = keyof Settings;

export const settingsGet = defineCall('settings.get', {
  input: noInput,
  output: settingsSchema,
  errors: ['store.locked'] as const,
  access: 'settings',
  summary: 'The retention days and the idle-lock minutes (administrator)',
});

export const settingsSet = defineCall('settings.set', {
  input: settingsSchema.partial().strict(),
  output: settingsSchema,
  errors: ['store.locked'] as const,
  access: 'settings',
  summary: 'Changes settings (administrator); each change is audited, and applies from the next retention run or idle check',
});

/** A station's name as people read it, e.g. "Công an phường Bến Nghé" (NFC, single spaces). */
export const stationNameSchema = z
  .string()
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(3).max(120).regex(/^[^<>{}\\\u0000-\u001f]+$/u));

export const stationSetName = defineCall('station.setName', {
  input: z.object({ name: z.string().max(400) }).strict(),
  output: z.object({ stationName: z.string().max(120) }),
  errors: ['store.locked', 'station.bad_name', 'station.fixed_by_config'] as const,
  access: 'settings',
  summary: 'Names the station (administrator; asked at first run): shown in the header, on receipts and reports; audited',
});

