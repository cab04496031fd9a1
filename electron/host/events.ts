/**
 * Typed host → renderer events. `emit` validates the payload against the contract so a bug in
 * the host can never push something the renderer does not expect; shells subscribe and forward.
 */
import { events, type EventName, type EventPayload } from '../../shared/contract/index';
import type { Logger } from './log';

export type EventListener = (name: EventName, payload: unknown) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();
  constructor(private readonly log: Logger) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].payload.safeParse(payload);
    if (!checked.success) {
      this.log.error('event.invalid_payload', { event: name });
      return;
    }
    for (const l of this.listeners) {
      try {
        l(name, checked.data);
      } catch (err) {
        this.log.error('event.listener_failed', { event: name, error: err });
      }
    }
  }
}
