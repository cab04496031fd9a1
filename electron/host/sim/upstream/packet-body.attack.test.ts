/**
 * Review probes of the PUT body kept as bytes (issue 11): routed to a verification thread as a
 * Buffer (a small one lies in Node's shared pool), stored with CAST(? AS TEXT). The stored text is
 * the JWE as sent; whitespace the base64 decoder skips gives the same packet (200, digest as
 * before, the stored text untouched); non-ASCII bytes and a tiny body are refused, nothing stored.
 */
import { describe, expect, it } from 'vitest';
import { newDossierId } from '../../store/dossiers';
import { buildPacket } from '../../sync/packet/build';
import { sampleInput } from '../../sync/packet/test-packets';
import { putPacket } from './test-client';
import { useUpstream } from './test-upstream';

const env = useUpstream('upstream-body-attack-');
const put = (id: string, jwe: string) => putPacket(env.up.url, env.kiosk.tls, id, jwe);

describe('a PUT body as bytes', () => {
  it('stores the JWE text as sent; a trailing newline is the same packet; an import of the text is the same packet', async () => {
    env.up.control.mode('hold');
    const id = newDossierId();
    const p = await buildPacket(sampleInput(id, env.chipFiles), env.kiosk.keys);
    expect(await put(id, p.jwe)).toMatchObject({ status: 201, json: { digest: p.digest } });
    const row = env.up.control.packet(id)!;
    expect(typeof row.jwe).toBe('string');
    expect(row.jwe).toBe(p.jwe);
    expect(await put(id, `${p.jwe}\n`)).toMatchObject({ status: 200, json: { digest: p.digest } });
    expect((await env.up.control.importPacket(p.jwe)).status).toBe(200);
    expect(env.up.control.packet(id)!.jwe).toBe(p.jwe);
  });

  it.each([
    ['non-ASCII bytes in the ciphertext', (jwe: string) => jwe.replace(/\.([^.]*)\.([^.]*)$/, '.$1é.$2')],
    ['a non-ASCII character after the tag', (jwe: string) => `${jwe}\u00ff`],
    ['a tiny body (a pooled Buffer on the event loop)', () => 'a.b.c.d.e'],
  ])('%s: refused, nothing stored', async (_, mangle) => {
    env.up.control.mode('hold');
    const id = newDossierId();
    const p = await buildPacket(sampleInput(id, env.chipFiles), env.kiosk.keys);
    const a = await put(id, mangle(p.jwe));
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.status).toBeLessThan(500);
    expect(env.up.control.packet(id)).toBeUndefined();
    // The genuine packet still goes in after it.
    expect(await put(id, p.jwe)).toMatchObject({ status: 201, json: { digest: p.digest } });
  });
});
