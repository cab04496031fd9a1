/** Asks the PC/SC service which readers it sees, within a time limit. */
import { createRequire } from 'node:module';
import { probePcscService, pcscSocketPath } from '../card/transport/pcsc-service';

export interface PcscProbe {
  reachable: boolean;
  readers: string[];
  error?: string;
}

interface PcscLite {
  on(ev: 'reader', l: (r: { name: string; on(ev: 'error', l: () => void): void; close(): void }) => void): void;
  on(ev: 'error', l: (e: Error) => void): void;
  close(): void;
}

export async function probePcsc(timeoutMs = 2500): Promise<PcscProbe> {
  // pcsclite spins on the main thread while pcscd is absent: look at the socket first.
  if (!(await probePcscService())) {
    return { reachable: false, readers: [], error: `nothing listens on ${pcscSocketPath()}` };
  }
  return new Promise((resolve) => {
    let pcsc: PcscLite;
    try {
      pcsc = (createRequire(import.meta.url)('@pokusew/pcsclite') as () => PcscLite)();
    } catch (e) {
      resolve({ reachable: false, readers: [], error: `native module: ${(e as Error).message}` });
      return;
    }
    const readers: string[] = [];
    let error: string | undefined;
    pcsc.on('reader', (r) => {
      readers.push(r.name);
      r.on('error', () => {});
    });
    pcsc.on('error', (e) => (error = e.message));
    setTimeout(() => {
      try {
        pcsc.close();
      } catch {
        // closing a context that never opened is fine
      }
      resolve({ reachable: readers.length > 0 || !error, readers, error });
    }, timeoutMs);
  });
}
