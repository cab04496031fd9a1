/** Packets built in the pool's threads: the same digest as on the event loop, opened by the upstream; failures as inline. */
import { afterEach, describe, expect, it } from 'vitest';
import { buildFailure } from '../worker';
import { buildPacket, jweText } from './build';
import { BuildPool } from './build-pool';
import { PacketError } from './errors';
import { openPacket } from './open';
import { sampleInput, testKeys } from './test-packets';

let pool: BuildPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('BuildPool', () => {
  it('builds in a thread the packet the event loop builds (same digest), which the upstream opens', async () => {
    const { keys, signing, encryption } = await testKeys();
    pool = new BuildPool({ threads: 2 });
    const input = sampleInput();
    const [a, b, inline] = await Promise.all([pool.build(input, keys), pool.build(sampleInput('HS-ABCDEFGH24'), keys), buildPacket(input, keys)]);
    expect(a.digest).toBe(inline.digest);
    expect(b.digest).not.toBe(a.digest);
    // Handed back as bytes (the thread's memory, moved), a fresh JWE each time: the signed content is what is compared.
    expect(a.jwe).toBeInstanceOf(Uint8Array);
    expect(jweText(a.jwe)).not.toBe(inline.jwe);
    expect(a.size).toBe(a.jwe.length);
    const opened = await openPacket(jweText(a.jwe), { decryptionKey: encryption.privateJwk, deviceKey: () => signing.publicJwk });
    expect(opened.digest).toBe(inline.digest);
    expect(opened.packet.manifest.dossierId).toBe(input.dossierId);
  });

  it('a failure in the thread rejects as it would inline: too large keeps its code (final), anything else is retried', async () => {
    const { keys } = await testKeys();
    pool = new BuildPool({ threads: 1 });
    const big = { ...sampleInput(), livePortrait: new Uint8Array(9_000_000).fill(7) };
    const tooLarge = await pool.build(big, keys).catch((e: unknown) => e);
    expect(tooLarge).toBeInstanceOf(PacketError);
    expect(buildFailure(tooLarge)).toMatchObject({ kind: 'final', code: 'packet.too_large' });
    const badKey = await pool.build(sampleInput(), { ...keys, signingKey: { ...keys.signingKey, crv: 'P-384' } }).catch((e: unknown) => e);
    expect(badKey).toBeInstanceOf(Error);
    expect(buildFailure(badKey)).toMatchObject({ kind: 'retry', code: 'packet.build_failed' });
  });

  it('a build under way when its thread ends (the pool closed, the thread gone) fails and is retried', async () => {
    const { keys } = await testKeys();
    pool = new BuildPool({ threads: 1 });
    await pool.build(sampleInput(), keys);
    const pending = pool.build(sampleInput(), keys).catch((e: unknown) => e);
    await pool.close();
    expect(buildFailure(await pending)).toMatchObject({ kind: 'retry', code: 'packet.build_failed' });
  });

  it('a build whose thread hangs fails after the timeout (retried), the thread is ended, and the next build gets a fresh one', async () => {
    const { keys } = await testKeys();
    pool = new BuildPool({ threads: 1, timeoutMs: 300, module: './test-hang-thread' });
    // Loaded: a plain build comes back (refused by this thread), not timed out.
    expect(String(await pool.build(sampleInput(), keys).catch((e: unknown) => e))).toMatch(/failed in its thread/);
    const hung = await pool.build({ ...sampleInput(), station: 'hang' }, keys).catch((e: unknown) => e);
    expect(String(hung)).toMatch(/timed out/);
    expect(buildFailure(hung)).toMatchObject({ kind: 'retry', code: 'packet.build_failed' });
    // A fresh thread answers (the hung one would never have).
    expect(String(await pool.build(sampleInput(), keys).catch((e: unknown) => e))).toMatch(/failed in its thread/);
  });

  it('a thread that never finishes loading is ended after the load timeout; its build and the next are made on the event loop (same digest), logged once', async () => {
    const { keys } = await testKeys();
    const logged: string[] = [];
    const log = { info() {}, warn() {}, error: (e: string) => void logged.push(e) };
    pool = new BuildPool({ threads: 1, loadTimeoutMs: 400, module: './test-stuck-load-thread', log });
    const input = sampleInput();
    const inline = await buildPacket(input, keys);
    const first = await pool.build(input, keys);
    expect(first.digest).toBe(inline.digest);
    expect((await pool.build(input, keys)).digest).toBe(inline.digest);
    expect(logged).toEqual(['sync.build_thread_unavailable']);
  });

  // Review probe (issue 11): a JWE small enough to come from Node's shared 8 KB Buffer pool in the
  // thread is handed back in memory of its own (transferring the pool would detach it under every
  // other small Buffer of that thread), and the thread keeps building correct packets after it.
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
