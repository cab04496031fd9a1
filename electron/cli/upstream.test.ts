import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { enrolKiosk, call } from '../host/sim/upstream/test-client';

async function start(dataDir: string, extra: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/upstream.ts', '--data', dataDir, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, info: JSON.parse(line) as { url: string; enrolmentUrl: string; caPath: string; token: string } };
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
    again.child.kill('SIGINT');
    expect(await once(again.child, 'exit')).toEqual([0, null]);
  }, 60_000);
});
