import { describe, expect, it } from 'vitest';
import { base64url, type JWK } from 'jose';
import { buildPacket, encryptTo, packetJson, signCompact } from './build';
import { PacketError } from './errors';
import { generateSigningKey } from './keys';
import { openPacket } from './open';
import { sampleInput, testKeys } from './test-packets';

const t = await testKeys();
const input = sampleInput();
const opener = (deviceKey: (kid: string) => JWK | undefined = (kid) => (kid === t.keys.deviceId ? t.signing.publicJwk : undefined)) => ({
  decryptionKey: t.encryption.privateJwk,
  deviceKey,
});
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(PacketError);
  return e as PacketError;
};
/** A correctly signed and encrypted packet whose JSON was changed before signing. */
const signedVariant = async (change: (packet: { manifest: { parts: Array<{ name: string; sha256: string }> }; parts: Record<string, string> }) => void) => {
  const packet = JSON.parse(packetJson(input, t.keys.deviceId));
  change(packet);
  return encryptTo(signCompact(JSON.stringify(packet), t.keys.signingKey, t.keys.deviceId), t.keys.upstreamKey);
};

describe('packets', () => {
  it('round trip: every part comes back byte for byte, signed by the device, with the digest the builder gave', async () => {
    const built = await buildPacket(input, t.keys);
    expect(built.size).toBe(built.jwe.length);
    expect(built.size).toBeGreaterThan(100_000);
    const { packet, digest, signer } = await openPacket(built.jwe, opener());
    expect(digest).toBe(built.digest);
    expect(signer).toBe('KIOSK-TEST0001');
    expect(packet.manifest).toMatchObject({ packetVersion: 1, dossierId: 'HS-ABCDEFGH23', deviceId: 'KIOSK-TEST0001', officerId: 'o-1', supervisorId: 's-1', approvedAt: input.approvedAt });
    expect(Buffer.from(packet.parts.get('live_portrait.jpg')!)).toEqual(Buffer.from(input.livePortrait));
    expect(Buffer.from(packet.parts.get('ef_sod')!)).toEqual(Buffer.from(input.chipFiles.ef_sod!));
    expect(JSON.parse(Buffer.from(packet.parts.get('dossier.json')!).toString())).toEqual(input.dossier);
    expect(packet.manifest.parts.map((p) => p.name)).toEqual(['dossier.json', 'live_portrait.jpg', 'chip_portrait', 'ef_com', 'ef_sod', 'dg1', 'dg2', 'dg13', 'dg14', 'dg15', 'liveness.json']);
    expect(packet.manifest.parts.find((p) => p.name === 'chip_portrait')?.mediaType).toBe('image/jpeg');
  });

  it('the same dossier built twice: different JWE bytes, the same digest; another dossier another digest', async () => {
    const [a, b, c] = await Promise.all([buildPacket(input, t.keys), buildPacket(input, t.keys), buildPacket({ ...input, approvedAt: '2026-11-30T01:21:00.000Z' }, t.keys)]);
    expect(a.jwe).not.toBe(b.jwe);
    expect(a.digest).toBe(b.digest);
    expect(c.digest).not.toBe(a.digest);
  });

  it('nothing of the citizen is readable in the JWE: name, ID number, phone, the portrait bytes', async () => {
    const { jwe } = await buildPacket(input, t.keys);
    const bytes = Buffer.from(jwe);
    for (const s of ['Nguyễn Thị Nhung', 'Nhung', 'NHUNG', '001190012345', '0912345678', 'Hàng Bạc']) {
      expect(bytes.includes(Buffer.from(s))).toBe(false);
      expect(bytes.includes(Buffer.from(base64url.encode(s)))).toBe(false);
    }
    expect(bytes.includes(Buffer.from(input.livePortrait.subarray(200, 232)).toString('base64').slice(4, 28))).toBe(false);
    // The header names the algorithms and the key, nothing else.
    expect(Object.keys(JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString())).sort()).toEqual(['alg', 'cty', 'enc', 'epk', 'kid']);
  });

  it('a changed ciphertext, tag or header fails to decrypt', async () => {
    const { jwe } = await buildPacket(input, t.keys);
    const parts = jwe.split('.');
    const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
    for (const i of [3, 4]) {
      const changed = [...parts];
      changed[i] = flip(changed[i]!, 10);
      expect((await refusal(openPacket(changed.join('.'), opener()))).code).toBe('packet.decrypt_failed');
    }
    const other = await testKeys();
    expect((await refusal(openPacket(jwe, { ...opener(), decryptionKey: other.encryption.privateJwk }))).code).toBe('packet.decrypt_failed');
    expect((await refusal(openPacket('not.a.jwe', opener()))).code).toBe('packet.malformed');
  });

  it('signed by another key under this device id: signature_invalid; by a device nobody enrolled: device.unknown', async () => {
    const intruder = await generateSigningKey();
    const forged = await buildPacket(input, { ...t.keys, signingKey: intruder.privateJwk });
    const e = await refusal(openPacket(forged.jwe, opener()));
    expect([e.code, e.status]).toEqual(['packet.signature_invalid', 422]);
    const unknown = await buildPacket(input, { ...t.keys, deviceId: 'KIOSK-NOBODY0001' });
    expect((await refusal(openPacket(unknown.jwe, opener()))).code).toBe('device.unknown');
  });

  it('a part whose bytes do not match its manifest hash, a missing part, an extra part: manifest_mismatch', async () => {
    const wrongHash = await signedVariant((p) => {
      p.manifest.parts.find((x) => x.name === 'dg13')!.sha256 = '0'.repeat(64);
    });
    expect((await refusal(openPacket(wrongHash, opener()))).detail).toBe('part dg13 hash');
    const missing = await signedVariant((p) => {
      delete p.parts['ef_sod'];
    });
    const e = await refusal(openPacket(missing, opener()));
    expect([e.code, e.detail]).toEqual(['packet.manifest_mismatch', 'part ef_sod missing']);
    const extra = await signedVariant((p) => {
      p.parts['dg3'] = 'AAAA';
    });
    expect((await refusal(openPacket(extra, opener()))).code).toBe('packet.manifest_mismatch');
    const noPortrait = await signedVariant((p) => {
      p.manifest.parts = p.manifest.parts.filter((x) => x.name !== 'live_portrait.jpg');
      delete p.parts['live_portrait.jpg'];
    });
    expect((await refusal(openPacket(noPortrait, opener()))).detail).toBe('required part live_portrait.jpg missing');
  });

  it('a revoked device is refused with the code the key lookup throws', async () => {
    const { jwe } = await buildPacket(input, t.keys);
    const e = await refusal(openPacket(jwe, opener(() => {
      throw new PacketError('device.revoked');
    })));
    expect([e.code, e.status]).toEqual(['device.revoked', 403]);
  });
});
