/** Resolves with the transport of the next card on a reader (or the one already there). */
import { CardError } from '../errors';
import type { CardTransport, ReaderWatcher } from './transport';

export function waitForCard(
  watcher: ReaderWatcher,
  options: { reader?: (name: string) => boolean; timeoutMs?: number } = {},
): Promise<CardTransport> {
  const matches = options.reader ?? (() => true);
  return new Promise((resolve, reject) => {
    const present = watcher.readers().find((r) => r.cardPresent && matches(r.name));
    const existing = present && watcher.transportFor(present.name);
    if (existing) return resolve(existing);
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new CardError('card.no_card', `no card within ${options.timeoutMs ?? 10_000} ms`));
    }, options.timeoutMs ?? 10_000);
    const unsubscribe = watcher.subscribe((e) => {
      if (e.type === 'card-inserted' && matches(e.reader)) {
        clearTimeout(timer);
        unsubscribe();
        resolve(e.transport);
      }
    });
  });
}
