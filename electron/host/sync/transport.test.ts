/** The transport against real local HTTPS servers: mutual TLS, the pinned CA, timeouts, refused connections. */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeDeviceKeys } from './identity';
import { makeTestTls, type TestTls } from './test-tls';
import { UpstreamClient } from './upstream-client';

let tls: TestTls;
let other: TestTls;
let client: { cert: string; key: string };
const servers: Server[] = [];

beforeAll(async () => {
  [tls, other] = await Promise.all([makeTestTls(), makeTestTls()]);
  const keys = await makeDeviceKeys('Trạm thử');
  client = { cert: await tls.issueClient(keys.csrPem, 'KIOSK-TEST0001'), key: keys.tlsKeyPem };
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(pki: TestTls, handler: Parameters<typeof createServer>[1]): Promise<string> {
  const s = createServer({ cert: pki.serverCertPem, key: pki.serverKeyPem, ca: pki.caPem, requestCert: true, rejectUnauthorized: true }, handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `https://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

const receipt = { dossierId: 'HS-23456789AB', digest: 'ab', receivedAt: '2026-11-30T00:00:00Z' };

describe('UpstreamClient over real TLS', () => {
  it('presents the client certificate and sends the packet with its Content-Digest', async () => {
    let seen: { cn: string | undefined; digest: string | undefined; body: string } | null = null;
    const url = await serve(tls, (req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const peer = (req.socket as TLSSocket).getPeerCertificate();
        seen = { cn: peer.subject?.CN as string | undefined, digest: req.headers['content-digest'] as string | undefined, body };
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(receipt));
      });
    });
    const c = new UpstreamClient({ baseUrl: url, caPem: tls.caPem, clientCertPem: client.cert, clientKeyPem: client.key });
    expect(await c.putPacket('HS-23456789AB', 'eyJ.jwe')).toMatchObject({ kind: 'stored', status: 201 });
    c.close();
    expect(seen).toEqual({ cn: 'KIOSK-TEST0001', digest: expect.stringMatching(/^sha-256=:[A-Za-z0-9+/]{43}=:$/), body: 'eyJ.jwe' });
  });

  it('refuses a server whose certificate is not from the pinned CA (no system CAs)', async () => {
    const url = await serve(other, (_req, res) => res.end('{}'));
    const c = new UpstreamClient({ baseUrl: url, caPem: tls.caPem, clientCertPem: client.cert, clientKeyPem: client.key });
    expect(await c.putPacket('HS-23456789AB', 'x')).toMatchObject({ kind: 'retry', code: 'net.tls' });
    c.close();
  });

  it('without a client certificate the upstream refuses the connection', async () => {
    const url = await serve(tls, (_req, res) => res.end('{}'));
    const c = new UpstreamClient({ baseUrl: url, caPem: tls.caPem });
    const o = await c.putPacket('HS-23456789AB', 'x');
    expect(o.kind).toBe('retry');
    expect(['net.reset', 'net.tls', 'net.other']).toContain((o as { code: string }).code);
    c.close();
  });

  it('a server that never answers ends in a read timeout; a closed port is refused', async () => {
    const url = await serve(tls, () => undefined);
    const c = new UpstreamClient({ baseUrl: url, caPem: tls.caPem, clientCertPem: client.cert, clientKeyPem: client.key, readTimeoutMs: 300 });
    expect(await c.putPacket('HS-23456789AB', 'x')).toMatchObject({ kind: 'retry', code: 'net.timeout' });
    c.close();
    const port = Number(new URL(url).port);
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => { s.closeAllConnections(); s.close(r); })));
    const d = new UpstreamClient({ baseUrl: `https://127.0.0.1:${port}`, caPem: tls.caPem, clientCertPem: client.cert, clientKeyPem: client.key });
    expect(await d.putPacket('HS-23456789AB', 'x')).toMatchObject({ kind: 'retry', code: 'net.refused' });
    d.close();
  });

  it('an upstream trickling a byte within every read timeout is cut at the overall deadline, for uploads and the status feed (was: read timeout only)', async () => {
    const url = await serve(tls, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
      const drip = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(drip));
    });
    const c = new UpstreamClient({ baseUrl: url, caPem: tls.caPem, clientCertPem: client.cert, clientKeyPem: client.key, readTimeoutMs: 400, deadlineMs: 600 });
    expect(await c.putPacket('HS-23456789AB', 'x')).toMatchObject({ kind: 'retry', code: 'net.timeout' });
    await expect(c.statusSince('0')).rejects.toMatchObject({ code: 'net.timeout' });
    c.close();
  });

  it('reads the status feed and refuses a malformed page', async () => {
    let page: unknown = { changes: [{ seq: 1, dossierId: 'HS-23456789AB', status: 'accepted', at: '2026-11-30T00:00:00Z' }], cursor: '1', more: false };
    const url = await serve(tls, (req, res) => {
      expect(req.url).toBe('/v1/status?since=0&limit=100');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page));
    });
    const c = new UpstreamClient({ baseUrl: url, caPem: tls.caPem, clientCertPem: client.cert, clientKeyPem: client.key });
    expect((await c.statusSince('0')).cursor).toBe('1');
    page = { changes: 'no' };
    await expect(c.statusSince('0')).rejects.toMatchObject({ code: 'bad_response' });
    c.close();
  });
});
