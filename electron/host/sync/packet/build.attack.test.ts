/**
 * Review probes of the packet build's fast paths (issue 11): the buffers written in place give
 * exactly what an independent construction gives (JSON.stringify, one base64 of the whole), at
 * and around the 96,000-byte chunk, for hostile text; fromBase64's fast path decides as the
 * slow path it shortcuts; utf8Text as the fatal TextDecoder on a BOM-only payload.
 */
import { createHash, randomBytes } from 'node:crypto';
import { compactVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from './base64';
import { buildPacket, packetBytes, signCompact } from './build';
import { openPacket, utf8Text } from './open';
import { sampleInput, testKeys } from './test-packets';

const t = await testKeys();
const b64url = (b: Uint8Array | string) => Buffer.from(typeof b === 'string' ? Buffer.from(b, 'utf8') : b).toString('base64url');

/** The JWS and digest as the pre-change code made them: one string, then its hash. */
function independentSigningInput(payload: Uint8Array, kid: string): string {
  return `${b64url(JSON.stringify({ alg: 'ES256', kid }))}.${b64url(payload)}`;
}

describe('packet JSON and JWS at the chunk boundaries', () => {
  const SIZES = [0, 1, 2, 3, 95_999, 96_000, 96_001, 191_999, 192_000, 192_001, 288_002];
  it.each(SIZES)('a %i-byte live portrait: bytes = JSON.stringify, signing input = one base64url, digest = SHA-256 of the JWS', async (n) => {
    const portrait = new Uint8Array(randomBytes(n));
    const input = { ...sampleInput(), livePortrait: portrait, station: 'Công an phường \uD800 Hoàn Kiếm', dossier: { name: 'Nguyễn Thị Ánh \uDC00', note: '\uFEFF' } };
    const bytes = packetBytes(input, t.keys.deviceId);
    const { manifest, parts } = JSON.parse(bytes.toString('utf8')) as { manifest: unknown; parts: Record<string, string> };
    expect(bytes.equals(Buffer.from(JSON.stringify({ manifest, parts }), 'utf8'))).toBe(true);
    expect(Buffer.from(parts['live_portrait.jpg']!, 'base64').equals(portrait)).toBe(true);
    expect(parts['live_portrait.jpg']).toBe(Buffer.from(portrait).toString('base64'));

    const jws = signCompact(bytes, t.keys.signingKey, t.keys.deviceId);
    const [h, p] = jws.split('.');
    expect(`${h}.${p}`).toBe(independentSigningInput(bytes, t.keys.deviceId));
    const verified = await compactVerify(jws, await importJWK(t.signing.publicJwk, 'ES256'));
    expect(Buffer.from(verified.payload).equals(bytes)).toBe(true);

    const built = await buildPacket(input, t.keys);
    const opened = await openPacket(built.jwe, { decryptionKey: t.encryption.privateJwk, deviceKey: () => t.signing.publicJwk });
    expect(opened.digest).toBe(built.digest);
    // The same dossier gives the same digest (ES256 here is deterministic: RFC 6979).
    expect((await buildPacket(input, t.keys)).digest).toBe(built.digest);
    expect(createHash('sha256').update(signCompact(bytes, t.keys.signingKey, t.keys.deviceId), 'utf8').digest('hex')).toBe(built.digest);
  });

  it('a kid with non-ASCII text: the header is its UTF-8 in base64url', async () => {
    const kid = 'KIOSK-Đà-Nẵng-\uD800';
    const payload = Buffer.from('{"a":"Ánh"}', 'utf8');
    const jws = signCompact(payload, t.keys.signingKey, kid);
    expect(jws.split('.').slice(0, 2).join('.')).toBe(independentSigningInput(payload, kid));
    const v = await compactVerify(jws, await importJWK(t.signing.publicJwk, 'ES256'));
    // JSON.stringify writes the lone surrogate as an escape, so the kid comes back as it was.
    expect(v.protectedHeader.kid).toBe(kid);
  });

  it('a string payload with lone surrogates signs its UTF-8 (U+FFFD) as Buffer makes it', async () => {
    const s = '{"x":"\uD800\uDC00\uDFFF"}';
    const jws = signCompact(s, t.keys.signingKey, t.keys.deviceId);
    expect(jws.split('.').slice(0, 2).join('.')).toBe(independentSigningInput(Buffer.from(s, 'utf8'), t.keys.deviceId));
  });
});

/** The pre-change fromBase64 (the slow path alone). */
function oldFromBase64(input: string, alphabet: 'base64' | 'base64url'): Uint8Array {
  const VALID = { base64: /^[A-Za-z0-9+/]*={0,2}$/, base64url: /^[A-Za-z0-9_-]*={0,2}$/ };
  const s = /[\t\n\f\r ]/.test(input) ? input.replace(/[\t\n\f\r ]/g, '') : input;
  const bare = s.replace(/=+$/, '');
  if (!VALID[alphabet].test(s) || bare.length % 4 === 1 || (s.length !== bare.length && s.length % 4 !== 0)) throw new SyntaxError('not base64');
  return new Uint8Array(Buffer.from(bare, alphabet));
}
const outcome = (f: () => Uint8Array) => {
  try {
    return Buffer.from(f()).toString('hex');
  } catch (e) {
    return (e as Error).name;
  }
};

describe('fromBase64 fast path against the slow path', () => {
  const tricky = ['', '=', '==', '===', 'A', 'A=', 'A==', 'AA', 'AA=', 'AA==', 'AA===', 'AAA', 'AAA=', 'AAA==', 'AAAA', 'AAAA=', 'AAAA==', 'AB==', 'AB=A', 'A=AA', 'AAAA=AAA', '+/+/', '-_-_', '+/-_', '////', '____', 'AA==AA==', 'ZgZg\n', ' Zg==', 'Zg= =', 'Zm9v', 'Zm9vYg', 'Zm9vYmE', 'Zm9vYmFy', 'Zm9vYg==', 'Zm9vYmE='];
  for (const alphabet of ['base64', 'base64url'] as const) {
    it.each(tricky)(`${alphabet}: %j decides as before`, (s) => {
      expect(outcome(() => fromBase64(s, { alphabet }))).toBe(outcome(() => oldFromBase64(s, alphabet)));
    });
    it(`${alphabet}: 3,000 random strings over the alphabet, '=' and whitespace decide as before`, () => {
      const chars = 'AZaz09+/-_=\n ';
      for (let i = 0; i < 3_000; i++) {
        const r = randomBytes(1 + (i % 13));
        const s = [...r].map((x) => chars[x % chars.length]).join('');
        expect(outcome(() => fromBase64(s, { alphabet })), JSON.stringify(s)).toBe(outcome(() => oldFromBase64(s, alphabet)));
      }
    });
  }
  it('a 1 MB text round-trips and one bad character anywhere is refused', () => {
    const bytes = randomBytes(1_000_001);
    const text = bytes.toString('base64url');
    expect(Buffer.from(fromBase64(text, { alphabet: 'base64url' })).equals(bytes)).toBe(true);
    expect(() => fromBase64(`${text.slice(0, 500_000)}=${text.slice(500_000)}`, { alphabet: 'base64url' })).toThrow(SyntaxError);
    expect(() => fromBase64(`${text.slice(0, 500_000)}+${text.slice(500_000)}`, { alphabet: 'base64url' })).toThrow(SyntaxError);
  });
});

describe('utf8Text', () => {
  it.each([
    ['only a BOM', [0xef, 0xbb, 0xbf]],
    ['a BOM then a lone continuation', [0xef, 0xbb, 0xbf, 0x80]],
    ['a truncated BOM', [0xef, 0xbb]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['an overlong three-byte', [0xe0, 0x80, 0xaf]],
    ['a BOM not at the start', [0x41, 0xef, 0xbb, 0xbf]],
  ])('%s: as the fatal TextDecoder', (_, b) => {
    let want: string | null;
    try {
      want = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(b));
    } catch {
      want = null;
    }
    expect(utf8Text(new Uint8Array(b))).toBe(want);
  });
  it('a view into a larger buffer reads only its own bytes', () => {
    const big = Buffer.from('\uFEFFabc\u00e9', 'utf8');
    expect(utf8Text(new Uint8Array(big.buffer, big.byteOffset + 3, 3))).toBe('abc');
  });
});
