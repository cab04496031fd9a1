/**
 * The single registration wrapper both shells use. It refuses an unknown channel, an untrusted
 * sender or a payload that fails the contract before any handler runs; it checks what the
 * handler returns against the contract too, and turns every failure into a typed error value.
 */
import {
  calls,
  isChannel,
  type Channel,
  type CallInput,
  type CallOutput,
  type Access,
  type Result,
} from '../../../shared/contract/index';
import type { z } from 'zod';
import { HostError } from './host-error';
import type { Logger } from '../log';

export interface CallContext {
  /** Which shell delivered the call, for the audit trail. */
  shell: 'electron' | 'browser' | 'test';
  /** URL of the frame that sent it (Electron) or the page origin (browser shell). */
  senderUrl: string;
}

export type Handler<C extends Channel> = (
  input: CallOutputOfInput<C>,
  ctx: CallContext,
) => Promise<CallOutput<C>> | CallOutput<C>;
// The handler receives the parsed input (after zod defaults/transforms).
type CallOutputOfInput<C extends Channel> = z.output<(typeof calls)[C]['input']>;

export type HandlerTable = { [C in Channel]: Handler<C> };

export interface DispatchOptions {
  handlers: HandlerTable;
  /** Returns true when the sender may use the bridge at all. */
  isTrustedSender: (ctx: CallContext) => boolean;
  /** The signed-in officer's right to this call: null to go ahead, else the refusal's code. */
  authorize?: (access: Access) => 'auth.required' | 'auth.forbidden' | null;
  log: Logger;
}

export type Dispatch = (channel: unknown, payload: unknown, ctx: CallContext) => Promise<Result<unknown>>;

function fail(code: string, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** Zod issues name paths and problems but never echo the rejected values (they may be personal data). */
function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ')
    .slice(0, 480);
}

export function createDispatcher(opts: DispatchOptions): Dispatch {
  const { handlers, isTrustedSender, log } = opts;
  return async (channel, payload, ctx) => {
    if (!isTrustedSender(ctx)) {
      log.warn('bridge.refused_sender', { shell: ctx.shell });
      return fail('bridge.forbidden_sender', 'The sender is not the kiosk application.');
    }
    if (!isChannel(channel)) {
      log.warn('bridge.unknown_channel', { channel: typeof channel === 'string' ? channel.slice(0, 60) : typeof channel });
      return fail('bridge.unknown_channel', 'No such call in the contract.');
    }
    const def = calls[channel];
    // Who may call comes before what is sent: a refused caller's payload is not even parsed.
    const refusal = opts.authorize?.(def.access) ?? null;
    if (refusal) {
      log.warn('bridge.refused_access', { channel, refusal });
      return fail(refusal, refusal === 'auth.required' ? 'Sign in first.' : 'Your role may not do this.');
    }
    const parsed = def.input.safeParse(payload);
    if (!parsed.success) {
      log.warn('bridge.invalid_payload', { channel });
      return fail('bridge.invalid_payload', describeIssues(parsed.error.issues));
    }
    const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
    let value: unknown;
    try {
      value = await handler(parsed.data, ctx);
    } catch (err) {
      if (err instanceof HostError && (def.errors as readonly string[]).includes(err.code)) {
        return fail(err.code, err.message);
      }
      log.error('bridge.handler_failed', { channel, error: err });
      return fail('internal', 'The kiosk host failed to complete the request.');
    }
    const checked = def.output.safeParse(value);
    if (!checked.success) {
      log.error('bridge.invalid_result', { channel, issues: describeIssues(checked.error.issues) });
      return fail('bridge.invalid_result', 'The host produced a result outside the contract.');
    }
    return { ok: true, value: checked.data };
  };
}

export type { CallInput };
