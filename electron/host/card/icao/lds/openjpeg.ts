/**
 * Loads the OpenJPEG WebAssembly build (@cornerstonejs/codec-openjpeg, an Emscripten CommonJS
 * factory without type declarations) once, with its console chatter silenced.
 */
import { createRequire } from 'node:module';
import { CardError } from '../../errors';

export interface J2kFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
  isUsingColorTransform?: boolean;
}

export interface J2kDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): J2kFrameInfo;
  getDecodedBuffer(): Uint8Array;
  delete?(): void;
}

export interface J2kEncoder {
  getDecodedBuffer(info: J2kFrameInfo): Uint8Array;
  setDecompositions(n: number): void;
  setQuality(lossless: boolean, quality: number): void;
  encode(): void;
  getEncodedBuffer(): Uint8Array;
  delete?(): void;
}

export interface OpenJpeg {
  J2KDecoder: new () => J2kDecoder;
  J2KEncoder: new () => J2kEncoder;
}

type Factory = (overrides?: { print?: (s: string) => void; printErr?: (s: string) => void }) => Promise<OpenJpeg>;

let loaded: Promise<OpenJpeg> | undefined;

const MODULE = '@cornerstonejs/codec-openjpeg';

/** The codec's entry file, for a worker thread that loads it itself (j2k-worker.ts). */
export function openJpegPath(): string {
  try {
    return createRequire(import.meta.url).resolve(MODULE);
  } catch {
    throw new CardError('card.unsupported', 'JPEG 2000 codec not available');
  }
}

export function openJpeg(): Promise<OpenJpeg> {
  if (!loaded) {
    const load = async (): Promise<OpenJpeg> => {
      try {
        const factory = createRequire(import.meta.url)(MODULE) as Factory;
        return await factory({ print: () => undefined, printErr: () => undefined });
      } catch {
        loaded = undefined;
        throw new CardError('card.unsupported', 'JPEG 2000 codec not available');
      }
    };
    loaded = load();
  }
  return loaded;
}
