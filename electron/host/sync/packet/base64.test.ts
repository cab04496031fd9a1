import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Into, base64Length, fromBase64, toBase64 } from './base64';

describe('base64 (ES2026 Uint8Array methods where Node lacks them)', () => {
  it('matches Buffer for every length 0..66, both alphabets, with and without padding', () => {
    for (let n = 0; n < 67; n++) {
      const b = new Uint8Array(randomBytes(n));
      expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
      expect(toBase64(b, { alphabet: 'base64url', omitPadding: true })).toBe(Buffer.from(b).toString('base64url'));
      expect(toBase64(b, { alphabet: 'base64url' })).toBe(Buffer.from(b).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'));
      expect(fromBase64(toBase64(b))).toEqual(b);
      expect(fromBase64(Buffer.from(b).toString('base64url'), { alphabet: 'base64url' })).toEqual(b);
    }
  });

  it('a view into a larger buffer encodes only its own bytes', () => {
    const big = new Uint8Array([1, 2, 3, 4, 5, 6]);
    expect(toBase64(big.subarray(2, 4))).toBe(Buffer.from([3, 4]).toString('base64'));
  });

  it('refuses what the standard refuses: other alphabets, foreign characters, impossible lengths', () => {
    expect(() => fromBase64('ab+/', { alphabet: 'base64url' })).toThrow(SyntaxError);
    expect(() => fromBase64('ab-_')).toThrow(SyntaxError);
    expect(() => fromBase64('abc!')).toThrow(SyntaxError);
    expect(() => fromBase64('abcde')).toThrow(SyntaxError);
    expect(() => fromBase64('ab=')).toThrow(SyntaxError);
    expect(() => toBase64(new Uint8Array(1), { alphabet: 'hex' })).toThrow(TypeError);
    expect(fromBase64(' AQ I=\n')).toEqual(new Uint8Array([1, 2]));
  });

  it('is what jose finds on Uint8Array', () => {
    expect(typeof (Uint8Array.prototype as unknown as { toBase64?: unknown }).toBase64).toBe('function');
    expect(typeof (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64).toBe('function');
  });

  it('inputs longer than one chunk (96,000 bytes) encode, write and decode as Buffer does, at every remainder', () => {
    for (const n of [95_999, 96_000, 96_001, 192_001, 288_002, 330_000]) {
      const b = randomBytes(n);
      for (const alphabet of ['base64', 'base64url'] as const) {
        const want = b.toString(alphabet);
        expect(base64Length(n, alphabet)).toBe(want.length);
        const out = Buffer.alloc(want.length + 4, 0x21);
        expect(base64Into(out, 2, b, alphabet)).toBe(2 + want.length);
        expect(out.subarray(2, 2 + want.length).toString('latin1')).toBe(want);
        expect([out[0], out[1], out[want.length + 2], out[want.length + 3]]).toEqual([0x21, 0x21, 0x21, 0x21]);
        // Compared as bytes (a deep toEqual over 330,000 elements took seconds).
        expect(Buffer.from(fromBase64(want, { alphabet })).equals(b)).toBe(true);
      }
      expect(toBase64(b)).toBe(b.toString('base64'));
      expect(toBase64(b, { alphabet: 'base64url', omitPadding: true })).toBe(b.toString('base64url'));
      expect(toBase64(b, { omitPadding: true })).toBe(b.toString('base64').replace(/=+$/, ''));
    }
  });

  it('a large text with one foreign character or a misplaced pad is still refused', () => {
    const text = randomBytes(200_001).toString('base64url');
    expect(() => fromBase64(text.slice(0, 100_000) + '+' + text.slice(100_001), { alphabet: 'base64url' })).toThrow(SyntaxError);
    expect(() => fromBase64(text.slice(0, 100_000) + '=' + text.slice(100_001), { alphabet: 'base64url' })).toThrow(SyntaxError);
    expect(() => fromBase64(text + '=', { alphabet: 'base64url' })).toThrow(SyntaxError);
  });
});

