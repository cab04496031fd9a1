/**
 * Frames of the browser shell's loopback WebSocket bridge. The Electron shell does not use
 * frames (ipcRenderer.invoke carries channel + payload), but the semantics are the same.
 */
import { z } from 'zod';
import { hexSchema } from '../domain/shapes';
import { bridgeErrorSchema } from './define';

/** Sub-protocol names: the first announces the version, the second carries the launch secret. */
export const WIRE_PROTOCOL = 'kiosk.v1';
export const SECRET_PROTOCOL_PREFIX = 'kiosk.secret.';

export const callFrameSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  channel: z.string().max(80),
  /** Absent for calls without input (JSON drops `undefined`). */
  payload: z.unknown().optional(),
});
export type CallFrame = z.infer<typeof callFrameSchema>;

export const resultFrameSchema = z.object({
  type: z.literal('result'),
  id: z.number().int().nonnegative(),
  result: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: bridgeErrorSchema }),
  ]),
});

export const eventFrameSchema = z.object({
  type: z.literal('event'),
  name: z.string().max(80),
  payload: z.unknown(),
});

/** Sent once, first, on a connection opened with the launch secret: the secret for reconnects. */
export const sessionFrameSchema = z.object({ type: z.literal('session'), secret: hexSchema(32) });

export const serverFrameSchema = z.discriminatedUnion('type', [resultFrameSchema, eventFrameSchema, sessionFrameSchema]);
export type ServerFrame = z.infer<typeof serverFrameSchema>;

/**
 * WebSocket close code of a bridge that was tampered with (a spent launch secret came back): every
 * session is revoked and the page must tell the officer to restart the kiosk.
 */
export const TAMPERED_CLOSE_CODE = 4403;

/** Largest frame either side accepts; portraits travel as separate calls well below this. */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;
