/**
 * What the device service needs to know about card readers, whatever provides it: the PC/SC
 * service (pcscd) or the demo simulator.
 */
export interface ReaderSnapshot {
  service: 'ok' | 'unavailable' | 'simulated' | 'starting';
  readers: { name: string; cardPresent: boolean; simulated: boolean }[];
}

export interface ReaderSource {
  snapshot(): ReaderSnapshot;
  /** Called on every change; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}
