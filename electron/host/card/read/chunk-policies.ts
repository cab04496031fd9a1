/**
 * The chunk size that worked, remembered per reader (and per SM cipher, because the largest
 * short read differs between 3DES and AES secure messaging). A PN53x reader that failed big
 * reads once starts the next card at the size that worked, instead of failing again first.
 */
import { ChunkPolicy } from '../icao/lds/file-reader';
import type { CardTransport } from '../transport/transport';

export class ReaderChunkPolicies {
  private readonly byKey = new Map<string, ChunkPolicy>();

  for(transport: CardTransport, smBlockSize: 8 | 16): ChunkPolicy {
    const key = `${transport.readerName}\u0000${smBlockSize}`;
    let policy = this.byKey.get(key);
    if (!policy) {
      policy = new ChunkPolicy({ extendedLength: transport.extendedLength, smBlockSize });
      this.byKey.set(key, policy);
    }
    return policy;
  }
}
