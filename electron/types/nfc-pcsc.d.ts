// Type declarations for nfc-pcsc 0.8 (the package ships none). Only what the kiosk uses.
declare module 'nfc-pcsc' {
  import { EventEmitter } from 'node:events';

  export interface PcscReaderHandle {
    name: string;
    connected: boolean;
  }

  export interface CardEvent {
    atr?: Buffer;
    standard?: string;
    type?: string;
    uid?: string;
  }

  export class Reader extends EventEmitter {
    reader: PcscReaderHandle;
    autoProcessing: boolean;
    card: CardEvent | null;
    get name(): string;
    transmit(data: Buffer, responseMaxLength: number): Promise<Buffer>;
    control(data: Buffer, responseMaxLength: number): Promise<Buffer>;
    connect(mode?: number): Promise<number>;
    disconnect(): Promise<boolean>;
    close(): void;
    on(event: 'card', listener: (card: CardEvent) => void): this;
    on(event: 'card.off', listener: (card: CardEvent) => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
    on(event: 'end', listener: () => void): this;
  }

  export class NFC extends EventEmitter {
    constructor(logger?: unknown);
    readonly readers: Record<string, unknown>;
    close(): void;
    on(event: 'reader', listener: (reader: Reader) => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
  }

  export const CONNECT_MODE_DIRECT: number;
  export const CONNECT_MODE_CARD: number;
  export const TAG_ISO_14443_3: string;
  export const TAG_ISO_14443_4: string;
}
