/**
 * Test support: the fuzz property every parser of card data must hold. Random bytes, and
 * truncations/mutations of a valid file, give a value or CardError('card.parse'): never another
 * exception (a crash in the kiosk), never a slow path (each call is timed).
 */
import fc from 'fast-check';
import { isCardError } from '../../errors';

/** A parse of a few hundred bytes taking this long means a pathological loop. */
const SLOW_MS = 1000;

function accept(parse: (b: Uint8Array) => unknown, b: Uint8Array): void {
  const started = performance.now();
  try {
    parse(b);
  } catch (e) {
    if (!isCardError(e) || e.code !== 'card.parse') throw e;
  }
  const ms = performance.now() - started;
  if (ms > SLOW_MS) throw new Error(`parser took ${Math.round(ms)} ms on ${b.length} bytes`);
}

export function fuzzParser(parse: (b: Uint8Array) => unknown, valid: Uint8Array, runs = 500): void {
  const params = { numRuns: runs, interruptAfterTimeLimit: 15_000 };
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => accept(parse, b)), params);
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(Math.max(valid.length - 1, 0)), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      fc.nat(valid.length),
      (muts, cut) => {
        const b = valid.slice(0, Math.max(cut, 1));
        for (const [i, v] of muts) if (i < b.length) b[i] = v;
        accept(parse, b);
      },
    ),
    params,
  );
  // Header mutations hit length fields, where decoders are most fragile.
  fc.assert(
    fc.property(fc.nat(Math.min(valid.length, 12)), fc.integer({ min: 0, max: 255 }), (i, v) => {
      const b = valid.slice();
      if (i < b.length) b[i] = v;
      accept(parse, b);
    }),
    params,
  );
}
