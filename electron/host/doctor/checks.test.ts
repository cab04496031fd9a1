import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../config';
import { runChecks } from './checks';
import { probeUpstream } from './upstream-probe';

const repoRoot = new URL('../../..', import.meta.url).pathname;

function fakeRoot(model: 'none' | 'wrong' | 'real'): string {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-doctor-'));
  writeFileSync(join(root, 'package.json'), '{"name":"x"}');
  mkdirSync(join(root, 'node_modules/@mediapipe/tasks-vision'), { recursive: true });
  writeFileSync(join(root, 'node_modules/@mediapipe/tasks-vision/package.json'), '{"version":"1.1.0"}');
  mkdirSync(join(root, 'resources/models'), { recursive: true });
  const modelFile = join(root, 'resources/models/face_landmarker.task');
  if (model === 'wrong') writeFileSync(modelFile, 'not the model');
  if (model === 'real') copyFileSync(join(repoRoot, 'resources/models/face_landmarker.task'), modelFile);
  return root;
}

const noPcsc = async () => ({ reachable: false, readers: [], error: 'test: no service' });
const byId = (checks: Awaited<ReturnType<typeof runChecks>>, id: string) => checks.find((c) => c.id === id)!;

describe('doctor checks', () => {
  it('requires the card service outside demo mode and lists the readers it sees', async () => {
    const root = fakeRoot('none');
    const config = configSchema.parse({ dataDir: join(root, 'data') });
    const down = await runChecks({ root, config, demo: false, chromium: null, electron: null, probePcsc: noPcsc });
    expect(byId(down, 'pcscd')).toMatchObject({ status: 'fail', required: true, fix: expect.stringContaining('pcscd') });
    const up = await runChecks({ root, config, demo: false, chromium: null, electron: null,
      probePcsc: async () => ({ reachable: true, readers: ['ACS ACR1252 00 00'] }) });
    expect(byId(up, 'pcscd')).toMatchObject({ status: 'ok', detail: { readers: ['ACS ACR1252 00 00'] } });
    const empty = await runChecks({ root, config, demo: false, chromium: null, electron: null,
      probePcsc: async () => ({ reachable: true, readers: [] }) });
    expect(byId(empty, 'pcscd')).toMatchObject({ status: 'warn' });
  });

  it('fails a missing or altered face model and an unpinned MediaPipe, with a fix', async () => {
    for (const model of ['none', 'wrong'] as const) {
      const root = fakeRoot(model);
      const checks = await runChecks({ root, config: configSchema.parse({ dataDir: join(root, 'data') }), demo: true, chromium: null, electron: null, probePcsc: noPcsc });
      expect(byId(checks, 'face-model')).toMatchObject({ status: 'fail', required: true, fix: expect.any(String) });
      expect(byId(checks, 'mediapipe')).toMatchObject({ status: 'fail', required: true });
      expect(byId(checks, 'shell')).toMatchObject({ status: 'fail' });
      expect(byId(checks, 'data-dir')).toMatchObject({ status: 'ok' });
      expect(byId(checks, 'upstream')).toMatchObject({ status: 'warn', required: false });
      // In demo mode the card service is optional: its absence warns, never fails the run.
      expect(byId(checks, 'pcscd')).toMatchObject({ status: 'warn', required: false });
    }
  });

  it.runIf(existsSync(join(repoRoot, 'resources/models/face_landmarker.task')))('accepts the real model by its SHA-256 (runs once setup has installed the model)', async () => {
    const root = fakeRoot('real');
    const checks = await runChecks({ root, config: configSchema.parse({ dataDir: join(root, 'data') }), demo: true, chromium: '/usr/bin/chromium', electron: null, probePcsc: noPcsc });
    expect(byId(checks, 'face-model').status).toBe('ok');
    expect(byId(checks, 'shell').status).toBe('ok');
  });

  it.runIf(process.getuid?.() !== 0)('reports a data folder it cannot write (not run as root: root ignores permission bits)', async () => {
    const root = fakeRoot('none');
    const ro = join(root, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    const checks = await runChecks({ root, config: configSchema.parse({ dataDir: join(ro, 'data') }), demo: true, chromium: null, electron: null, probePcsc: noPcsc });
    expect(byId(checks, 'data-dir').status).toBe('fail');
  });

  it('reports an unreadable data folder path (a file in the way)', async () => {
    const root = fakeRoot('none');
    writeFileSync(join(root, 'blocker'), 'x');
    const checks = await runChecks({ root, config: configSchema.parse({ dataDir: join(root, 'blocker', 'data') }), demo: true, chromium: null, electron: null, probePcsc: noPcsc });
    expect(byId(checks, 'data-dir')).toMatchObject({ status: 'fail', fix: expect.any(String) });
  });
});

describe('upstream probe', () => {
  it('reaches a real HTTPS server with its CA, and refuses it without', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const { readFileSync } = await import('node:fs');
    const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_q, s) => s.writeHead(204).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      expect(await probeUpstream(url, join(dir, 'cert.pem'))).toEqual({ ok: true, detail: 'HTTP 204' });
      const untrusted = await probeUpstream(url);
      expect(untrusted.ok).toBe(false);
      expect(untrusted.detail).toMatch(/self.signed|certificate/i);
    } finally {
      server.close();
    }
  });

  it('reports a closed port as unreachable', async () => {
    const r = await probeUpstream('https://127.0.0.1:1/', undefined, 2000);
    expect(r.ok).toBe(false);
  });
});
