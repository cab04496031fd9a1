import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SECRET_PROTOCOL_PREFIX, WIRE_PROTOCOL } from '../../shared/contract/index';
import type { Host } from '../host/host';
import { silentLogger } from '../host/log';
import { startBrowserShellServer, type BrowserShellServer } from './server';
import { demoHost } from '../host/test-host';

const secret = 'a'.repeat(64);
let host: Host;
let shell: BrowserShellServer;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-shell-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer/index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder');
  host = await demoHost('', silentLogger, { dataDir: dir, isTrustedSender: (ctx) => ctx.shell === 'browser' });
  shell = await startBrowserShellServer({ host, rendererDir: join(dir, 'renderer'), log: silentLogger, secret });
});
afterAll(async () => {
  await shell.close();
  await host.close();
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const u = new URL(shell.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: u.port, path, headers: { host: u.host, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const launchSecret = () => new URL(shell.launchUrl()).hash.slice('#k='.length);

function connect(opts: { origin?: string; protocols?: string[]; path?: string; host?: string; secret?: string } = {}): Promise<WebSocket> {
  const url = shell.origin.replace('http', 'ws') + (opts.path ?? '/bridge');
  const ws = new WebSocket(url, opts.protocols ?? [WIRE_PROTOCOL, SECRET_PROTOCOL_PREFIX + (opts.secret ?? launchSecret())], {
    origin: opts.origin ?? shell.origin,
    headers: opts.host ? { host: opts.host } : {},
  });
  // The server's first frame (the session secret) can arrive with the open: keep it for the test.
  const first = new Promise<string>((resolve) => ws.once('message', (d) => resolve(String(d))));
  (ws as WebSocket & { first?: Promise<string> }).first = first;
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, frame: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMsg = (data: WebSocket.RawData) => {
      const f = JSON.parse(String(data));
      if (f.type === 'result') {
        ws.off('message', onMsg);
        resolve(f);
      }
    };
    ws.on('message', onMsg);
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
}

describe('browser shell HTTP server', () => {
  it('listens on 127.0.0.1 only and puts the secret in the fragment', () => {
    expect(shell.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(shell.appUrl).toBe(`${shell.origin}/#k=${secret}`);
    expect(shell.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the renderer with a strict CSP and no remote origins', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
    expect(csp).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses path traversal out of the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const r = await get(p);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('outside the renderer');
    }
  });

  it('refuses a request for another Host name (DNS rebinding)', async () => {
    const r = await get('/', { host: 'evil.test' });
    expect(r.status).toBe(421);
  });
});

describe('browser shell WebSocket bridge', () => {
  it('answers a contract call and pushes device events', async () => {
    const ws = await connect();
    const res = await call(ws, { type: 'call', id: 1, channel: 'device.status' });
    expect(res).toMatchObject({ id: 1, result: { ok: true, value: { cardService: 'simulated', readers: [{ cardPresent: true }] } } });
    const event = new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))));
    await host.context.demo!.set({ present: false });
    expect(await event).toMatchObject({ type: 'event', name: 'device.changed', payload: { readers: [{ cardPresent: false }] } });
    ws.close();
  });

  it('returns typed errors for an unknown channel and a bad payload', async () => {
    const ws = await connect();
    expect(await call(ws, { type: 'call', id: 2, channel: 'store.dropAll', payload: {} })).toMatchObject({
      result: { ok: false, error: { code: 'bridge.unknown_channel' } },
    });
    expect(await call(ws, { type: 'call', id: 3, channel: 'system.ping', payload: { nonce: '' } })).toMatchObject({
      result: { ok: false, error: { code: 'bridge.invalid_payload' } },
    });
    ws.close();
  });

  it('a launch secret opens the bridge once, and hands over a session secret for reconnects', async () => {
    const first = launchSecret();
    const ws = await connect({ secret: first });
    const session = JSON.parse(await (ws as WebSocket & { first: Promise<string> }).first).secret as string;
    expect(session).toMatch(/^[0-9a-f]{64}$/);
    ws.close();
    // (a spent launch secret offered again shuts the bridge: server-hostile.test.ts)
    const again = await connect({ secret: session });
    expect(await call(again, { type: 'call', id: 9, channel: 'system.ping', payload: { nonce: 'r' } })).toMatchObject({ result: { ok: true } });
    again.close();
  });

  it('closes the socket on a malformed frame', async () => {
    const ws = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{not json');
    expect(await closed).toBe(1008);
  });

  it.each([
    ['a wrong secret', { protocols: [WIRE_PROTOCOL, SECRET_PROTOCOL_PREFIX + 'b'.repeat(64)] }],
    ['no secret', { protocols: [WIRE_PROTOCOL] }],
    ['no protocol', { protocols: [] }],
    ['a foreign Origin', { origin: 'http://evil.test' }],
    ['a localhost Origin on another port', { origin: 'http://127.0.0.1:1' }],
    ['another path', { path: '/other' }],
  ])('refuses a connection with %s', async (_l, opts) => {
    await expect(connect(opts)).rejects.toThrow(/403/);
  });
});
