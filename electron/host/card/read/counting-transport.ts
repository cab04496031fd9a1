/** Counts the APDUs of a read: the number the benchmark and the read report show. */
import type { CardTransport } from '../transport/transport';

export interface CountingTransport extends CardTransport {
  readonly count: number;
}

export function countingTransport(inner: CardTransport): CountingTransport {
  let count = 0;
  return {
    readerName: inner.readerName,
    extendedLength: inner.extendedLength,
    get count() {
      return count;
    },
    transmit(apdu, maxResponse) {
      count += 1;
      return inner.transmit(apdu, maxResponse);
    },
  };
}
