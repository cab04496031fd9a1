/**
 * Review probe (issue 11): a packet small enough that its JWE's bytes would come from Node's shared
 * 8 KB Buffer pool in the build thread is handed back in memory of its own (the pool is never
 * transferred, which would detach it under every other small Buffer of that thread), and the same
 * thread keeps building correct packets after it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { jweText } from './build';
import { BuildPool } from './build-pool';
import { openPacket } from './open';
import { sampleInput, testKeys } from './test-packets';

let pool: BuildPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('BuildPool with tiny packets', () => {
  it('a JWE under 4 KB comes back in its own ArrayBuffer, and the thread builds correct packets after it', async () => {
    const { keys, signing, encryption } = await testKeys();
    pool = new BuildPool({ threads: 1 });
    const tiny = (id: string) => ({ ...sampleInput(id, {}), dossier: {}, liveness: {}, livePortrait: new Uint8Array(0), station: null });
    const ids = ['HS-ABCDEFGH23', 'HS-ABCDEFGH24', 'HS-ABCDEFGH25', 'HS-ABCDEFGH26'];
    for (const id of ids) {
      const { chipPortrait: _c, ...input } = tiny(id);
      const built = await pool.build(input, keys);
      expect(built.jwe).toBeInstanceOf(Uint8Array);
      const bytes = built.jwe as Uint8Array;
      expect(bytes.length).toBeLessThan(4096);
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.buffer.byteLength).toBe(bytes.length);
      const opened = await openPacket(jweText(bytes), { decryptionKey: encryption.privateJwk, deviceKey: () => signing.publicJwk });
      expect(opened.digest).toBe(built.digest);
      expect(opened.packet.manifest.dossierId).toBe(id);
    }
    // A full-size packet after them, from the same thread.
    const big = await pool.build(sampleInput(), keys);
    const opened = await openPacket(jweText(big.jwe), { decryptionKey: encryption.privateJwk, deviceKey: () => signing.publicJwk });
    expect(opened.digest).toBe(big.digest);
  });
});
