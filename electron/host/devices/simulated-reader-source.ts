/**
 * Demo/training mode: one simulated reader with the virtual CCCD that can be placed on it or
 * taken off, so an officer can walk through the app without hardware.
 */
import type { ReaderSnapshot, ReaderSource } from './reader-source';

export const SIMULATED_READER_NAME = 'Virtual CCCD reader (demo)';

export class SimulatedReaderSource implements ReaderSource {
  private cardPresent: boolean;
  private readonly listeners = new Set<() => void>();

  constructor(opts: { cardPresent?: boolean } = {}) {
    this.cardPresent = opts.cardPresent ?? true;
  }

  setCardPresent(present: boolean): void {
    if (present === this.cardPresent) return;
    this.cardPresent = present;
    for (const l of this.listeners) l();
  }

  snapshot(): ReaderSnapshot {
    return {
      service: 'simulated',
      readers: [{ name: SIMULATED_READER_NAME, cardPresent: this.cardPresent, simulated: true }],
    };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
