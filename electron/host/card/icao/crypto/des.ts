import { createCipheriv, createDecipheriv } from 'node:crypto';
import { CardError } from '../../errors';

/**
 * Two-key triple DES as used by BAC and 3DES secure messaging. OpenSSL 3 moved single DES to
 * the legacy provider, so single-DES blocks are computed as 3DES with K1 = K2 (EDE collapses
 * to a single encryption).
 */
const ZERO_IV = new Uint8Array(8);

function run(mode: 'enc' | 'dec', algo: string, key: Uint8Array, iv: Uint8Array | null, data: Uint8Array): Uint8Array {
  if (data.length % 8 !== 0) throw new CardError('card.crypto', 'DES input not block-aligned');
  try {
    const c = mode === 'enc' ? createCipheriv(algo, key, iv) : createDecipheriv(algo, key, iv);
    c.setAutoPadding(false);
    return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
  } catch (e) {
    throw new CardError('card.crypto', `${algo} failed: ${(e as Error).message}`);
  }
}

function check2Key(key: Uint8Array): void {
  if (key.length !== 16) throw new CardError('card.crypto', '3DES key must be 16 bytes');
}

export function tdesCbcEncrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  check2Key(key);
  return run('enc', 'des-ede-cbc', key, iv, data);
}

export function tdesCbcDecrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  check2Key(key);
  return run('dec', 'des-ede-cbc', key, iv, data);
}

function singleDes(mode: 'enc' | 'dec', key8: Uint8Array, block: Uint8Array): Uint8Array {
  const k = new Uint8Array(16);
  k.set(key8);
  k.set(key8, 8);
  return run(mode, 'des-ede-ecb', k, null, block);
}

/**
 * ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC"): single-DES CBC with Ka over all blocks, then
 * decrypt with Kb and encrypt with Ka on the last one. `data` must already be padded.
 */
export function retailMac(key: Uint8Array, data: Uint8Array): Uint8Array {
  check2Key(key);
  if (data.length === 0 || data.length % 8 !== 0) throw new CardError('card.crypto', 'MAC input not padded');
  const ka = key.subarray(0, 8);
  const kb = key.subarray(8, 16);
  let h: Uint8Array = new Uint8Array(8);
  for (let off = 0; off < data.length; off += 8) {
    const x = new Uint8Array(8);
    for (let i = 0; i < 8; i++) x[i] = (h[i] ?? 0) ^ (data[off + i] ?? 0);
    h = singleDes('enc', ka, x);
  }
  return singleDes('enc', ka, singleDes('dec', kb, h));
}

/** DES keys carry odd parity in bit 0 of every byte; 9303 derives keys then fixes parity. */
export function adjustParity(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length);
  for (let i = 0; i < key.length; i++) {
    const b = (key[i] ?? 0) & 0xfe;
    let ones = 0;
    for (let v = b; v; v >>= 1) ones += v & 1;
    out[i] = ones % 2 === 0 ? b | 1 : b;
  }
  return out;
}
