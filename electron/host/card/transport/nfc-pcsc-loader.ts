/**
 * Loads nfc-pcsc (plain CommonJS, no types shipped) and describes the small part of it this
 * transport uses. Structural types kept here, rather than an ambient `declare module`, so the
 * transport does not depend on (or clash with) declarations other parts of the app keep.
 */
import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

export interface NfcReader extends EventEmitter {
  readonly name: string;
  reader: { name: string; connected: boolean };
  autoProcessing: boolean;
  transmit(data: Buffer, responseMaxLength: number): Promise<Buffer>;
  disconnect(): Promise<boolean>;
}

export interface NfcContext extends EventEmitter {
  close(): void;
}

type NfcConstructor = new (logger?: unknown) => NfcContext;

export function createNfc(): NfcContext {
  const load = createRequire(import.meta.url);
  const mod = load('nfc-pcsc') as { NFC: NfcConstructor };
  return new mod.NFC();
}
