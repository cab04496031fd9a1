import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { enrolKiosk, call } from '../host/sim/upstream/test-client';
import { newDossierId } from '../host/store/dossiers';
import { buildPacket } from '../host/sync/packet/build';
import { sampleInput } from '../host/sync/packet/test-packets';

async function start(dataDir: string, extra: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/upstream.ts', '--data', dataDir, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => JSON.parse((await lines.next()).value as string) as Record<string, unknown>;
  return { child, next, info: (await next()) as { url: string; enrolmentUrl: string; caPath: string; token: string } };
}

describe('npm run upstream', () => {
  it('prints its URLs, the CA to pin and a token a kiosk enrols with; follows its script; stops on SIGTERM with exit 0 and keeps its data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upstream-cli-'));
    const script = join(dir, 'script.json');
    writeFileSync(script, JSON.stringify({ fail: { count: 1, status: 429, retryAfter: 3 } }));
    const first = await start(join(dir, 'data'), ['--script', script]);
    const caPem = readFileSync(first.info.caPath, 'utf8');
    expect(JSON.parse(readFileSync(join(dir, 'data', 'enrolment.json'), 'utf8'))).toMatchObject({ token: first.info.token, caPem });
    const kiosk = await enrolKiosk(first.info.enrolmentUrl, caPem, first.info.token);
    expect(await call(first.info.url, kiosk.tls, 'GET', '/v1/status?since=0')).toMatchObject({ status: 429, headers: { 'retry-after': '3' } });
    expect((await call(first.info.url, kiosk.tls, 'GET', '/v1/status?since=0')).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await once(first.child, 'exit')).toEqual([0, null]);
    const again = await start(join(dir, 'data'));
    expect((await call(again.info.url, kiosk.tls, 'GET', '/v1/status?since=0')).status).toBe(200);
    // Exported packets imported directly: a good one stored, junk refused with its code.
    mkdirSync(join(dir, 'usb', 'HS'), { recursive: true });
    const id = newDossierId();
    writeFileSync(join(dir, 'usb', 'HS', `${id}.jwe`), (await buildPacket(sampleInput(id), kiosk.keys)).jwe);
    writeFileSync(join(dir, 'usb', 'junk.jwe'), 'a.b.c.d.e');
    again.child.kill('SIGINT');
    expect(await once(again.child, 'exit')).toEqual([0, null]);
    const imported = await start(join(dir, 'data'), ['--import', join(dir, 'usb')]);
    expect(await imported.next()).toEqual({ imported: `HS/${id}.jwe`, status: 201, dossierId: id });
    expect(await imported.next()).toEqual({ imported: 'junk.jwe', refused: 'packet.decrypt_failed' });
    imported.child.kill('SIGINT');
    expect(await once(imported.child, 'exit')).toEqual([0, null]);
  }, 90_000);
});
