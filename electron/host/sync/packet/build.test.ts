/** The Packet JSON written piece by piece is exactly the JSON.stringify of the same packet, so digests never change. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPacket, packetBytes, packetJson, signCompact } from './build';
import { openPacket } from './open';
import { sampleInput, testKeys } from './test-packets';

const t = await testKeys();

describe('packet bytes', () => {
  it.each([['Công an phường Hoàn Kiếm'], ['plain ASCII'], [null]])('station %s: the bytes are JSON.stringify({ manifest, parts }) in UTF-8', (station) => {
    const input = { ...sampleInput(), station };
    const bytes = packetBytes(input, t.keys.deviceId);
    const { manifest, parts } = JSON.parse(bytes.toString('utf8')) as { manifest: unknown; parts: Record<string, string> };
    expect(bytes.equals(Buffer.from(JSON.stringify({ manifest, parts }), 'utf8'))).toBe(true);
    expect(packetJson(input, t.keys.deviceId)).toBe(bytes.toString('utf8'));
  });

  it('signs the bytes as it signs their text; the digest is the SHA-256 of the JWS inside the JWE', async () => {
    const input = sampleInput();
    const jws = signCompact(packetBytes(input, t.keys.deviceId), t.keys.signingKey, t.keys.deviceId);
    expect(signCompact(packetJson(input, t.keys.deviceId), t.keys.signingKey, t.keys.deviceId)).toBe(jws);
    const built = await buildPacket(input, t.keys);
    expect(built.digest).toBe(createHash('sha256').update(jws).digest('hex'));
    const opened = await openPacket(built.jwe, { decryptionKey: t.encryption.privateJwk, deviceKey: () => t.signing.publicJwk });
    expect(opened.digest).toBe(built.digest);
  });
});
