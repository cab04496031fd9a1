import { CardError } from '../../errors';

/** ISO/IEC 9797-1 padding method 2: append 80, then 00 up to a multiple of the block size. */
export function pad(data: Uint8Array, blockSize: number): Uint8Array {
  const len = (Math.floor(data.length / blockSize) + 1) * blockSize;
  const out = new Uint8Array(len);
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

/** Removes method-2 padding; a missing 80 marker means the cryptogram is wrong. */
export function unpad(data: Uint8Array): Uint8Array {
  let i = data.length - 1;
  while (i >= 0 && data[i] === 0x00) i--;
  if (i < 0 || data[i] !== 0x80) throw new CardError('card.sm_invalid', 'bad ISO 9797-1 padding');
  return data.slice(0, i);
}
