/**
 * What the device service shows about card readers, read off the card stack's ReaderWatcher
 * (PC/SC through pcscd, or the demo's simulated reader).
 */
import type { ReaderWatcher } from '../card/transport/transport';

export interface ReaderSnapshot {
  service: 'ok' | 'unavailable' | 'simulated' | 'starting';
  readers: { name: string; cardPresent: boolean; simulated: boolean }[];
}

export interface ReaderSource {
  snapshot(): ReaderSnapshot;
  /** Called on every change; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
}

export function watcherSource(watcher: ReaderWatcher, kind: { simulated: true } | { simulated: false; serviceAvailable: () => boolean }): ReaderSource {
  return {
    snapshot: () => ({
      service: kind.simulated ? 'simulated' : kind.serviceAvailable() ? 'ok' : 'unavailable',
      readers: watcher.readers().map((r) => ({ name: r.name, cardPresent: r.cardPresent, simulated: kind.simulated })),
    }),
    onChange: (listener) => watcher.subscribe(() => listener()),
  };
}
