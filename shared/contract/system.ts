import { z } from 'zod';
import { defineCall, noInput } from './define';

export const appModeSchema = z.enum(['live', 'demo']);
export type AppMode = z.infer<typeof appModeSchema>;

export const systemInfo = defineCall('system.info', {
  summary: 'What is running: version, shell, mode, language default and the configured station.',
  input: noInput,
  output: z.object({
    appVersion: z.string(),
    shell: z.enum(['electron', 'browser']),
    mode: appModeSchema,
    platform: z.string(),
    nodeVersion: z.string(),
    defaultLanguage: z.enum(['vi', 'en']),
    stationName: z.string().nullable(),
    upstreamConfigured: z.boolean(),
    startedAt: z.string().datetime(),
  }),
});

export const systemPing = defineCall('system.ping', {
  summary: 'Round trip check of the bridge; echoes a nonce with the host time.',
  input: z.object({ nonce: z.string().min(1).max(64) }).strict(),
  output: z.object({ nonce: z.string(), hostTime: z.string().datetime() }),
});
