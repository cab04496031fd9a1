/**
 * The bridge contract's building blocks. Every call between renderer and host is declared once
 * with `defineCall` (input schema, result schema, the error codes it may return) and every host
 * event with `defineEvent`. Both shells and the renderer client are derived from these values.
 */
import { z } from 'zod';
import type { Permission } from '../domain/roles';

/**
 * Who may make a call: anyone at the screen (`public`: start-up, unlock, sign-in, device status),
 * any signed-in officer, or a role holding the permission. The host checks it before the handler.
 */
export type Access = 'public' | 'signed_in' | Permission;

/** Codes any call may return: produced by the bridge itself, never by a handler's domain logic. */
export const BRIDGE_ERROR_CODES = [
  'bridge.unknown_channel',
  'bridge.invalid_payload',
  'bridge.forbidden_sender',
  'bridge.invalid_result',
  'bridge.disconnected',
  'auth.required',
  'auth.forbidden',
  'internal',
] as const;
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

export const bridgeErrorSchema = z.object({
  code: z.string().min(1).max(80),
  message: z.string().max(500),
});
export type BridgeError<C extends string = string> = { code: C; message: string };

export type Result<T, C extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: BridgeError<C> };

export interface CallDef<
  Ch extends string = string,
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  E extends string = string,
> {
  readonly kind: 'call';
  readonly channel: Ch;
  readonly input: I;
  readonly output: O;
  /** Domain error codes this call may return, in addition to BRIDGE_ERROR_CODES. */
  readonly errors: readonly E[];
  readonly summary: string;
  readonly access: Access;
}

export interface EventDef<N extends string = string, P extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly name: N;
  readonly payload: P;
  readonly summary: string;
}

export function defineCall<
  const Ch extends string,
  I extends z.ZodType,
  O extends z.ZodType,
  const E extends string = never,
>(
  channel: Ch,
  spec: { input: I; output: O; errors?: readonly E[]; summary: string; access?: Access },
): CallDef<Ch, I, O, E> {
  return {
    kind: 'call',
    channel,
    input: spec.input,
    output: spec.output,
    errors: spec.errors ?? [],
    summary: spec.summary,
    access: spec.access ?? 'public',
  };
}

export function defineEvent<const N extends string, P extends z.ZodType>(
  name: N,
  spec: { payload: P; summary: string },
): EventDef<N, P> {
  return { kind: 'event', name, payload: spec.payload, summary: spec.summary };
}

/** A call that takes no arguments: the renderer sends `undefined` or `{}`. */
export const noInput = z.union([z.undefined(), z.object({}).strict()]);

export function resultSchema<O extends z.ZodType>(output: O) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: output }),
    z.object({ ok: z.literal(false), error: bridgeErrorSchema }),
  ]);
}
