/**
 * The typed client generated from the contract: `client.call('device.status')` is checked at
 * compile time against shared/contract, and results and events are validated again on arrival.
 */
import {
  calls,
  events,
  isEventName,
  type CallInput,
  type CallResult,
  type Channel,
  type EventName,
  type EventPayload,
} from '../../../shared/contract/index';
import type { BridgeTransport, ConnectionState } from './transport';

export interface KioskClient {
  call<C extends Channel>(channel: C, ...input: undefined extends CallInput<C> ? [CallInput<C>?] : [CallInput<C>]): Promise<CallResult<C>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

export function createClient(transport: BridgeTransport): KioskClient {
  return {
    async call(channel, ...input) {
      const result = await transport.invoke(channel, input[0]);
      if (!result.ok) return result as CallResult<typeof channel>;
      const checked = calls[channel].output.safeParse(result.value);
      if (!checked.success) {
        return { ok: false, error: { code: 'bridge.invalid_result', message: 'result outside the contract' } } as CallResult<typeof channel>;
      }
      return { ok: true, value: checked.data } as CallResult<typeof channel>;
    },
    on(name, listener) {
      return transport.onEvent((n, payload) => {
        if (n !== name || !isEventName(n)) return;
        const checked = events[n].payload.safeParse(payload);
        if (checked.success) listener(checked.data as EventPayload<typeof name>);
      });
    },
    onConnection(listener) {
      if (transport.onState) return transport.onState(listener);
      listener('open');
      return () => {};
    },
  };
}
