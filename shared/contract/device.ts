import { z } from 'zod';
import { defineCall, defineEvent, noInput } from './define';

/**
 * What the host knows about the devices it owns. `service` is about the smart-card service
 * itself (pcscd / Windows SCardSvr); `readers` are the readers it reports.
 */
export const readerStateSchema = z.object({
  name: z.string().max(200),
  cardPresent: z.boolean(),
  simulated: z.boolean(),
});

export const deviceStatusSchema = z.object({
  cardService: z.enum(['ok', 'unavailable', 'simulated', 'starting']),
  readers: z.array(readerStateSchema).max(16),
  /** The reader the kiosk reads cards from (first one with a card, else the configured one). */
  activeReader: z.string().max(200).nullable(),
  camera: z.object({
    /** Device id the host allows; null until chosen. Chromium gives the renderer the list. */
    allowedDeviceLabel: z.string().max(200).nullable(),
  }),
  updatedAt: z.string().datetime(),
});
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

export const deviceStatus = defineCall('device.status', {
  summary: 'The current state of the card service, readers and camera policy.',
  input: noInput,
  output: deviceStatusSchema,
});

export const deviceChanged = defineEvent('device.changed', {
  summary: 'Sent whenever a reader appears or disappears, a card is inserted or removed, or the card service goes up or down.',
  payload: deviceStatusSchema,
});

export const cameraSetAllowed = defineCall('camera.setAllowed', {
  summary: 'Remember which camera (by its label) the kiosk uses; null forgets the choice so the officer is asked again.',
  input: z.object({ label: z.string().min(1).max(200).nullable() }).strict(),
  output: deviceStatusSchema,
});
