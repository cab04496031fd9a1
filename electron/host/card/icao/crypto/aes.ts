import { createCipheriv, createDecipheriv } from 'node:crypto';
import { CardError } from '../../errors';

/** AES for PACE and AES secure messaging. Key length (16/24/32) selects AES-128/192/256. */
const ZERO_IV = new Uint8Array(16);

function algo(key: Uint8Array, mode: 'cbc' | 'ecb'): string {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw new CardError('card.crypto', 'AES key must be 16, 24 or 32 bytes');
  }
  return `aes-${key.length * 8}-${mode}`;
}

function run(enc: boolean, name: string, key: Uint8Array, iv: Uint8Array | null, data: Uint8Array): Uint8Array {
  if (data.length % 16 !== 0) throw new CardError('card.crypto', 'AES input not block-aligned');
  try {
    const c = enc ? createCipheriv(name, key, iv) : createDecipheriv(name, key, iv);
    c.setAutoPadding(false);
    return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
  } catch (e) {
    throw new CardError('card.crypto', `${name} failed: ${(e as Error).message}`);
  }
}

export function aesCbcEncrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  return run(true, algo(key, 'cbc'), key, iv, data);
}

export function aesCbcDecrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  return run(false, algo(key, 'cbc'), key, iv, data);
}

/** One raw block encryption (the SM IV is E(KSenc, SSC)). */
export function aesEncryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  if (block.length !== 16) throw new CardError('card.crypto', 'AES block must be 16 bytes');
  return run(true, algo(key, 'ecb'), key, null, block);
}

/** Doubling in GF(2^128) as NIST SP 800-38B defines it for the CMAC subkeys. */
function dbl(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = (((b[i] ?? 0) << 1) | ((b[i + 1] ?? 0) >> 7)) & 0xff;
  if ((b[0] ?? 0) & 0x80) out[15] = (out[15] ?? 0) ^ 0x87;
  return out;
}

/**
 * AES-CMAC (NIST SP 800-38B, RFC 4493), 16 bytes; 9303 truncates to 8. node:crypto has no CMAC,
 * so it is built from the block cipher.
 */
export function aesCmac(key: Uint8Array, message: Uint8Array): Uint8Array {
  const k1 = dbl(aesEncryptBlock(key, new Uint8Array(16)));
  const k2 = dbl(k1);
  const n = Math.max(1, Math.ceil(message.length / 16));
  const complete = message.length > 0 && message.length % 16 === 0;
  const last = new Uint8Array(16);
  const tail = message.subarray((n - 1) * 16);
  last.set(tail);
  if (!complete) last[tail.length] = 0x80;
  const sub = complete ? k1 : k2;
  for (let i = 0; i < 16; i++) last[i] = (last[i] ?? 0) ^ (sub[i] ?? 0);
  const blocks = new Uint8Array(n * 16);
  blocks.set(message.subarray(0, (n - 1) * 16));
  blocks.set(last, (n - 1) * 16);
  // CBC-MAC with zero IV: the last ciphertext block is the tag.
  return aesCbcEncrypt(key, blocks).slice(-16);
}
