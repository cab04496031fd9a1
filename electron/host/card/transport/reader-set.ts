/**
 * Bookkeeping shared by the watchers: current readers, their cards and the listener set.
 * A listener that throws must not stop the others or the watcher itself.
 */
import type { CardTransport, ReaderEvent, ReaderListener, ReaderState } from './transport';

interface Entry {
  state: ReaderState;
  transport?: CardTransport;
}

export class ReaderSet {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<ReaderListener>();

  subscribe(listener: ReaderListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readers(): ReaderState[] {
    return [...this.entries.values()].map((e) => ({ ...e.state }));
  }

  transportFor(reader: string): CardTransport | undefined {
    return this.entries.get(reader)?.transport;
  }

  has(reader: string): boolean {
    return this.entries.has(reader);
  }

  cardPresent(reader: string): boolean {
    return this.entries.get(reader)?.state.cardPresent ?? false;
  }

  addReader(name: string): void {
    if (this.entries.has(name)) return;
    this.entries.set(name, { state: { name, cardPresent: false } });
    this.emit({ type: 'reader-added', reader: name });
  }

  removeReader(name: string): void {
    if (!this.entries.has(name)) return;
    this.cardRemoved(name);
    this.entries.delete(name);
    this.emit({ type: 'reader-removed', reader: name });
  }

  cardInserted(reader: string, atr: Uint8Array, transport: CardTransport): void {
    const entry = this.entries.get(reader);
    if (!entry) return;
    entry.state = { name: reader, cardPresent: true, atr };
    entry.transport = transport;
    this.emit({ type: 'card-inserted', reader, atr, transport });
  }

  cardRemoved(reader: string): void {
    const entry = this.entries.get(reader);
    if (!entry?.state.cardPresent) return;
    entry.state = { name: reader, cardPresent: false };
    delete entry.transport;
    this.emit({ type: 'card-removed', reader });
  }

  emit(event: ReaderEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch {
        // A faulty subscriber is its own problem; the others still need the event.
      }
    }
  }

  clear(): void {
    this.listeners.clear();
    this.entries.clear();
  }
}
